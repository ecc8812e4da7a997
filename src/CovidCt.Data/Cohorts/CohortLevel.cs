namespace CovidCt.Data.Cohorts;

/// <summary>What one case of a cohort is, which decides the tables an evaluation can give.</summary>
public enum CohortLevel
{
    /// <summary>A patient: a series of consecutive slices with one label (per-image and per-patient tables).</summary>
    Patient,

    /// <summary>
    /// An unrelated slice: each image is its own case, of any size, with its own mask (per-image and lesion-level tables; no
    /// per-patient table, since the three-consecutive-slices rule needs a patient's consecutive slices).
    /// </summary>
    Image,
}
