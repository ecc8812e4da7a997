using CovidCt.Reporting.Comparisons;
using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Workspace;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Plots;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Formatting;

/// <summary>Registers the platform's HTML formatters with .NET Interactive, so a result shows as a table when it is a cell's last expression.</summary>
public static class CovidCtFormatters
{
    /// <summary>The MIME type the formatters produce.</summary>
    public const string MimeType = "text/html";

    /// <summary>Registers every formatter; registering again replaces them with the same ones.</summary>
    public static void Register()
    {
        Add<ConfusionCounts>(MetricsHtml.Counts);
        Add<Estimate>(MetricsHtml.Estimate);
        Add<DiagnosticMetrics>(MetricsHtml.Metrics);
        Add<RocCurve>(RocHtml.Curve);
        Add<PairedDeLongResult>(RocHtml.PairedDeLong);
        Add<McNemarResult>(ComparisonHtml.McNemar);
        Add<PairedDecisionComparison>(ComparisonHtml.Decisions);
        Add<SolverResult>(SolverHtml.Result);
        Add<SolverFit>(SolverHtml.Fit);
        Add<PatientResult>(TimelineHtml.Patient);
        Add<PatientOutcome>(TimelineHtml.Outcome);
        Add<PipelineEvaluation>(EvaluationHtml.Evaluation);
        Add<SliceFigure>(FigureHtml.Figure);
        Add<SliceGallery>(FigureHtml.Gallery);
        Add<ModelComparison>(ModelComparisonHtml.Comparison);
        Add<Pipelines.Sweeps.SweepResult>(ExplorerHtml.Sweep);
        Add<Pipelines.Models.OnnxModelInfo>(ModelSummaryHtml.Model);
        Add<Data.Cohorts.CohortManifest>(ManifestHtml.Manifest);
        Add<BootstrapResult>(BootstrapHtml.Result);
        Add<IEnumerable<Pipelines.Sweeps.SweepRow>>(SweepRowsHtml.Rows);
        Add<IEnumerable<PatientOutcome>>(OutcomeRowsHtml.Rows);
        Add<PlotlyFigure>(ChartHtml.Figure);
        Add<ReproducibilityRecord>(ReproducibilityHtml.Record);
        Add<Reporting.Readers.ReaderStudyReport>(ReaderStudyHtml.Report);
        Add<SampleSizeResult>(SampleSizeHtml.Result);
    }

    private static void Add<T>(Func<T, string> html)
    {
        Formatter.Register(html, MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), MimeType);
    }
}
