using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Definition;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Files;

/// <summary>metrics.json and <c>covidct evaluate --json</c>: one run on one cohort, its tables, the study's and the full pipeline.</summary>
/// <param name="SchemaVersion">The schema version (<see cref="OutputJson.SchemaVersion"/>).</param>
/// <param name="ModelNote">Why another model than the one asked for was used, or null.</param>
/// <param name="Cohort">The cohort.</param>
/// <param name="Model">The model.</param>
/// <param name="Settings">The post-processing settings a reader looks for first (all of them are in <paramref name="Pipeline"/>).</param>
/// <param name="ProbabilityCache">Where the probability maps came from.</param>
/// <param name="CiMethod">The proportion-interval method.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="PerImage">The per-image table.</param>
/// <param name="PerPatient">The per-patient table; null for an image-level cohort (<see cref="PerPatientOmitted"/> says why).</param>
/// <param name="Published">The study's published figures.</param>
/// <param name="Pipeline">The full pipeline definition that ran: every option, the model's SHA-256, window, input size, valid area.</param>
/// <param name="ValidAreaRemoved">How much predicted lesion area the valid-area step removed.</param>
public sealed record EvaluationDocument(int SchemaVersion, string? ModelNote, CohortDocument Cohort, ModelDocument Model, SettingsDocument Settings,
    CacheDocument ProbabilityCache, string CiMethod, double Level, ImageTableDocument PerImage, PatientTableDocument? PerPatient,
    PublishedDocument Published, PipelineDefinition Pipeline, RemovedAreaDocument ValidAreaRemoved)
{
    /// <summary>Why there is no per-patient table, or null when there is one.</summary>
    public string? PerPatientOmitted { get; init; }

    /// <summary>The lesion-level results, or null when the run has none.</summary>
    public LesionDocument? Lesions { get; init; }

    /// <summary>What the run warned about (<see cref="ModelRun.Warnings"/>); empty when nothing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The document of <paramref name="run"/> on <paramref name="manifest"/>.</summary>
    public static EvaluationDocument Of(ModelRun run, CohortManifest manifest, CohortSplit? split, string? modelNote)
    {
        ArgumentNullException.ThrowIfNull(run);
        var p = run.RequireProvenance();
        var e = run.Evaluation;
        var patients = CohortLevelText.HasPatientTable(manifest);
        return new EvaluationDocument(OutputJson.SchemaVersion, modelNote, CohortDocument.Of(manifest, split, e), ModelDocument.Of(p), SettingsDocument.Of(p),
            CacheDocument.Of(p), ProportionIntervals.Name(e.PatientMetrics.Method), e.PatientMetrics.Level, ImageTableDocument.Of(e), patients ? PatientTableDocument.Of(e) : null,
            PublishedDocument.ChenEtAl2020, p.Pipeline, RemovedAreaDocument.Of(e))
        {
            PerPatientOmitted = patients ? null : CohortLevelText.NoPatientTable,
            Lesions = run.Lesions is { } lesions ? LesionDocument.Of(lesions) : null,
            Warnings = run.Warnings,
        };
    }
}

/// <summary>
/// How much predicted lesion area (map pixels at or above the threshold, in original pixels) the valid-area step removed, in
/// total and on how many slices: much of it on slices with lesions says the step is cutting into the lungs (slices.csv has
/// it per slice, <c>removed_lesion_px</c>).
/// </summary>
/// <param name="RemovedPixels">Predicted lesion area outside the valid area, original pixels, over every slice.</param>
/// <param name="SlicesWithRemovedArea">Slices where the step removed some predicted lesion area.</param>
public sealed record RemovedAreaDocument(double RemovedPixels, int SlicesWithRemovedArea)
{
    /// <summary>The totals over every slice of <paramref name="e"/>.</summary>
    public static RemovedAreaDocument Of(PipelineEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var slices = e.Patients.SelectMany(p => p.Result.Slices).Select(s => s.Detection).ToArray();
        return new(slices.Sum(d => d.RemovedLesionPixels), slices.Count(d => d.RemovedLesionPixels > 0));
    }
}

