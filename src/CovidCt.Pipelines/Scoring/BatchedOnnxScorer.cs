using System.Globalization;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML.OnnxRuntime;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// Runs a lesion model over ONNX Runtime on many images per call, unlike ML.NET's <c>ApplyOnnxModel</c>, which runs one
/// row per call. Its batches run on threads of its own, one per concurrent batch (ONNX Runtime parallelises inside each), or
/// on the threads it shares with the other models of its chain (<see cref="ScoringShare"/>). Not thread-safe: call it from one
/// thread at a time.
/// </summary>
public sealed class BatchedOnnxScorer : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly int _batchSize;
    private readonly int _concurrency;
    private readonly ScoringShare _share;
    // Set when the scorer is disposed: its batches still queued are skipped, whichever share they wait in.
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Task> _pending = [];

    /// <summary>Opens <paramref name="modelPath"/> with the given preprocessing overrides and runtime options, on threads of its own.</summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded, its signature does not fit the options, or the output to read does not exist.</exception>
    public BatchedOnnxScorer(string modelPath, PreprocessingOptions? preprocessing = null, OnnxScoringOptions? options = null)
        : this(modelPath, preprocessing, options, share: null, member: 0)
    {
    }

    /// <summary>
    /// Opens <paramref name="modelPath"/> as member <paramref name="member"/> of <paramref name="share"/> (whose options it is scored
    /// with), or on threads of its own when <paramref name="share"/> is null.
    /// </summary>
    /// <exception cref="InvalidInputException">When the model cannot be loaded, its signature does not fit the options, or the output to read does not exist.</exception>
    internal BatchedOnnxScorer(string modelPath, PreprocessingOptions? preprocessing, OnnxScoringOptions? options, ScoringShare? share, int member)
    {
        // A share's members are scored with its one set of options: other options here would be silently ignored.
        if (share is not null && options is not null && !ReferenceEquals(share.Options, options)) throw new ArgumentException("a scorer in a share is scored with the share's options", nameof(options));
        Options = share?.Options ?? options ?? new OnnxScoringOptions();
        if (Options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.BatchSize, "batch size must be at least 1");
        // The signature first (read once per file): the input sizes of the share's models decide how many batches fit the memory
        // budget, and so the session's threads, which are fixed when it opens.
        Model = OnnxModelInfo.Read(modelPath);
        preprocessing ??= new PreprocessingOptions();
        Preprocessing = ImagePreprocessing.Resolve(preprocessing, Model);
        _outputNames = SelectOutputs(Model, Options);
        Activation = ResolveActivation(Model, Options);
        _share = share ?? new ScoringShare(Options, [new ScoringShare.Member(modelPath, preprocessing)]);
        Plan = _share.Join(member);
        try
        {
            var (sessionOptions, usesCuda) = CreateSessionOptions(Options, Plan);
            using (sessionOptions)
            {
                _session = OnnxModelInfo.OpenSession(modelPath, sessionOptions);
            }
            UsesCuda = usesCuda;
        }
        catch
        {
            _share.Leave();
            throw;
        }
        _batchSize = Plan.BatchSize;
        _concurrency = Plan.ConcurrentBatches;
    }

    /// <summary>The model's signature and metadata.</summary>
    public OnnxModelInfo Model { get; }

    /// <summary>The resolved preprocessing the model receives.</summary>
    public ImagePreprocessing Preprocessing { get; }

    /// <summary>The runtime options in force.</summary>
    public OnnxScoringOptions Options { get; }

    /// <summary>Concurrent batches, threads per operator and batch size in force, chosen from the input size, the cores and the memory budget (with the other models of its share).</summary>
    public ScoringPlan Plan { get; }

    /// <summary>
    /// Null when <see cref="Plan"/> fits the options' memory budget; otherwise the warning every command that scores gives before
    /// any number (<see cref="ScoringPlan.BudgetWarning"/>): the one place evaluate, compare, detect, sweep, cluster workers, the
    /// notebooks and the web service take it from.
    /// </summary>
    public string? BudgetWarning => Plan.BudgetWarning(Options.MemoryBudgetBytes);

    /// <summary>The threads and memory budget the scorer shares with the other models of its chain (only itself when opened alone).</summary>
    internal ScoringShare Share => _share;

    /// <summary>True when the CUDA provider was requested and started; false on the CPU (including after a fallback).</summary>
    public bool UsesCuda { get; }

    /// <summary>Images one <see cref="Score"/> call needs to keep every concurrent batch busy on its own (batch size x concurrent batches); calls queue behind each other on the scorer's threads, so a caller with smaller calls loses little.</summary>
    public int ImagesPerCall => _batchSize * _concurrency;

    /// <summary>What turns the outputs into probabilities: the options' <see cref="OnnxScoringOptions.OutputActivation"/>, else the model's metadata, else none.</summary>
    public OutputActivation Activation { get; }

    /// <summary>The outputs read (one, or every output when averaging).</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Scores preprocessed images (each <see cref="ImagePreprocessing.ImageLength"/> floats) in batches; one map per image, in order.</summary>
    /// <exception cref="InvalidInputException">When an output has a shape other than [N,1,H,W], [N,H,W,1] or [N,H,W].</exception>
    public IReadOnlyList<ProbabilityMap> Score(IReadOnlyList<float[]> images) => MapsOf(ScoreAhead(images));

    /// <summary>
    /// Queues <paramref name="images"/>' batches behind those of earlier calls on the scorer's threads and returns at once (one
    /// thread per concurrent batch of <see cref="Plan"/>), so a caller can prepare or finish other work meanwhile;
    /// <see cref="MapsOf"/> waits for the maps. Called from one thread at a time, as every member of the scorer.
    /// </summary>
    /// <exception cref="ArgumentException">When an image does not hold <see cref="ImagePreprocessing.ImageLength"/> floats.</exception>
    /// <exception cref="ObjectDisposedException">When the scorer is disposed.</exception>
    internal Task<ProbabilityMap[][]> ScoreAhead(IReadOnlyList<float[]> images, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var length = Preprocessing.ImageLength;
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i].Length != length) throw new ArgumentException($"image {i} holds {images[i].Length} floats; the model takes {length}", nameof(images));
        }
        _pending.RemoveAll(task => task.IsCompleted);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closing.Token);
        var scoring = _share.Workers().Submit((images.Count + _batchSize - 1) / _batchSize, b => ScoreBatch(images, b), stop.Token);
        scoring.ContinueWith(_ => stop.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _pending.Add(scoring);
        return scoring;
    }

    /// <summary>The maps of a <see cref="ScoreAhead"/> call, one per image in order, once its batches have run; rethrows a batch's own exception.</summary>
    internal static IReadOnlyList<ProbabilityMap> MapsOf(Task<ProbabilityMap[][]> scoring) =>
        scoring.GetAwaiter().GetResult().SelectMany(maps => maps).ToList();

    private bool _disposed;

    // Batch b of the images, packed into its own buffer (batches may run at once); a fixed-size batch is padded with zeros
    // and only the first images' results are read.
    private ProbabilityMap[] ScoreBatch(IReadOnlyList<float[]> images, int b)
    {
        var length = Preprocessing.ImageLength;
        var start = b * _batchSize;
        var count = Math.Min(_batchSize, images.Count - start);
        var size = Model.FixedBatchSize ?? count;
        var packed = new float[size * length];
        for (var i = 0; i < count; i++) images[start + i].CopyTo(packed, i * length);
        return RunBatch(packed, size, count);
    }

    /// <summary>
    /// Releases the ONNX Runtime session once the batches running have ended (those queued but not started are skipped, when
    /// the queue reaches them: in a share, after the other members' batches queued before them), and leaves the share (the
    /// last member ends its threads).
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _closing.Cancel();
        // Every call's task ends once each of its batches has run or been skipped, so no batch uses the session after this;
        // waiting on the handle neither throws a call's failure (its caller has it) nor runs anything inline.
        foreach (var task in _pending) ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        _session.Dispose();
        _share.Leave();
        _closing.Dispose();
    }

    /// <summary>
    /// ONNX Runtime's run configuration for <paramref name="plan"/>'s batches: when the plan counted only the batches in flight
    /// (<see cref="ScoringPlan.ReleasesActivations"/>), the CPU arena gives each batch's memory back when its run ends (ONNX
    /// Runtime ignores a key it does not know, so the test tree holds this one's spelling).
    /// </summary>
    internal static IReadOnlyList<(string Key, string Value)> RunConfig(ScoringPlan plan) =>
        plan.ReleasesActivations ? [("memory.enable_memory_arena_shrinkage", "cpu:0")] : [];

    private ProbabilityMap[] RunBatch(Memory<float> packed, int batchSize, int used)
    {
        var shape = Model.Layout == TensorLayout.Nchw
            ? new long[] { batchSize, Preprocessing.Channels, Preprocessing.InputHeight, Preprocessing.InputWidth }
            : new long[] { batchSize, Preprocessing.InputHeight, Preprocessing.InputWidth, Preprocessing.Channels };
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, packed, shape);
        using var runOptions = new RunOptions();
        foreach (var (key, value) in RunConfig(Plan)) runOptions.AddRunConfigEntry(key, value);
        using var outputs = _session.Run(runOptions, new[] { Model.InputName }, new[] { input }, _outputNames);
        ProbabilityMap[]? maps = null;
        for (var o = 0; o < outputs.Count; o++)
        {
            var (height, width) = OutputSize(_outputNames[o], outputs[o].GetTensorTypeAndShape().Shape, batchSize);
            var data = outputs[o].GetTensorDataAsSpan<float>();
            maps ??= Enumerable.Range(0, used).Select(_ => new ProbabilityMap(width, height, new float[width * height])).ToArray();
            if (maps[0].Width != width || maps[0].Height != height)
            {
                throw new InvalidInputException(Model.Path, $"output '{_outputNames[o]}' is {width}x{height} but '{_outputNames[0]}' is {maps[0].Width}x{maps[0].Height}; averaged outputs must have one size", field: _outputNames[o]);
            }
            for (var i = 0; i < used; i++)
            {
                var source = data.Slice(i * width * height, width * height);
                var target = maps[i].Values;
                if (Activation == OutputActivation.Sigmoid)
                {
                    for (var p = 0; p < target.Length; p++) target[p] += 1f / (1f + MathF.Exp(-source[p]));
                }
                else
                {
                    for (var p = 0; p < target.Length; p++) target[p] += source[p];
                }
            }
        }
        if (outputs.Count > 1)
        {
            var scale = 1f / outputs.Count;
            foreach (var map in maps!)
            {
                var values = map.Values;
                for (var p = 0; p < values.Length; p++) values[p] *= scale;
            }
        }
        return maps!;
    }

    private (int Height, int Width) OutputSize(string name, long[] shape, int batchSize)
    {
        if (shape.Length > 0 && shape[0] == batchSize)
        {
            if (shape.Length == 4 && shape[1] == 1) return ((int)shape[2], (int)shape[3]);
            if (shape.Length == 4 && shape[3] == 1) return ((int)shape[1], (int)shape[2]);
            if (shape.Length == 3) return ((int)shape[1], (int)shape[2]);
        }
        throw new InvalidInputException(Model.Path, $"output '{name}' has shape [{string.Join(",", shape)}] for a batch of {batchSize}; expected [N,1,H,W], [N,H,W,1] or [N,H,W]", field: name);
    }

    internal static string[] SelectOutputs(OnnxModelInfo model, OnnxScoringOptions options)
    {
        if (options.OutputName is { } name)
        {
            if (!model.OutputNames.Contains(name))
            {
                throw new InvalidInputException(model.Path, $"the model has no output '{name}'; its outputs are: {string.Join(", ", model.OutputNames)}", field: name);
            }
            return [name];
        }
        if (options.AverageOutputs || model.OutputNames.Count == 1) return model.OutputNames.ToArray();
        throw new InvalidInputException(model.Path, $"the model has {model.OutputNames.Count} outputs ({string.Join(", ", model.OutputNames)}); name one to read or ask to average them");
    }

    internal static OutputActivation ResolveActivation(OnnxModelInfo model, OnnxScoringOptions options)
    {
        if (options.OutputActivation is { } stated) return stated;
        if (!model.Metadata.TryGetValue(ModelMetadataKeys.OutputActivation, out var text)) return OutputActivation.None;
        return text.Trim().ToLowerInvariant() switch
        {
            "sigmoid" => OutputActivation.Sigmoid,
            "none" or "" => OutputActivation.None,
            _ => throw new InvalidInputException(model.Path, $"'{text}' is not an output activation; expected sigmoid or none", field: ModelMetadataKeys.OutputActivation),
        };
    }

    // Float32 on the GPU unless TF32 is asked for: ONNX Runtime's CUDA provider defaults to TF32, which changes decisions.
    internal static Dictionary<string, string> CudaProviderSettings(OnnxScoringOptions options) => new()
    {
        ["device_id"] = options.CudaDeviceId.ToString(CultureInfo.InvariantCulture),
        ["use_tf32"] = options.AllowTf32 ? "1" : "0",
    };

    // The plan's threads always, on the CPU and on a CUDA session alike (its CPU operators, or all of them after a fallback).
    internal static (SessionOptions Options, bool UsesCuda) CreateSessionOptions(OnnxScoringOptions options, ScoringPlan plan)
    {
        var session = new SessionOptions
        {
            IntraOpNumThreads = plan.IntraOpThreads,
            GraphOptimizationLevel = options.GraphOptimization switch
            {
                GraphOptimization.None => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        if (!options.UseCuda) return (session, false);
        try
        {
            using var cuda = new OrtCUDAProviderOptions();
            cuda.UpdateOptions(CudaProviderSettings(options));
            session.AppendExecutionProvider_CUDA(cuda);
            return (session, true);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            // The CPU package has no CUDA provider and a machine may have no GPU: fall back, and say so through UsesCuda.
            return (session, false);
        }
    }
}
