using CovidCt.Imaging;

namespace CovidCt.Data;

/// <summary>Choices for <see cref="CtReader.Read"/> that the files themselves cannot answer.</summary>
public sealed record CtReadOptions
{
    /// <summary>The DICOM series to read when a folder holds several; null to require exactly one.</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>
    /// The window the 8-bit slices of a PNG/JPEG folder were exported with, used to map gray back to approximate HU;
    /// null means <see cref="StudyProtocol.LungWindow"/> (the study's W1200/L-700). Ignored for DICOM and NIfTI.
    /// </summary>
    public HounsfieldWindow? Window { get; init; }

    /// <summary>
    /// Which mask values are lesion for cohort entries whose manifest row states no <c>mask_labels</c> (each entry's
    /// <see cref="Cohorts.CohortEntry.MaskLabels"/>); null means <see cref="LesionLabels.Binary"/>.
    /// </summary>
    public LesionLabels? MaskLabels { get; init; }

    /// <summary>
    /// The largest slice and volume read, checked from headers before anything is allocated; <see cref="InputLimits.Default"/>
    /// unless raised (or lowered) by the caller. A mask is bounded by its image's grid instead.
    /// </summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}
