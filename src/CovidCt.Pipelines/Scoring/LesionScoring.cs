using CovidCt.Data.IO;
using CovidCt.Imaging;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// Step 3 on one patient: the lesion model over ONNX Runtime in batches, through the probability-map cache when one is set.
/// The one implementation of scoring: the ML.NET chain's scoring transformer and <see cref="DetectionPipeline"/> both call it.
/// With the cache on, the maps returned are always the 8-bit quantised ones (read back after writing), so every decision is
/// made on the same numbers whether the cache was warm or cold (see <see cref="ProbabilityMapCache"/>). Not thread-safe.
/// </summary>
public sealed class LesionScoring : IDisposable
{
    /// <summary>Opens the model at <paramref name="modelPath"/>, and the cache folder of its key when <paramref name="cache"/> is set.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded or does not fit the options.</exception>
    public LesionScoring(string modelPath, PreprocessingOptions? preprocessing = null, OnnxScoringOptions? scoring = null, ProbabilityCacheOptions? cache = null)
        : this(modelPath, preprocessing, scoring, cache, share: null)
    {
    }

    /// <summary>As the public constructor, the model scored as the first member of <paramref name="share"/> (the chain's, <see cref="ScoringShare.ForChain(string, PipelineOptions)"/>) when set.</summary>
    internal LesionScoring(string modelPath, PreprocessingOptions? preprocessing, OnnxScoringOptions? scoring, ProbabilityCacheOptions? cache, ScoringShare? share)
    {
        Scorer = new BatchedOnnxScorer(modelPath, preprocessing, scoring, share, member: 0);
        if (cache is null) return;
        try
        {
            Cache = new ProbabilityMapCache(cache.Root, ProbabilityCacheKey.For(Scorer, cache.CohortSha256));
        }
        catch
        {
            Scorer.Dispose();
            throw;
        }
    }

    /// <summary>The batched scorer (model signature, resolved preprocessing, provider in use).</summary>
    public BatchedOnnxScorer Scorer { get; }

    /// <summary>The resolved preprocessing the model receives (step 2).</summary>
    public ImagePreprocessing Preprocessing => Scorer.Preprocessing;

    /// <summary>The cache, or null when maps are scored every time.</summary>
    public ProbabilityMapCache? Cache { get; }

    /// <summary>Patients whose maps were read from the cache rather than scored, so far.</summary>
    public int CachedPatients { get; private set; }

    /// <summary>True when <paramref name="patientId"/>'s maps would be read from the cache rather than scored.</summary>
    public bool IsCached(string patientId) => Cache is not null && File.Exists(Cache.PathOf(patientId));

    /// <summary>
    /// The maps of one patient's slices at the slices' own resolution, in the order of <paramref name="positions"/>: the model's
    /// maps are read from the cache, or scored from <paramref name="images"/> (asked for only then, made in
    /// <paramref name="frame"/>) and written to it, then taken back to the slice through the same frame
    /// (<see cref="SliceResolution"/>: padding cut off, body frame undone, bilinear resize). The cache keeps the model's
    /// resolution, 16 times smaller than a 512x512 slice for a 128x128 model; a resized map computes its values when first read,
    /// and the box detector reads only the rows that can matter to it.
    /// </summary>
    /// <param name="patientId">The patient (cache entry; named in errors).</param>
    /// <param name="frame">The patient's frame (<see cref="ImagePreprocessing.FrameOf(IReadOnlyList{ReadOnlyMemory{float}}, int, int)"/>), one for all its slices.</param>
    /// <param name="positions">Each slice's position, mm (named in errors).</param>
    /// <param name="images">The preprocessed images, one per slice.</param>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, or values outside [0, 1] (logits), naming patient and slice.</exception>
    internal IReadOnlyList<ProbabilityMap> Score(string patientId, SliceFrame frame, IReadOnlyList<double> positions, Func<IReadOnlyList<float[]>> images) =>
        ScoreBegun(Begin(patientId, positions, images), frame);

    /// <summary>
    /// <see cref="Score(string, SliceFrame, IReadOnlyList{double}, Func{IReadOnlyList{float[]}})"/> of a patient whose scoring
    /// <see cref="Begin"/> started: waits for its maps, then checks, caches and takes them back to the slices.
    /// </summary>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, or values outside [0, 1] (logits), naming patient and slice.</exception>
    internal IReadOnlyList<ProbabilityMap> ScoreBegun(PatientScoring scoring, SliceFrame frame)
    {
        var maps = AtModelResolution(scoring);
        // One resize for the patient's maps (they share the frame and, from one model, the size); its maps are resized when read.
        SliceResize? resize = null;
        return maps.Select(map =>
        {
            if (resize is null || resize.SourceWidth != map.Width || resize.SourceHeight != map.Height)
            {
                resize = SliceResolution.For(frame, map.Width, map.Height);
                if (resize is null) return map;
            }
            return resize.Deferred(map);
        }).ToList();
    }

