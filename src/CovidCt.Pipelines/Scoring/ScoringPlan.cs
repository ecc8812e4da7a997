namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// How scoring uses the machine: batches run at once, threads per operator and images per batch, chosen from the input size,
/// the core count and a memory budget (<see cref="Choose(OnnxScoringOptions, long, int, long, int?)"/>, a pure function; <see cref="ChooseShared"/> for the models of a chain). Every core gets work and the threads are always
/// set explicitly: ONNX Runtime's own default used one core on the 2-core machine of benchmarks/README.md.
/// </summary>
/// <param name="ConcurrentBatches">Batches scored at once on the one session.</param>
/// <param name="IntraOpThreads">Threads each operator uses (set on the session, never left to ONNX Runtime).</param>
/// <param name="BatchSize">Images per <c>Run</c> call.</param>
/// <param name="EstimatedBytes">The estimated peak memory of scoring with this plan (<see cref="EstimateBytes(long, int, int)"/>).</param>
/// <param name="WithinBudget">False when even one batch at a time is estimated to need more than the budget (it runs anyway, one batch at a time).</param>
public sealed record ScoringPlan(int ConcurrentBatches, int IntraOpThreads, int BatchSize, long EstimatedBytes, bool WithinBudget)
{
    /// <summary>
    /// Estimated activation bytes one image holds while scored, per input pixel. Measured on the study's UNet++ (32-512 filters,
    /// 512 x 512): one run at a time peaked at 1.5 GB, two at once at 2.5 GB, so about 1 GB, 4 KB per input pixel, per batch
    /// in flight. Models with fewer filters (the shipped ones) need less, so the estimate errs on the safe side for them.
    /// </summary>
    public const long BytesPerInputPixel = 4096;

    /// <summary>Estimated memory scoring needs besides the activations: runtime, model weights and one patient's images.</summary>
    public const long BaseBytes = 512L * 1024 * 1024;

    /// <summary>The default memory budget of scoring, 2 GiB.</summary>
    public const long DefaultMemoryBudgetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The estimated peak memory of <paramref name="concurrentBatches"/> batches of <paramref name="batchSize"/> images of <paramref name="inputPixels"/> pixels in flight.</summary>
    public static long EstimateBytes(long inputPixels, int batchSize, int concurrentBatches) =>
        EstimateSharedBytes([new PlannedModel(inputPixels, null)], batchSize, concurrentBatches, releasesActivations: false);

    /// <summary>
    /// The plan for <paramref name="options"/> on <paramref name="cores"/> cores, for a model of <paramref name="inputPixels"/>
    /// input pixels. Settings the options state are kept; the rest are chosen:
    /// <list type="bullet">
    /// <item>CUDA requested: one batch at a time, and every core for the operators left on the CPU, or for all of them when CUDA falls back to the CPU.</item>
    /// <item>Concurrent batches: as many as the budget holds (<see cref="EstimateBytes(long, int, int)"/>) and at most one per core, taking the largest
    /// such count that divides the cores, so that batches × threads uses every core (single-threaded batches side by side were
    /// 12-14 % faster than one two-threaded batch for the small shipped models; a 512 x 512 model on a 2 GB budget gets one
    /// batch with every core).</item>
    /// <item>Threads per operator: the cores divided by the concurrent batches.</item>
    /// </list>
    /// </summary>
    /// <param name="options">The scoring options (batch size, and threads or concurrent batches when stated, 0 = choose).</param>
    /// <param name="inputPixels">The model's input height x width.</param>
    /// <param name="cores">Logical processors available (<see cref="Environment.ProcessorCount"/>).</param>
    /// <param name="memoryBudgetBytes">What scoring may use (<see cref="OnnxScoringOptions.MemoryBudgetBytes"/>).</param>
    /// <param name="fixedBatchSize">The model's fixed batch size, or null when its batch dimension is free.</param>
    public static ScoringPlan Choose(OnnxScoringOptions options, long inputPixels, int cores, long memoryBudgetBytes, int? fixedBatchSize = null) =>
        ChooseShared(options, [new PlannedModel(inputPixels, fixedBatchSize)], cores, memoryBudgetBytes)[0];

