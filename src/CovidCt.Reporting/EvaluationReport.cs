using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Reporting.Files;
using CovidCt.Reporting.Html;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting;

/// <summary>
/// The files of an evaluation, as <c>covidct evaluate</c> writes them and a notebook can: metrics.json, slices.csv,
/// patients.csv (patient-level cohorts), lesions.csv and lesion-slices.csv (when the run has lesion-level results), the red-box figures of every wrong slice (figures/) and report.html, one self-contained page.
/// </summary>
public static class EvaluationReport
{
    /// <summary>The report page's file name.</summary>
    public const string PageName = "report.html";

    /// <summary>The metrics file's name.</summary>
    public const string MetricsName = "metrics.json";

    /// <summary>
    /// Writes every file of <paramref name="run"/> into <paramref name="outFolder"/> (created when missing; its files are
    /// replaced), drawing the error figures from <paramref name="manifest"/> (only patients with an error are read). For a
    /// notebook: the run needs its <see cref="ModelRun.Provenance"/>.
    /// </summary>
    /// <returns>The document written to metrics.json.</returns>
    public static EvaluationDocument Write(string outFolder, ModelRun run, CohortManifest manifest, CohortSplit? split, string? modelNote = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(outFolder);
        using var figures = new ErrorFigures(outFolder);
        figures.AddAll(run.Evaluation, manifest);
        return Write(outFolder, run, manifest, split, figures.Figures, modelNote);
    }

    /// <summary>
    /// Writes metrics.json, slices.csv, patients.csv and report.html of <paramref name="run"/> into <paramref name="outFolder"/>,
    /// whose <paramref name="figures"/> were drawn while the run went (<see cref="ErrorFigures.Add"/>), or null when none were
    /// drawn (<c>covidct evaluate --figures none</c>: report.html then says so where the gallery would be).
    /// </summary>
    /// <returns>The document written to metrics.json.</returns>
    public static EvaluationDocument Write(string outFolder, ModelRun run, CohortManifest manifest, CohortSplit? split, IReadOnlyList<ErrorFigure>? figures, string? modelNote)
    {
        ArgumentNullException.ThrowIfNull(run);
        var document = EvaluationDocument.Of(run, manifest, split, modelNote);
        OutputJson.Save(Path.Combine(outFolder, MetricsName), document);
        ResultTables.WriteSlices(Path.Combine(outFolder, "slices.csv"), run.Evaluation);
        // An image-level cohort has no patients to decide on, so no patients.csv (metrics.json says why).
        if (Conventions.CohortLevelText.HasPatientTable(manifest)) ResultTables.WritePatients(Path.Combine(outFolder, "patients.csv"), run.Evaluation);
        if (run.Lesions is { } lesions) LesionTables.Write(outFolder, lesions);
        // The report goes last, so it appears only once every file it describes is complete; an interrupted run leaves the previous one whole.
        AtomicFile.WriteAllText(Path.Combine(outFolder, PageName), ReportPage.Build(run, manifest, split, outFolder, figures, modelNote, document.PerImage.Calibration));
        return document;
    }
}
