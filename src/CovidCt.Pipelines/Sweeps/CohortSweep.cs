using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>
/// A sweep over cohort manifests, streaming patient by patient, scoring each patient at most once through the cache. Steps 2 to 4
/// are the ML.NET chain's (<see cref="CovidCtCatalog.ScoreAndSegment"/>), fitted once when the sweep is made: its sessions are the
/// only ones a sweep opens, and every <see cref="Sweep"/> and <see cref="Tune"/> reuses them. Dispose to release them. Not thread-safe.
/// </summary>
public sealed class CohortSweep : IDisposable
{
    private readonly MLContext _context;
    private readonly TransformerChain<ValidAreaTransformer> _chain;
    // The options the chain was fitted with, as pipeline.json writes them: its preprocessing, valid area and cache keys.
    private readonly string _fittedOptions;

    /// <summary>
    /// Opens the models of <paramref name="modelPath"/> with <paramref name="options"/> (defaults: the study's; validated once here) for sweeps from
    /// those options; with <paramref name="cache"/>, maps and HU valid areas are read from it or scored and written once.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a model cannot be read or does not fit the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public CohortSweep(string modelPath, PipelineOptions? options = null, ProbabilityCacheOptions? cache = null, MLContext? context = null)
    {
        _context = context ?? new MLContext();
        ModelPath = modelPath;
        Options = options ?? new PipelineOptions();
        _fittedOptions = Definition.PipelineDefinition.OptionsJson(Options);
        // The steps learn nothing: fitting on the slice schema alone builds the transformers without reading a patient.
        _chain = _context.CovidCt().ScoreAndSegment(modelPath, Options, cache).Fit(SliceDataView.Load(_context, []));
        Scoring = _chain.OfType<LesionScoringTransformer>().Single().Scoring;
    }

    /// <summary>The lesion model file.</summary>
    public string ModelPath { get; }

    /// <summary>The options the sweeps start from: what the grid does not vary. Fixed when the sweep is made: a sweep after they changed is refused.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The chain's scoring step (model, scoring plan and its <see cref="BatchedOnnxScorer.BudgetWarning"/>, cache).</summary>
    public LesionScoring Scoring { get; }

