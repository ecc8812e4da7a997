namespace CovidCt.Data.Cohorts;

/// <summary>One patient of a cohort, loaded: the CT, its lesion mask when there is one, and the per-slice truth.</summary>
/// <param name="Entry">The manifest row.</param>
/// <param name="Volume">The CT in HU.</param>
/// <param name="Mask">The lesion mask on the volume's grid, or null when the manifest gives none.</param>
/// <param name="SliceTruth">
/// Per slice (in volume order): true when the mask has at least the minimum number of lesion pixels on it, false when
/// not, null when unknown — a covid patient without masks. A control patient without masks has every slice false.
/// </param>
public sealed record CohortPatient(CohortEntry Entry, CtVolume Volume, LesionMask? Mask, IReadOnlyList<bool?> SliceTruth)
{
    /// <summary>True when every slice has a known truth, i.e. the patient can enter per-image metrics.</summary>
    public bool HasSliceTruth => SliceTruth.All(t => t is not null);
}
