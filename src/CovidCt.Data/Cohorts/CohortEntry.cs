namespace CovidCt.Data.Cohorts;

/// <summary>One patient row of a cohort manifest.</summary>
/// <param name="PatientId">Unique within the manifest.</param>
/// <param name="Label">The patient's reference diagnosis.</param>
/// <param name="Images">The CT as written in the manifest (relative to its folder, or absolute): a DICOM folder, a NIfTI file or a folder of PNG/JPEG slices.</param>
/// <param name="Masks">Lesion masks as written, or null: a NIfTI file, or a folder of PNG masks named like the slices.</param>
/// <param name="Split">The split, or null when the manifest does not assign one.</param>
public sealed record CohortEntry(string PatientId, PatientLabel Label, string Images, string? Masks, CohortSplit? Split)
{
    /// <summary>Absolute path of <see cref="Images"/>; set by <see cref="CohortManifest.Load"/> against the manifest's folder, else resolved against the current folder.</summary>
    public string ImagesPath { get; init; } = Path.GetFullPath(Images);

    /// <summary>Absolute path of <see cref="Masks"/>, or null when there are none.</summary>
    public string? MasksPath { get; init; } = Masks is null ? null : Path.GetFullPath(Masks);

    /// <summary>
    /// The window the entry's PNG/JPEG slices are read with: its manifest row's <c>window</c>, else the default window given to
    /// <see cref="CohortManifest.Load"/>; null for DICOM and NIfTI sources (they carry HU) and for slice folders read at the
    /// study's window because none was stated.
    /// </summary>
    public Imaging.HounsfieldWindow? Window { get; init; }

    /// <summary>
    /// Which values of the entry's mask are lesion: its manifest row's <c>mask_labels</c>, else the default given to
    /// <see cref="CohortManifest.Load"/> (<see cref="CtReadOptions.MaskLabels"/>); null means <see cref="LesionLabels.Binary"/>.
    /// </summary>
    public LesionLabels? MaskLabels { get; init; }

    /// <summary>The 1-based line of the manifest the entry came from, or null for entries built in code.</summary>
    public int? Line { get; init; }

    /// <summary>This entry with its paths resolved against <paramref name="folder"/>.</summary>
    public CohortEntry ResolvedAgainst(string folder) => this with
    {
        ImagesPath = Path.GetFullPath(Images, folder),
        MasksPath = Masks is null ? null : Path.GetFullPath(Masks, folder),
    };
}
