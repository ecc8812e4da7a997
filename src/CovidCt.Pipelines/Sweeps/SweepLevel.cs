namespace CovidCt.Pipelines.Sweeps;

/// <summary>The level a sweep's metrics are read at.</summary>
public enum SweepLevel
{
    /// <summary>Per patient: the patient rule against the label.</summary>
    Patient,

    /// <summary>Per image: the slice decision against the slice truth (slices with a known truth).</summary>
    Image,
}
