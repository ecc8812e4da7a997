namespace CovidCt.Pipelines.Scoring;

/// <summary>How the batched scorer runs a model over ONNX Runtime.</summary>
public sealed class OnnxScoringOptions
{
    /// <summary>Images per <c>Run</c> call (default 1: with one batch per core at once it was the fastest on the 2-core CPU of benchmarks/README.md; raise it on a GPU). A model whose batch dimension is fixed is run at its fixed size.</summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>
    /// Threads one operator may use; 0 (default) = chosen with the concurrent batches so that every core has work
    /// (<see cref="ScoringPlan.Choose(OnnxScoringOptions, long, int, long, int?)"/>: the cores divided by the concurrent batches). The session always gets an explicit
    /// count: ONNX Runtime's own default used one core on the 2-core machine of benchmarks/README.md.
    /// </summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Batches scored at the same time on the one session; 0 (default) = chosen from the input size, the cores and
    /// <see cref="MemoryBudgetBytes"/> (<see cref="ScoringPlan.Choose(OnnxScoringOptions, long, int, long, int?)"/>), 1 with CUDA. Small models spend much of a
    /// multi-threaded operator in synchronisation: on the 2-core machine of benchmarks/README.md two single-threaded batches
    /// at once were 12-14 % faster than one two-threaded batch. Each concurrent batch holds its own activations (about 1 GB
    /// for a 512 x 512 study-size UNet++), which is what the budget bounds.
    /// </summary>
    public int ConcurrentBatches { get; set; }

    /// <summary>
    /// The memory scoring may use, in bytes (default 2 GiB): bounds the concurrent batches the automatic choice runs
    /// (<see cref="ScoringPlan.Choose(OnnxScoringOptions, long, int, long, int?)"/>). A setting of the machine, not of the model: it never changes a number.
    /// </summary>
    public long MemoryBudgetBytes { get; set; } = ScoringPlan.DefaultMemoryBudgetBytes;

    /// <summary>Graph optimisation level (default <see cref="GraphOptimization.All"/>).</summary>
    public GraphOptimization GraphOptimization { get; set; } = GraphOptimization.All;

    /// <summary>Try the CUDA execution provider first (default false). When it cannot start, scoring falls back to the CPU and <see cref="BatchedOnnxScorer.UsesCuda"/> says so.</summary>
    public bool UseCuda { get; set; }

    /// <summary>CUDA device ordinal when <see cref="UseCuda"/> is set (default 0).</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Let the CUDA provider run convolutions and matrix products in TF32 (default false, although ONNX Runtime's own
    /// default is true). Measured on an H200 (docs/scale.md): TF32 ran the study-size UNet++ 2.2-2.5 times faster, but moved
    /// the shipped models' probabilities by up to 0.011 and carried a few pixels across 0.5; in float32 the GPU matched the
    /// CPU to 5e-6 and changed no decision. Off, a GPU worker gives the CPU's answer. Ignored on the CPU.
    /// </summary>
    public bool AllowTf32 { get; set; }

    /// <summary>The output to read, for models with several (deep supervision); null = the only output, or see <see cref="AverageOutputs"/>.</summary>
    public string? OutputName { get; set; }

    /// <summary>Average every output (deep supervision heads) instead of reading one (default false). Ignored when <see cref="OutputName"/> is set.</summary>
    public bool AverageOutputs { get; set; }

    /// <summary>
    /// What turns the output into probabilities; null (default) = the model's <c>covidct.output_activation</c> metadata
    /// (<c>sigmoid</c> or <c>none</c>), else none. A model whose outputs leave [0, 1] is refused on its first scored batch.
    /// </summary>
    public OutputActivation? OutputActivation { get; set; }

    /// <summary>Checks the options once, when a pipeline is built.</summary>
    /// <exception cref="ArgumentException">When the batch size, threads, concurrent batches or memory budget are out of range.</exception>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"batch size is {BatchSize}; expected at least 1", nameof(BatchSize));
        if (IntraOpThreads < 0) throw new ArgumentException($"intra-op threads is {IntraOpThreads}; expected 0 (automatic) or more", nameof(IntraOpThreads));
        if (ConcurrentBatches < 0) throw new ArgumentException($"concurrent batches is {ConcurrentBatches}; expected 0 (automatic) or more", nameof(ConcurrentBatches));
        if (MemoryBudgetBytes < 1) throw new ArgumentException($"memory budget is {MemoryBudgetBytes} bytes; expected a positive number of bytes", nameof(MemoryBudgetBytes));
    }
}

/// <summary>ONNX Runtime graph optimisation levels.</summary>
public enum GraphOptimization
{
    /// <summary>Run the graph as stored.</summary>
    None,

    /// <summary>Constant folding and redundant-node removal.</summary>
    Basic,

    /// <summary>Basic plus node fusions.</summary>
    Extended,

    /// <summary>Every optimisation, including layout changes.</summary>
    All,
}