/// <summary>The cohort of a run.</summary>
/// <param name="Manifest">The manifest file.</param>
/// <param name="Split">The split, or <c>all</c>.</param>
/// <param name="Patients">Patients evaluated.</param>
/// <param name="Covid">COVID-19 patients.</param>
/// <param name="Control">Control patients.</param>
/// <param name="Slices">Slices evaluated.</param>
public sealed record CohortDocument(string Manifest, string Split, int Patients, int Covid, int Control, int Slices)
{
    /// <summary>The cohort part of <paramref name="evaluation"/>.</summary>
    public static CohortDocument Of(CohortManifest manifest, CohortSplit? split, PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(evaluation);
        var patients = evaluation.Patients;
        return new(manifest.Path, CohortSplitNames.NameOrAll(split), patients.Count, patients.Count(p => p.IsCovid), patients.Count(p => !p.IsCovid),
            patients.Sum(p => p.Result.Slices.Count));
    }
}

/// <summary>The model of a run.</summary>
/// <param name="Path">The model file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Architecture">From the model's metadata.</param>
/// <param name="Version">From the model's metadata.</param>
public sealed record ModelDocument(string Path, string Sha256, string Architecture, string Version)
{
    /// <summary>The model part of <paramref name="provenance"/>.</summary>
    public static ModelDocument Of(RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new(provenance.ModelPath, provenance.Pipeline.ModelSha256, provenance.Architecture, provenance.Version);
    }
}

/// <summary>The post-processing settings a reader looks for first.</summary>
/// <param name="Threshold">Box probability threshold.</param>
/// <param name="MinPixels">A box needs more than this many pixels.</param>
/// <param name="ConsecutiveSlices">k of the patient rule.</param>
/// <param name="MaxGap">Slices without a box allowed inside a run.</param>
/// <param name="ValidArea">The valid-area region.</param>
/// <param name="QuadrantCentre">Where the quadrants meet.</param>
/// <param name="QuadrantAssignment">How a box is assigned to quadrants.</param>
public sealed record SettingsDocument(double Threshold, int MinPixels, int ConsecutiveSlices, int MaxGap, string ValidArea, string QuadrantCentre, string QuadrantAssignment)
{
    /// <summary>The settings of <paramref name="provenance"/>.</summary>
    public static SettingsDocument Of(RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var o = provenance.Options;
        return new(o.LesionBoxes.Threshold, o.LesionBoxes.MinPixels, o.PatientRule.ConsecutiveSlices, o.PatientRule.MaxGap, o.ValidArea.Region.ToString(),
            o.Quadrants.Centre.ToString(), o.Quadrants.Assignment.ToString());
    }
}

/// <summary>Where a run's probability maps came from.</summary>
/// <param name="Folder">The cache folder of this model and cohort, or null without a cache.</param>
/// <param name="PatientsFromCache">Patients whose maps were read rather than computed.</param>
public sealed record CacheDocument(string? Folder, int PatientsFromCache)
{
    /// <summary>The cache part of <paramref name="provenance"/>.</summary>
    public static CacheDocument Of(RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new(provenance.CacheFolder, provenance.CachedPatients);
    }
}

