using CovidCt.Pipelines.Models;

namespace CovidCt.Testing.Fixtures;

/// <summary>Tiny ONNX models with exactly known outputs, written into a temporary folder.</summary>
public sealed class TestModels : IDisposable
{
    public const long N = -1;

    /// <summary>HU that the lesion model maps to probability 1 (windowed value 2/3 in the study's lung window).</summary>
    public const float LesionHu = -500;

    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    /// <summary>probability = input (NCHW, one channel).</summary>
    public string Identity(int size, params (string Key, string Value)[] metadata) =>
        Save($"identity-{size}", With(new OnnxGraph()
            .Input("image", N, 1, size, size)
            .Output("probability", N, 1, size, size)
            .Node("Identity", ["image"], ["probability"]), metadata));

    /// <summary>
    /// A "lesion model" that fires on ground-glass HU only: probability = relu(1 - 6 |v - 2/3|) of the windowed value v, so
    /// -500 HU gives 1 while lung (-850), soft tissue (40), air and padding give 0.
    /// </summary>
    public string Lesion(int size, TensorLayout layout = TensorLayout.Nchw, int channels = 1) => Band(size, 2f / 3, layout, channels);

    /// <summary>A "lung model" for the valid area: probability 1 on lung (-850 HU, windowed 0.375), 0 on tissue, lesions and air.</summary>
    public string Lung(int size) => Band(size, 0.375f);

    /// <summary>A model that never fires (its band lies outside [0, 1]).</summary>
    public string Silent(int size) => Band(size, 5f);

    private string Band(int size, float centre, TensorLayout layout = TensorLayout.Nchw, int channels = 1)
    {
        var graph = new OnnxGraph()
            .Constant("centre", [], centre)
            .Constant("six", [], 6f)
            .Constant("one", [], 1f);
        var gray = "image";
        if (layout == TensorLayout.Nchw)
        {
            graph.Input("image", N, channels, size, size).Output("probability", N, 1, size, size);
            if (channels > 1) { graph.Node("ReduceMean", ["image"], ["gray"], ("axes", new long[] { 1 }), ("keepdims", 1L)); gray = "gray"; }
        }
        else
        {
            graph.Input("image", N, size, size, channels).Output("probability", N, size, size, 1);
            if (channels > 1) { graph.Node("ReduceMean", ["image"], ["gray"], ("axes", new long[] { 3 }), ("keepdims", 1L)); gray = "gray"; }
        }
        graph.Node("Sub", [gray, "centre"], ["d"])
            .Node("Abs", ["d"], ["a"])
            .Node("Mul", ["a", "six"], ["m"])
            .Node("Sub", ["one", "m"], ["s"])
            .Node("Relu", ["s"], ["probability"]);
        return Save($"band-{centre}-{size}-{layout}-{channels}", graph);
    }

    /// <summary>A 3 x 3 convolution (fixed, asymmetric weights) followed by a sigmoid: a non-trivial per-pixel result.</summary>
    public string Convolution(int size) =>
        Save($"conv-{size}", new OnnxGraph()
            .Input("image", N, 1, size, size)
            .Output("probability", N, 1, size, size)
            .Constant("w", [1, 1, 3, 3], 0.5f, -1f, 0.25f, 2f, 3f, -0.75f, 0.1f, -0.2f, 1.5f)
            .Constant("b", [1], -2f)
            .Node("Conv", ["image", "w", "b"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Sigmoid", ["c"], ["probability"]));

    /// <summary>probability = sqrt(input - 2): NaN everywhere.</summary>
    public string NotANumber(int size) =>
        Save($"nan-{size}", new OnnxGraph()
            .Input("image", N, 1, size, size)
            .Output("probability", N, 1, size, size)
            .Constant("two", [], 2f)
            .Node("Sub", ["image", "two"], ["d"])
            .Node("Sqrt", ["d"], ["probability"]));

    /// <summary>Two heads, as with deep supervision: "full" = input, "half" = input / 2.</summary>
    public string TwoHeads(int size) =>
        Save($"heads-{size}", new OnnxGraph()
            .Input("image", N, 1, size, size)
            .Output("full", N, 1, size, size)
            .Output("half", N, 1, size, size)
            .Constant("h", [], 0.5f)
            .Node("Identity", ["image"], ["full"])
            .Node("Mul", ["image", "h"], ["half"]));

    /// <summary>A model exported without its final sigmoid: logit = 20 (input − 0.5), from −10 to +10 on inputs in [0, 1].</summary>
    public string Logits(int size, params (string Key, string Value)[] metadata) =>
        Save($"logits-{size}-{metadata.Length}", With(new OnnxGraph()
            .Input("image", N, 1, size, size)
            .Output("logit", N, 1, size, size)
            .Constant("half", [], 0.5f)
            .Constant("twenty", [], 20f)
            .Node("Sub", ["image", "half"], ["d"])
            .Node("Mul", ["d", "twenty"], ["logit"]), metadata));

    /// <summary>An input of rank 2: no image model.</summary>
    public string RankTwo(int size) =>
        Save($"rank2-{size}", new OnnxGraph()
            .Input("image", N, size)
            .Output("probability", N, size)
            .Node("Identity", ["image"], ["probability"]));

    public void Dispose() => _folder.Dispose();

    private static OnnxGraph With(OnnxGraph graph, (string Key, string Value)[] metadata)
    {
        foreach (var (key, value) in metadata) graph.Metadata(key, value);
        return graph;
    }

    private string Save(string name, OnnxGraph graph) => graph.Save(Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.onnx"));
}
