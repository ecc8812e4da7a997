namespace CovidCt.Pipelines.Scoring;

/// <summary>How the batched scorer runs a model over ONNX Runtime.</summary>
public sealed class OnnxScoringOptions
{
    /// <summary>Images per <c>Run</c> call (default 4, the fastest on the 2-core CPU of benchmarks/README.md, where 2 to 4 beat 8 and 16; raise it on a GPU). A model whose batch dimension is fixed is run at its fixed size.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>Threads one operator may use; 0 (default) lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Graph optimisation level (default <see cref="GraphOptimization.All"/>).</summary>
    public GraphOptimization GraphOptimization { get; set; } = GraphOptimization.All;

    /// <summary>Try the CUDA execution provider first (default false). When it cannot start, scoring falls back to the CPU and <see cref="BatchedOnnxScorer.UsesCuda"/> says so.</summary>
    public bool UseCuda { get; set; }

    /// <summary>CUDA device ordinal when <see cref="UseCuda"/> is set (default 0).</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>The output to read, for models with several (deep supervision); null = the only output, or see <see cref="AverageOutputs"/>.</summary>
    public string? OutputName { get; set; }

    /// <summary>Average every output (deep supervision heads) instead of reading one (default false). Ignored when <see cref="OutputName"/> is set.</summary>
    public bool AverageOutputs { get; set; }
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