/// <summary>The per-image table.</summary>
/// <param name="Images">Slices with a known truth.</param>
/// <param name="ImagesWithoutTruth">Slices of COVID-19 patients without masks (not in the table).</param>
/// <param name="Counts">The confusion table.</param>
/// <param name="Metrics">Every metric by key.</param>
/// <param name="Auc">The AUC, or null when no slice has a known truth.</param>
/// <param name="Score">The score the AUC ranks slices by: <c>max_pixel</c> or <c>max_box</c> (<see cref="ImageScoreNames"/>).</param>
public sealed record ImageTableDocument(long Images, int ImagesWithoutTruth, CountsDocument Counts, IReadOnlyDictionary<string, EstimateDocument> Metrics, EstimateDocument? Auc,
    string Score)
{
    /// <summary>The intervals clustered by patient, the ones to quote when patients contribute several slices; null when every case holds one image (<see cref="ClusteredOmitted"/> says why).</summary>
    public ClusteredImageDocument? Clustered { get; init; }

    /// <summary>Why there are no clustered intervals (<see cref="ClusteredImageTable.NotClustered"/>); null when there are.</summary>
    public string? ClusteredOmitted { get; init; }

    /// <summary>The per-image table of <paramref name="e"/>, with the clustered intervals when slices belong to patients.</summary>
    public static ImageTableDocument Of(PipelineEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var clustered = ClusteredImageTable.Of(e);
        return new(e.ImageCounts.Total, e.ImagesWithoutTruth, CountsDocument.Of(e.ImageCounts), EstimateDocument.All(e.ImageMetrics),
            e.ImageRoc is { } roc ? EstimateDocument.Of(roc.Auc) : null, ImageScoreNames.Key(e.ImageScore))
        {
            Clustered = clustered is null ? null : ClusteredImageDocument.Of(clustered, e.ImageRoc?.Auc.Interval),
            ClusteredOmitted = clustered is null ? ClusteredImageTable.NotClustered : null,
            Calibration = CalibrationDocument.OfImages(e),
        };
    }

    /// <summary>
    /// How well the image score reads as a probability of a lesion on the slice (<see cref="CalibrationDocument"/>): slices with
    /// a known truth, the scores on the 8-bit grid every map is rounded to; null when no slice has a truth.
    /// </summary>
    public CalibrationDocument? Calibration { get; init; }
}

/// <summary>The per-patient table.</summary>
/// <param name="Patients">Patients.</param>
/// <param name="Counts">The confusion table.</param>
/// <param name="Metrics">Every metric by key.</param>
/// <param name="Auc">The AUC of the patient score.</param>
public sealed record PatientTableDocument(long Patients, CountsDocument Counts, IReadOnlyDictionary<string, EstimateDocument> Metrics, EstimateDocument Auc)
{
    /// <summary>The per-patient table of <paramref name="e"/>.</summary>
    public static PatientTableDocument Of(PipelineEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.PatientCounts.Total, CountsDocument.Of(e.PatientCounts), EstimateDocument.All(e.PatientMetrics), EstimateDocument.Of(e.PatientRoc.Auc))
        {
            Fragile = new OrderedDictionary<string, FragileCallDocument>(FragileCallText.Of(e).Select(f => KeyValuePair.Create(f.Patient, FragileCallDocument.Of(f.Call)!)), StringComparer.Ordinal),
        };
    }

    /// <summary>By patient, the calls a move of a box by <see cref="Pipelines.PostProcessing.FragileCall.WithinPixels"/> px would flip; empty when none.</summary>
    public IReadOnlyDictionary<string, FragileCallDocument> Fragile { get; init; } = new Dictionary<string, FragileCallDocument>();
}

/// <summary>The study's published percentages, for side-by-side reading.</summary>
/// <param name="Source">The publication and table.</param>
/// <param name="PerImage">Per-image percentages by metric key.</param>
/// <param name="PerPatient">Per-patient percentages by metric key.</param>
public sealed record PublishedDocument(string Source, IReadOnlyDictionary<string, decimal> PerImage, IReadOnlyDictionary<string, decimal> PerPatient)
{
    /// <summary>Chen et al. 2020, retrospective internal test set.</summary>
    public static PublishedDocument ChenEtAl2020 { get; } = new("Chen et al. 2020, Sci Rep 10:19196, retrospective internal test set (percent)",
        Given(Metrics.ChenEtAl2020.RetrospectivePerImage), Given(Metrics.ChenEtAl2020.RetrospectivePerPatient));

    private static OrderedDictionary<string, decimal> Given(PublishedTable table)
    {
        var given = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Figures.Given) given.Add(key, value);
        return given;
    }
}