    /// <summary>
    /// Every patient of <paramref name="manifest"/> (of <paramref name="split"/> when given) through every setting of
    /// <paramref name="grid"/>, fed patient by patient through the chain. The next patient is read and preprocessed, and the one
    /// before counted, on other threads while a patient goes through the chain; the result is that of adding the patients in order.
    /// <paramref name="onPatient"/> receives each patient's id once it is done (for progress), in input order, on the calling thread.
    /// Each patient is checked for body framing's whole-slice fallback as it is read (once; <see cref="SweepResult.Warnings"/>), where
    /// the geometry its files did not state is said too (<see cref="CtVolume.Assumptions"/>), after the scoring plan's memory
    /// warning (<see cref="BatchedOnnxScorer.BudgetWarning"/>), which a front end can also say before the first patient.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient cannot be read, has no slices or duplicate positions, or the model returns non-finite values.</exception>
    /// <exception cref="InvalidOperationException">When the manifest has no patient in <paramref name="split"/>, or <see cref="Options"/> changed since the sweep was made.</exception>
    public SweepResult Sweep(CohortManifest manifest, CohortSplit? split, SweepGrid grid, Action<string>? onPatient = null, ProportionInterval method = ProportionInterval.Wilson,
        double level = 0.95, CohortReadOptions? readOptions = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        // The chain, its cache keys and its valid-area step were made from the options as they were; a sweep from changed ones
        // would mix the two (areas written under the old key, framing warnings for another framing) without a word.
        if (Definition.PipelineDefinition.OptionsJson(Options) != _fittedOptions)
        {
            throw new InvalidOperationException("the sweep's options changed after its models were opened; make a new CohortSweep with the options to sweep from");
        }
        var sweep = new PostProcessingSweep(grid, Options);
        var framing = new FramingFacts(Options.Preprocessing.Framing);
        var reads = new Evaluation.ReadWarnings();
        var areas = _chain.LastTransformer.Step.Cache;
        // The valid-area cache counts over the chain's life; this run's are those it adds.
        var areasBefore = areas?.CachedPatients ?? 0;
        // Patient n+1 is read, its framing checked and its model input made on another thread while patient n is scored (the
        // scoring step's read-ahead: one ahead).
        var slices = SliceDataView.FromPatients(_context, () => framing.Noting(reads.Noting(CohortReader.ReadPatients(manifest, split, readOptions))));
        var view = _chain.Transform(slices);
        var rows = view is IRowStream<ValidAreaSliceRow> typed ? typed.Rows : _context.Data.CreateEnumerable<ValidAreaSliceRow>(view, reuseRowObject: false);
        // Patient n's settings are counted on other threads while the chain brings patient n+1 (cache, valid area): one patient
        // behind, so Add never runs twice at once and patients are added in input order, as the counts are the same either way.
        var counting = Task.CompletedTask;
        string? counted = null;
        // Waits for the patient being counted (its own exception, if any, thrown as is), then reports it done, once.
        void FinishCounting()
        {
            var (task, patientId) = (counting, counted);
            (counting, counted) = (Task.CompletedTask, null);
            task.GetAwaiter().GetResult();
            if (patientId is not null) onPatient?.Invoke(patientId);
        }
        try
        {
            foreach (var patient in PatientGroups.Of(rows))
            {
                var first = patient[0];
                var geometry = new VolumeGeometry(first.Width, first.Height, patient.Count, first.ColumnSpacing, first.RowSpacing, patient.Select(r => r.Position).ToArray(),
                    0, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), default);
                var maps = patient.Select(r => r.Map()).ToArray();
                var validAreas = patient.Select(r => r.ValidArea()).ToArray();
                var truth = patient.Select(r => r.HasSliceTruth ? r.SliceTruth : (bool?)null).ToArray();
                FinishCounting();
                counted = first.PatientId;
                counting = Task.Run(() => sweep.Add(first.PatientId, first.Source, geometry, maps, validAreas, first.Label, truth));
            }
        }
        catch
        {
            // As one patient after another: the patient being counted is finished and reported (or its own, earlier, error
            // thrown) before the error of the patient after it leaves.
            FinishCounting();
            throw;
        }
        FinishCounting();
        var warnings = new List<string>();
        if (Scoring.Scorer.BudgetWarning is { } budget) warnings.Add(budget);
        warnings.AddRange([.. reads.Warnings, .. framing.Warnings]);
        string?[] caches = [Scoring.Cache?.Warning, areas?.Warning];
        warnings.AddRange(caches.OfType<string>());
        var result = sweep.Result(method, level);
        result.Warnings = warnings;
        result.ValidAreasFromCache = (areas?.CachedPatients ?? 0) - areasBefore;
        return result;
    }

    /// <summary>
    /// Tune on one split, report on another, on this sweep's one chain: sweeps <paramref name="grid"/> on <paramref name="tuneOn"/>,
    /// chooses the operating point by <see cref="OperatingPointRule"/>, then evaluates that one setting on <paramref name="reportOn"/>
    /// (the report split is never swept, so nothing is chosen on it).
    /// </summary>
    /// <exception cref="ArgumentException">When the splits are the same, or the tuning split cannot choose (see <see cref="OperatingPointRule.Choose"/>).</exception>
    public TunedOperatingPoint Tune(CohortManifest manifest, CohortSplit tuneOn, CohortSplit reportOn, SweepGrid grid, Action<string>? onPatient = null,
        ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        RefuseSameSplit(tuneOn, reportOn);
        var tuning = Sweep(manifest, tuneOn, grid, onPatient, method, level);
        var chosen = tuning.ChooseOperatingPoint();
        var s = chosen.Setting;
        var single = new SweepGrid([s.Threshold], [s.MinPixels], [s.ConsecutiveSlices], [s.SameQuadrant], [s.Assignment]);
        var report = Sweep(manifest, reportOn, single, onPatient, method, level);
        // The tuning sweep's result stands for the run: it carries the warnings of both splits.
        tuning.Warnings = [.. tuning.Warnings.Union(report.Warnings)];
        return new TunedOperatingPoint(tuneOn, reportOn, tuning, chosen, report.Rows[0]);
    }

    /// <summary>
    /// <see cref="Sweep"/> on a chain opened for this call from <paramref name="pipeline"/>'s model and options (on <paramref name="context"/> or a new one),
    /// through <paramref name="cache"/>'s folder and cohort when given. For a caller that has a <see cref="DetectionPipeline"/> anyway;
    /// one that opens it only to sweep holds its sessions unused beside the chain's: make a <see cref="CohortSweep"/> instead.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient cannot be read, has no slices or duplicate positions, or the model returns non-finite values.</exception>
    /// <exception cref="InvalidOperationException">When the manifest has no patient in <paramref name="split"/>.</exception>
    public static SweepResult Run(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit? split, SweepGrid grid, ProbabilityMapCache? cache = null,
        Action<string>? onPatient = null, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95, CohortReadOptions? readOptions = null, MLContext? context = null)
    {
        using var sweep = Open(pipeline, cache, context);
        return sweep.Sweep(manifest, split, grid, onPatient, method, level, readOptions);
    }

    /// <summary>
    /// <see cref="Tune"/> on a chain opened for this call, as <see cref="Run"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When the splits are the same, or the tuning split cannot choose (see <see cref="OperatingPointRule.Choose"/>).</exception>
    public static TunedOperatingPoint TuneAndReport(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit tuneOn, CohortSplit reportOn, SweepGrid grid,
        ProbabilityMapCache? cache = null, Action<string>? onPatient = null, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        // Before the models are opened: the same mistake gives the same error, whatever the model files are.
        RefuseSameSplit(tuneOn, reportOn);
        using var sweep = Open(pipeline, cache, null);
        return sweep.Tune(manifest, tuneOn, reportOn, grid, onPatient, method, level);
    }

    private static void RefuseSameSplit(CohortSplit tuneOn, CohortSplit reportOn)
    {
        if (tuneOn == reportOn) throw new ArgumentException($"tuning and reporting on the same split ({tuneOn}) would report an optimistic result; choose two splits");
    }

    private static CohortSweep Open(DetectionPipeline pipeline, ProbabilityMapCache? cache, MLContext? context)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new CohortSweep(pipeline.ModelPath, pipeline.Options, cache is null ? null : new ProbabilityCacheOptions(cache.Root, cache.Key.CohortSha256), context);
    }

    /// <summary>Releases the model sessions.</summary>
    public void Dispose() => _chain.Dispose();
}

/// <summary>An operating point chosen on one split and reported once on another.</summary>
/// <param name="TunedOn">The tuning split.</param>
/// <param name="ReportedOn">The report split.</param>
/// <param name="Tuning">The whole sweep on the tuning split.</param>
/// <param name="Chosen">The chosen setting's row on the tuning split (optimistic: it was chosen there).</param>
/// <param name="Reported">The same setting's row on the report split: the figure to report.</param>
public sealed record TunedOperatingPoint(CohortSplit TunedOn, CohortSplit ReportedOn, SweepResult Tuning, SweepRow Chosen, SweepRow Reported);