    /// <summary>
    /// The plan of each of <paramref name="models"/>, scored by one chain on one set of threads (<see cref="ScoringShare"/>): one
    /// queue of batches, so at most <see cref="ConcurrentBatches"/> batches run at once whichever model they belong to, each with
    /// <see cref="IntraOpThreads"/> threads, and never more busy threads than cores when both are chosen. The budget holds every
    /// model's session: ONNX Runtime's memory arena keeps a session's peak, so each session is counted with the batches it may
    /// have run at once (<see cref="EstimateSharedBytes"/>), not only those in flight. When that holds more than the budget even
    /// with one batch at a time, each batch's activations are given back after it (<see cref="ReleasesActivations"/>), so only the
    /// batches in flight hold them: at most <see cref="ConcurrentBatches"/> of the largest model's. The rules
    /// are <see cref="Choose(OnnxScoringOptions, long, int, long, int?)"/>'s, which is this for one model; the plans differ only in
    /// their batch size (a model's fixed one).
    /// </summary>
    internal static ScoringPlan[] ChooseShared(OnnxScoringOptions options, IReadOnlyList<PlannedModel> models, int cores, long memoryBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfLessThan(models.Count, 1);
        foreach (var model in models) ArgumentOutOfRangeException.ThrowIfLessThan(model.InputPixels, 1, nameof(models));
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudgetBytes, 1);
        // Negative counts would otherwise read as "choose": refuse them, as the options' own Validate does.
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ConcurrentBatches, nameof(options));
        var batch = options.BatchSize;
        // Two study-size models kept 2.85 GiB between them with one batch at a time, against 1.12 GiB when each batch's memory
        // went back after it, at 1.13x the time (benchmarks/README.md): so only when the budget needs it. A model alone keeps no
        // more than its own batches in flight, so it never does.
        // With CUDA the activations live in the GPU's arena, which this does not shrink.
        var keeping = EstimateSharedBytes(models, batch, 1, releasesActivations: false);
        var releases = models.Count > 1 && !options.UseCuda && keeping > memoryBudgetBytes;
        int concurrent;
        if (options.ConcurrentBatches > 0) concurrent = options.ConcurrentBatches;
        else if (options.UseCuda) concurrent = 1;
        else
        {
            var fixedBytes = EstimateSharedBytes(models, batch, 0, releases);
            var fits = (memoryBudgetBytes - fixedBytes) / Math.Max(1, EstimateSharedBytes(models, batch, 1, releases) - fixedBytes);
            var most = (int)Math.Clamp(fits, 1, options.IntraOpThreads > 0 ? Math.Max(1, cores / options.IntraOpThreads) : cores);
            concurrent = LargestDivisorAtMost(cores, most);
        }
        var threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Max(1, cores / concurrent);
        var bytes = EstimateSharedBytes(models, batch, concurrent, releases);
        var within = EstimateSharedBytes(models, batch, 1, releases) <= memoryBudgetBytes;
        return models.Select(m => new ScoringPlan(concurrent, threads, m.FixedBatchSize ?? batch, bytes, within) { Models = models.Count, ReleasesActivations = releases, KeepingBytes = keeping }).ToArray();
    }

    /// <summary>
    /// The estimated peak memory of scoring <paramref name="models"/> with <paramref name="concurrentBatches"/> batches at once
    /// (<paramref name="batchSize"/> images, or a model's fixed size): every session's base, and either the activations of that
    /// many batches of each model (kept between batches), or, when <paramref name="releasesActivations"/>, of that many batches
    /// of the largest model (one queue: only the batches in flight hold any).
    /// </summary>
    internal static long EstimateSharedBytes(IReadOnlyList<PlannedModel> models, int batchSize, int concurrentBatches, bool releasesActivations)
    {
        var activations = models.Select(m => (m.FixedBatchSize ?? batchSize) * m.InputPixels * BytesPerInputPixel).ToArray();
        return models.Count * BaseBytes + concurrentBatches * (releasesActivations ? activations.Max() : activations.Sum());
    }

    /// <summary>The models whose sessions this plan's batches and memory are shared by (1 unless a chain scores a segmentation model too, <see cref="ScoringShare"/>).</summary>
    public int Models { get; init; } = 1;

    /// <summary>
    /// True when each batch's activations go back to the system after it (ONNX Runtime's arena shrunk at the end of every run)
    /// instead of staying in its session's arena: chosen only when a chain's models would otherwise keep more than the budget
    /// between them. It costs the allocation of the activations at every batch.
    /// </summary>
    public bool ReleasesActivations { get; init; }

    // The estimate with one batch of each model kept in its session: the budget that would not need ReleasesActivations.
    internal long KeepingBytes { get; init; }

    /// <summary>
    /// The plan as a short line for people, e.g. "1 batch of 1 image at a time x 2 threads, about 1.5 GiB (budget 2.0 GiB)"; for
    /// a chain's models, e.g. "1 batch of 1 image at a time, of the 2 models' batches queued together, x 2 threads, about 3.0 GiB
    /// for the 2 models' sessions (budget 2.0 GiB)".
    /// </summary>
    public string Describe(long memoryBudgetBytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{ConcurrentBatches} {(ConcurrentBatches == 1 ? "batch" : "batches")} of {BatchSize} {(BatchSize == 1 ? "image" : "images")} at a time{(Models == 1 ? "" : $", of the {Models} models' batches queued together,")} x {IntraOpThreads} {(IntraOpThreads == 1 ? "thread" : "threads")}, "
        + $"about {EstimatedBytes / Gibibyte:0.0} GiB{(Models == 1 ? "" : $" for the {Models} models' sessions")}{(ReleasesActivations ? ", each batch's activations released after it" : "")} (budget {memoryBudgetBytes / Gibibyte:0.0} GiB{(WithinBudget ? "" : Models == 1 ? ", exceeded by one batch alone" : ", exceeded with one batch at a time")})");

    /// <summary>
    /// Null when the plan fits <paramref name="memoryBudgetBytes"/> as it is; otherwise the warning a command prints before any
    /// number: either even one batch at a time (with a chain's models: every session and one batch's activations) is estimated
    /// above the budget, so scoring runs anyway and may need that much memory; or a chain's models fit only by releasing each
    /// batch's activations after it (<see cref="ReleasesActivations"/>), which costs time, and the budget that would keep them.
    /// </summary>
    public string? BudgetWarning(long memoryBudgetBytes) =>
        !WithinBudget ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(Models == 1 ? "one scoring batch alone is" : $"the {Models} models' sessions with one scoring batch at a time are")} estimated at {OneBatchBytes / Gibibyte:0.0} GiB, above the memory budget of {memoryBudgetBytes / Gibibyte:0.0} GiB "
            + $"({Describe(memoryBudgetBytes)}); scoring runs one batch at a time anyway and may use that much memory. Raise the memory budget ({Remedy}) if the machine has it; otherwise expect swapping or the process being killed")
        : ReleasesActivations ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the {Models} models' sessions cannot each keep a scoring batch's activations within the memory budget of {memoryBudgetBytes / Gibibyte:0.0} GiB{(KeepingBytes > 0 ? $" (that takes about {KeepingBytes / Gibibyte:0.0} GiB)" : "")}, "
            + $"so each batch's are released after it and allocated again for the next: within the budget, but slower (1.13x the time for two study-size models on 2 cores). "
            + $"Raise the memory budget ({Remedy}){(KeepingBytes > 0 ? $" to {(long)Math.Ceiling(KeepingBytes / Gibibyte)}G or more" : "")} to keep them ({Describe(memoryBudgetBytes)})")
        : null;

    /// <summary>
    /// The estimate with one batch at a time: every session's base, and the activations of one batch of each model (of the
    /// largest when they are released after each batch, <see cref="ReleasesActivations"/>): what <see cref="WithinBudget"/>
    /// compares with the budget, <see cref="EstimateSharedBytes"/> with one batch.
    /// </summary>
    public long OneBatchBytes => Models * BaseBytes + (EstimatedBytes - Models * BaseBytes) / ConcurrentBatches;

    private const double Gibibyte = 1L << 30;

    // Where a user sets the budget: the commands' option, or the pipeline definition (detect, the server, notebooks).
    private const string Remedy = "--memory-budget, or scoring.memory_budget_bytes in pipeline.json";

    // The largest count in [1, most] that divides cores, so batches x threads = cores (1 always qualifies).
    private static int LargestDivisorAtMost(int cores, int most)
    {
        for (var n = Math.Min(most, cores); n > 1; n--)
        {
            if (cores % n == 0) return n;
        }
        return 1;
    }
}

/// <summary>What <see cref="ScoringPlan.ChooseShared"/> needs of one model: its input height x width and its fixed batch size (null when free).</summary>
internal readonly record struct PlannedModel(long InputPixels, int? FixedBatchSize);
