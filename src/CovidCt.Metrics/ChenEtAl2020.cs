namespace CovidCt.Metrics;

/// <summary>
/// The published result tables of Chen J, Wu L, Zhang J, et al., "Deep learning-based model for detecting
/// 2019 novel coronavirus pneumonia on high-resolution computed tomography", Sci Rep 10:19196 (2020),
/// doi:10.1038/s41598-020-76282-0 (preprint medRxiv 2020.02.25.20021568). No confusion counts and no
/// confidence intervals were published; <see cref="PublishedFigureSolver"/> recovers the counts where they exist.
/// </summary>
public static class ChenEtAl2020
{
    private const string Source = "Chen et al. 2020, Sci Rep 10:19196, abstract and results; figures restated in the CT-Angel code release";

    /// <summary>Retrospective internal test set, per patient: 11 COVID-19 and 31 control patients.</summary>
    public static PublishedTable RetrospectivePerPatient { get; } = new(
        "retrospective-per-patient", "Retrospective internal test set, per patient", "patient",
        new PublishedFigures(Sensitivity: 100m, Specificity: 93.55m, Accuracy: 95.24m, Ppv: 84.62m, Npv: 100m, Decimals: 2),
        Positives: 11, Negatives: 31, Source);

    /// <summary>Retrospective internal test set, per image: 4,382 COVID-19 and 9,369 control images (13,751).</summary>
    public static PublishedTable RetrospectivePerImage { get; } = new(
        "retrospective-per-image", "Retrospective internal test set, per image", "image",
        new PublishedFigures(Sensitivity: 94.34m, Specificity: 99.16m, Accuracy: 98.85m, Ppv: 88.37m, Npv: 99.61m, Decimals: 2),
        Positives: 4382, Negatives: 9369, Source);

    /// <summary>Prospective test set, per patient: 27 consecutive patients, 16 COVID-19 and 11 others.</summary>
    public static PublishedTable ProspectivePerPatient { get; } = new(
        "prospective-per-patient", "Prospective test set, per patient", "patient",
        new PublishedFigures(Sensitivity: 100m, Specificity: 81.82m, Accuracy: 92.59m, Ppv: 88.89m, Npv: 100m, Decimals: 2),
        Positives: 16, Negatives: 11, Source);

    /// <summary>The three tables in the order the paper reports them.</summary>
    public static IReadOnlyList<PublishedTable> Tables { get; } = [RetrospectivePerPatient, RetrospectivePerImage, ProspectivePerPatient];
}
