using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Definition;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Files;

/// <summary>
/// <c>covidct compare --json</c>: every model on one cohort, the paired tests of each pair, the patients they disagree on. An
/// image-level cohort has no patient sections (each model's <c>per_patient</c>, each pair's <c>per_patient</c>, the
/// disagreements): they are null, and <see cref="PerPatientOmitted"/> says why, as in metrics.json.
/// </summary>
/// <param name="SchemaVersion">The schema version (<see cref="OutputJson.SchemaVersion"/>).</param>
/// <param name="Cohort">The cohort.</param>
/// <param name="Models">Each model's run, in the order given.</param>
/// <param name="Pairs">Each pair's tests.</param>
/// <param name="Disagreements">Patients whose decision is not the same under every model; null for an image-level cohort.</param>
public sealed record ComparisonDocument(int SchemaVersion, CohortDocument Cohort, IReadOnlyList<ComparedModelDocument> Models, IReadOnlyList<PairDocument> Pairs,
    IReadOnlyList<DisagreementDocument>? Disagreements)
{
    /// <summary>Why there are no patient sections (<see cref="CohortLevelText.NoPatientTable"/>), or null when there are.</summary>
    public string? PerPatientOmitted { get; init; }

    /// <summary>With <c>compare --tune-on</c>: where each model's operating point was chosen and how; null when every model ran at the setting it was given.</summary>
    public ComparisonTuningDocument? Tuning { get; init; }

    /// <summary>The document of <paramref name="comparison"/> on <paramref name="manifest"/>.</summary>
    public static ComparisonDocument Of(ModelComparison comparison, CohortManifest manifest, CohortSplit? split)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var patients = CohortLevelText.HasPatientTable(manifest);
        var models = comparison.Models;
        var pairs = new List<PairDocument>();
        for (var a = 0; a < models.Count; a++)
        {
            for (var b = a + 1; b < models.Count; b++)
            {
                var (na, nb) = (models[a].Name, models[b].Name);
                pairs.Add(new PairDocument(na, nb, patients ? PairTestsDocument.Of(comparison.Test(na, nb, ComparisonLevel.Patient)) : null,
                    PairTestsDocument.Of(comparison.Test(na, nb, ComparisonLevel.Image)))
                {
                    Lesions = PairLesionsDocument.Of(comparison.LesionTest(na, nb)),
                });
            }
        }
        var disagreements = comparison.DisagreeingPatients.Select(id =>
        {
            var outcomes = comparison.OutcomesOf(id);
            var positive = new OrderedDictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (model, outcome) in outcomes) positive.Add(model, outcome.Result.Decision.IsPositive);
            var fragile = new OrderedDictionary<string, FragileCallDocument>(StringComparer.Ordinal);
            foreach (var (model, outcome) in outcomes)
            {
                if (FragileCallDocument.Of(outcome.Result.Decision.Fragility) is { } call) fragile.Add(model, call);
            }
            return new DisagreementDocument(id, outcomes[0].Outcome.IsCovid ? "covid" : "control", positive) { Fragile = fragile };
        }).ToArray();
        return new ComparisonDocument(OutputJson.SchemaVersion, CohortDocument.Of(manifest, split, models[0].Evaluation),
            models.Select(run => ComparedModelDocument.Of(run, patients)).ToArray(), pairs, patients ? disagreements : null)
        {
            PerPatientOmitted = patients ? null : CohortLevelText.NoPatientTable,
        };
    }
}

/// <summary>One model of a comparison: its run, as in metrics.json.</summary>
/// <param name="Name">The name the pairs use.</param>
/// <param name="Model">The model.</param>
/// <param name="Settings">The post-processing settings.</param>
/// <param name="ProbabilityCache">Where the probability maps came from.</param>
/// <param name="CiMethod">The proportion-interval method.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="PerImage">The per-image table.</param>
/// <param name="PerPatient">The per-patient table; null for an image-level cohort.</param>
/// <param name="Pipeline">The full pipeline definition that ran.</param>
public sealed record ComparedModelDocument(string Name, ModelDocument Model, SettingsDocument Settings, CacheDocument ProbabilityCache, string CiMethod, double Level,
    ImageTableDocument PerImage, PatientTableDocument? PerPatient, PipelineDefinition Pipeline)
{
    /// <summary>The operating point the decisions were made at, in words (<see cref="OperatingPointText.DescribeAgainstStudy"/>).</summary>
    public string OperatingPoint { get; init; } = "";

    /// <summary>The pipeline.json the run was read from (<c>compare --pipeline</c>), or null for a model given with <c>--model</c>.</summary>
    public string? PipelineFile { get; init; }

    /// <summary>The document of <paramref name="run"/>, with its per-patient table when <paramref name="patients"/> (a patient-level cohort).</summary>
    public static ComparedModelDocument Of(ModelRun run, bool patients = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        var p = run.RequireProvenance();
        var e = run.Evaluation;
        return new(run.Name, ModelDocument.Of(p), SettingsDocument.Of(p), CacheDocument.Of(p), ProportionIntervals.Name(e.PatientMetrics.Method), e.PatientMetrics.Level,
            ImageTableDocument.Of(e), patients ? PatientTableDocument.Of(e) : null, p.Pipeline)
        {
            OperatingPoint = OperatingPointText.DescribeAgainstStudy(p.Options),
        };
    }
}

