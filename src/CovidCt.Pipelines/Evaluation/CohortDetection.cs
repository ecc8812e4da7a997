using System.Collections.Concurrent;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// The ML.NET chain (<see cref="CovidCtCatalog.DetectCovidLesions(string, PipelineOptions, ProbabilityCacheOptions)"/>) fitted once
/// and run over cohort manifests: slice rows stream in patient by patient, one <see cref="PatientRow"/> per patient comes out,
/// and only the outcomes (no volume, no map) are kept. Dispose to release the model sessions.
/// </summary>
public sealed class CohortDetection : IDisposable
{
    private readonly MLContext _context;
    private readonly TransformerChain<PatientRuleTransformer> _chain;
    private readonly ReadWarnings _reads = new();

    /// <summary>Builds and fits the chain for the model at <paramref name="modelPath"/> with <paramref name="options"/> (validated once here), through <paramref name="cache"/> when set.</summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a model cannot be read or does not fit the options.</exception>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public CohortDetection(MLContext context, string modelPath, PipelineOptions? options = null, ProbabilityCacheOptions? cache = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Options = options ?? new PipelineOptions();
        // The steps learn nothing: fitting on the slice schema alone builds the transformers without reading a patient.
        _chain = context.CovidCt().DetectCovidLesions(modelPath, Options, cache).Fit(SliceDataView.Load(context, []));
        Scoring = _chain.OfType<LesionScoringTransformer>().Single().Scoring;
    }

    /// <summary>Builds and fits the chain exactly as <paramref name="definition"/> describes it, after checking its models' SHA-256.</summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a model is missing, changed since the definition was written, or does not fit the options.</exception>
    public CohortDetection(MLContext context, Definition.PipelineDefinition definition, ProbabilityCacheOptions? cache = null)
        : this(context, Verified(definition).ModelPath, definition.Options, cache)
    {
    }

    private static Definition.PipelineDefinition Verified(Definition.PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.VerifyModel();
        return definition;
    }

    /// <summary>The options in force.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The chain's scoring step (model, resolved preprocessing, cache and how many patients it served).</summary>
    public LesionScoring Scoring { get; }

    /// <summary>
    /// What the volumes this detection has run assumed about their geometry because their files did not state it
    /// (<see cref="CovidCt.Data.CtVolume.Assumptions"/>: orientation, slice positions or spacing), as warnings each once, in reading
    /// order, then the probability cache's failure, if a write failed; empty when neither happened. A front end prints them with
    /// the run's other warnings, before any number; both can appear later in a run, so ask again after each patient.
    /// </summary>
    public IReadOnlyList<string> Warnings => Scoring.Cache?.Warning is { } cache ? [.. _reads.Warnings, cache] : _reads.Warnings;

    /// <summary>
    /// Every patient of <paramref name="manifest"/> (of <paramref name="split"/> when given) through the chain, joined with its truth.
    /// <paramref name="onPatient"/> sees each patient (volume and mask included) with its outcome as soon as it is done, so callers
    /// can report progress or draw figures without keeping every volume in memory.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient cannot be read, has no slices or duplicate positions, or the model returns non-finite values.</exception>
    public IReadOnlyList<PatientOutcome> Run(CohortManifest manifest, CohortSplit? split = null, CohortReadOptions? options = null, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return RunPatients(CohortReader.ReadPatients(manifest, split, options), onPatient);
    }

    /// <summary>
    /// The patients <paramref name="cohortPatients"/> yields, already read, through the chain, joined with their truth: what a cluster
    /// worker runs on the patients it is given (a manifest run reads its patients through here too). The next patient is taken from
    /// <paramref name="cohortPatients"/> and preprocessed on another thread while the current one is scored (the scoring step's read-ahead); outcomes keep the input order, and a
    /// patient that cannot be read throws when its turn comes, after every patient before it was reported.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient has no slices or duplicate positions, or the model returns non-finite values.</exception>
    public IReadOnlyList<PatientOutcome> RunPatients(IEnumerable<CohortPatient> cohortPatients, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        ArgumentNullException.ThrowIfNull(cohortPatients);
        // The patients whose rows are in the chain but whose patient row has not come out yet (up to three: the one the later steps
        // are on, the next one queued for scoring, and the one the scoring step's read-ahead thread reads): kept for onPatient only.
        var inFlight = new ConcurrentDictionary<string, CohortPatient>(StringComparer.Ordinal);
        IEnumerable<CohortPatient> Read()
        {
            foreach (var patient in _reads.Noting(cohortPatients))
            {
                if (onPatient is not null) inFlight[patient.Entry.PatientId] = patient;
                yield return patient;
            }
        }
        var outcomes = new List<PatientOutcome>();
        var patients = _chain.Transform(SliceDataView.FromPatients(_context, Read));
        // The chain's own view hands over its typed rows; any other would be read through an ML.NET cursor.
        var rows = patients is IRowStream<PatientRow> typed ? typed.Rows : _context.Data.CreateEnumerable<PatientRow>(patients, reuseRowObject: false);
        foreach (var row in rows)
        {
            var outcome = row.Outcome();
            outcomes.Add(outcome);
            if (onPatient is not null && inFlight.TryRemove(row.PatientId, out var patient)) onPatient(patient, outcome);
        }
        return outcomes;
    }

    /// <summary>
    /// Slices <paramref name="firstSlice"/> to <paramref name="firstSlice"/> + <paramref name="sliceCount"/> - 1 of an already read
    /// patient through the chain, as the rows of <paramref name="chunkId"/> (<see cref="SliceDataView.ChunkRows"/>): each slice's
    /// result is the one the whole patient gives it, with its index in the volume. The outcome's decision is the rule over the
    /// chunk alone; whoever joins the chunks applies the rule to the whole series (<see cref="PostProcessing.PatientRule"/>).
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When two of the chunk's slices share a position, or the model returns non-finite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the chunk is empty or reaches beyond the volume.</exception>
    public PatientOutcome RunChunk(CohortPatient patient, string chunkId, int firstSlice, int sliceCount)
    {
        ArgumentNullException.ThrowIfNull(patient);
        _reads.Note(patient.Volume);
        var rows = SliceDataView.ChunkRows(chunkId, patient.Entry.Label == PatientLabel.Covid, patient.Volume, firstSlice, sliceCount, patient.SliceTruth);
        var output = _chain.Transform(SliceDataView.Load(_context, rows));
        var patients = output is IRowStream<PatientRow> typed ? typed.Rows : _context.Data.CreateEnumerable<PatientRow>(output, reuseRowObject: false);
        return patients.Single().Outcome();
    }

    /// <summary>
    /// Every patient of <paramref name="manifest"/> through the chain built from <paramref name="pipeline"/>'s model and options,
    /// through <paramref name="cache"/> when given (its maps are then the 8-bit quantised ones).
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">As <see cref="Run(CohortManifest, CohortSplit?, CohortReadOptions?, Action{CohortPatient, PatientOutcome}?)"/>.</exception>
    public static IReadOnlyList<PatientOutcome> Run(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit? split = null,
        ProbabilityMapCache? cache = null, CohortReadOptions? options = null, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        using var detection = new CohortDetection(new MLContext(), pipeline.ModelPath, pipeline.Options, cache is null ? null : new ProbabilityCacheOptions(cache.Root, cache.Key.CohortSha256));
        return detection.Run(manifest, split, options, onPatient);
    }

    /// <summary>Releases the model sessions.</summary>
    public void Dispose() => _chain.Dispose();
}