    /// <summary>
    /// The model's maps of one patient's slices, at the model's output resolution and with the padding of a slice of another
    /// shape (what the cache holds), in the order of <paramref name="positions"/>; <see cref="Score(string, SliceFrame, IReadOnlyList{double}, Func{IReadOnlyList{float[]}})"/> takes them to the slices.
    /// </summary>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, or values outside [0, 1] (logits), naming patient and slice.</exception>
    public IReadOnlyList<ProbabilityMap> ScoreAtModelResolution(string patientId, IReadOnlyList<double> positions, Func<IReadOnlyList<float[]>> images) =>
        AtModelResolution(Begin(patientId, positions, images));

    /// <summary>
    /// Queues the scoring of one patient behind the patients begun before it and returns at once, so the next patient is
    /// scored while the later steps finish this one; a patient the cache holds is not scored (its maps are read when
    /// <see cref="ScoreBegun"/> comes to it). Throws only for null arguments: what goes wrong in scoring is thrown by
    /// that call, in the patients' order.
    /// </summary>
    internal PatientScoring Begin(string patientId, IReadOnlyList<double> positions, Func<IReadOnlyList<float[]>> images)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(images);
        var stop = new CancellationTokenSource();
        return new PatientScoring(patientId, positions, images, Cache is not null && IsCached(patientId) ? null : Start(positions, images, stop.Token), stop);
    }

    // Uncached maps are quantised like cached ones, so the cache can never flip a decision at the threshold.
    private IReadOnlyList<ProbabilityMap> AtModelResolution(PatientScoring scoring)
    {
        if (Cache is null) return Checked(scoring).Select(ProbabilityMapCache.Quantised).ToList();
        if (IsCached(scoring.PatientId)) CachedPatients++;
        return Cache.GetOrScore(scoring.PatientId, () => Checked(scoring));
    }

    private Task<ProbabilityMap[][]> Start(IReadOnlyList<double> positions, Func<IReadOnlyList<float[]>> images, CancellationToken cancel = default)
    {
        try
        {
            var made = images();
            if (made.Count != positions.Count) throw new ArgumentException($"{made.Count} images for {positions.Count} slices", nameof(images));
            return Scorer.ScoreAhead(made, cancel);
        }
        catch (Exception e)
        {
            return Task.FromException<ProbabilityMap[][]>(e);
        }
    }

    // The scored maps, each finite and a probability: those scored ahead, or scored now when the cache held the patient at
    // Begin but its file then proved unreadable.
    private IReadOnlyList<ProbabilityMap> Checked(PatientScoring scoring)
    {
        var maps = BatchedOnnxScorer.MapsOf(scoring.Maps ?? Start(scoring.Positions, scoring.Images));
        for (var z = 0; z < maps.Count; z++)
        {
            maps[z].EnsureFinite(Scorer.Model.Path, scoring.PatientId, z, scoring.Positions[z]);
            EnsureProbabilities(maps[z], scoring.PatientId, z, scoring.Positions[z]);
        }
        return maps;
    }

    // Every scored map is checked (the first scored batch is where a logit model is met): quantising or clamping logits
    // would silently give other numbers than the model meant.
    private void EnsureProbabilities(ProbabilityMap map, string patientId, int slice, double position)
    {
        // Finite already (EnsureFinite ran), so the vector scans give exactly Min() and Max(); run on every scored map.
        var (min, max) = (PixelScan.Lowest(map.Values, float.PositiveInfinity), PixelScan.Highest(map.Values, float.NegativeInfinity));
        if (min >= 0 && max <= 1) return;
        var remedy = Scorer.Activation == OutputActivation.Sigmoid
            ? "the output activation is already sigmoid, so the model's output is not a probability map"
            : $"this looks like logits: add --output-activation sigmoid (scoring options, also in pipeline.json) or set {Models.ModelMetadataKeys.OutputActivation}=sigmoid in the model's metadata";
        throw new InvalidInputException(Scorer.Model.Path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the model's output for patient '{patientId}', slice {slice} (position {position} mm) ranges from {min} to {max}; expected probabilities in [0, 1]; {remedy}"));
    }

    /// <summary>Releases the model session.</summary>
    public void Dispose() => Scorer.Dispose();
}