/// <summary>The tests of one pair of models.</summary>
/// <param name="A">The first model's name.</param>
/// <param name="B">The second model's name.</param>
/// <param name="PerPatient">The tests on patients; null for an image-level cohort.</param>
/// <param name="PerImage">The tests on slices with a known truth.</param>
public sealed record PairDocument(string A, string B, PairTestsDocument? PerPatient, PairTestsDocument PerImage)
{
    /// <summary>The lesion-level comparison: the paired wAFROC difference, or why there is none.</summary>
    public PairLesionsDocument? Lesions { get; init; }
}

/// <summary>The paired tests of two models at one level.</summary>
/// <param name="McnemarSensitivity">McNemar on the diseased cases.</param>
/// <param name="McnemarSpecificity">McNemar on the non-diseased cases.</param>
/// <param name="Delong">The paired DeLong test of the AUCs.</param>
public sealed record PairTestsDocument(McNemarDocument McnemarSensitivity, McNemarDocument McnemarSpecificity, DeLongDocument Delong)
{
    /// <summary>Sensitivity A − B with Newcombe's paired interval.</summary>
    public EstimateDocument? DifferenceSensitivity { get; init; }

    /// <summary>Specificity A − B with Newcombe's paired interval.</summary>
    public EstimateDocument? DifferenceSpecificity { get; init; }

    /// <summary>Per image: the tests clustered by patient; null per patient and when every case holds one image.</summary>
    public ClusteredPairDocument? Clustered { get; init; }

    /// <summary>Net reclassification (decisions and continuous) and integrated discrimination of B over A; per image with the clustered intervals.</summary>
    public ReclassificationDocument? Reclassification { get; init; }

    /// <summary>The partial AUCs and their difference (<c>--partial-auc</c>); null without the option.</summary>
    public PartialAucDifferenceDocument? PartialAuc { get; init; }

    /// <summary>The document of <paramref name="test"/>.</summary>
    public static PairTestsDocument Of(PairedModelTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new(McNemarDocument.Of(test.Decisions.Sensitivity), McNemarDocument.Of(test.Decisions.Specificity), DeLongDocument.Of(test.DeLong, test.DeLongUndefinedReason))
        {
            DifferenceSensitivity = EstimateDocument.Of(test.SensitivityDifference),
            DifferenceSpecificity = EstimateDocument.Of(test.SpecificityDifference),
            Clustered = test.Clustered is { } clustered ? ClusteredPairDocument.Of(clustered) : null,
            Reclassification = ReclassificationDocument.Of(test.Reclassification),
            PartialAuc = PartialAucDifferenceDocument.Of(test.PartialAuc),
        };
    }
}

/// <summary>A patient on whom the models disagree.</summary>
/// <param name="Patient">The patient.</param>
/// <param name="Label">covid or control.</param>
/// <param name="Positive">Each model's decision, by model name.</param>
public sealed record DisagreementDocument(string Patient, string Label, IReadOnlyDictionary<string, bool> Positive)
{
    /// <summary>
    /// The models whose call on this patient is fragile (<see cref="CovidCt.Pipelines.PostProcessing.FragileCall"/>), by model
    /// name; empty when every call is firm. A field added to schema 3, so old readers ignore it.
    /// </summary>
    public IReadOnlyDictionary<string, FragileCallDocument> Fragile { get; init; } = new Dictionary<string, FragileCallDocument>();
}

/// <summary>
/// <c>compare --tune-on</c>: each model's operating point chosen on one split by the rule of <c>covidct sweep --tune-on</c>; the
/// comparison (models, pairs) is on the other split, each model at its own chosen point.
/// </summary>
/// <param name="TunedOn">The split every operating point was chosen on.</param>
/// <param name="ReportedOn">The split the comparison is on.</param>
/// <param name="Rule">How each point was chosen (the sweep's rule, <see cref="TuningDocument.Rule"/>).</param>
/// <param name="Models">Each model's chosen point, in the comparison's order.</param>
public sealed record ComparisonTuningDocument(string TunedOn, string ReportedOn, string Rule, IReadOnlyList<TunedModelDocument> Models)
{
    /// <summary>The document of <paramref name="models"/>, which were tuned on one split and reported on another.</summary>
    /// <exception cref="ArgumentException">No models, or models tuned or reported on different splits.</exception>
    public static ComparisonTuningDocument Of(IReadOnlyList<TunedModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var documents = models.Select(m => (Model: m, Tuning: TuningDocument.Of(m.Tuned))).ToArray();
        if (documents.Length == 0) throw new ArgumentException("a tuned comparison needs its models", nameof(models));
        if (documents.Select(d => (d.Tuning.TunedOn, d.Tuning.ReportedOn)).Distinct().Count() > 1)
        {
            throw new ArgumentException("the models were tuned or reported on different splits; a comparison needs one pair of splits", nameof(models));
        }
        var first = documents[0].Tuning;
        return new(first.TunedOn, first.ReportedOn, first.Rule,
            documents.Select(d => new TunedModelDocument(d.Model.Name, d.Tuning.Chosen, d.Tuning.Reported, d.Model.PipelineFile, d.Model.SweepCsv)).ToArray());
    }
}

/// <summary>One model's operating point in a tuned comparison.</summary>
/// <param name="Name">The model's name, as in the comparison's models and pairs.</param>
/// <param name="Chosen">The chosen setting's tables on the tuning split (optimistic: it was chosen there).</param>
/// <param name="Reported">The same setting's tables on the report split, as the sweep reports them.</param>
/// <param name="PipelineFile">The chosen point as a full pipeline definition, or null when not written.</param>
/// <param name="SweepCsv">The tuning split's sweep, or null when not written.</param>
public sealed record TunedModelDocument(string Name, SweepRowDocument Chosen, SweepRowDocument Reported, string? PipelineFile, string? SweepCsv);
