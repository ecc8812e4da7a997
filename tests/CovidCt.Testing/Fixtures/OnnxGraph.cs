namespace CovidCt.Testing.Fixtures;

/// <summary>
/// Builds small ONNX models (IR 8, opset 13) byte by byte, so the tests need neither Python nor checked-in binaries.
/// Dimensions given as -1 become the symbolic batch dimension "N".
/// </summary>
public sealed class OnnxGraph
{
    private const int FloatType = 1;
    private readonly ProtoWriter _graph = new ProtoWriter().String(2, "test");
    private readonly List<(string Key, string Value)> _metadata = [];
    private int _nodes;

    public OnnxGraph Input(string name, params long[] shape)
    {
        _graph.Message(11, ValueInfo(name, shape));
        return this;
    }

    public OnnxGraph Output(string name, params long[] shape)
    {
        _graph.Message(12, ValueInfo(name, shape));
        return this;
    }

    /// <summary>A float constant (an initializer); an empty shape makes a scalar.</summary>
    public OnnxGraph Constant(string name, long[] shape, params float[] values)
    {
        var tensor = new ProtoWriter();
        foreach (var d in shape) tensor.Varint(1, d);
        tensor.Varint(2, FloatType).PackedFloats(4, values).String(8, name);
        _graph.Message(5, tensor);
        return this;
    }

    public OnnxGraph Node(string op, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, $"n{_nodes++}").String(4, op);
        foreach (var (name, value) in attributes)
        {
            var attribute = new ProtoWriter().String(1, name);
            switch (value)
            {
                case long[] ints: attribute.PackedVarints(8, ints).Varint(20, 7); break;
                case long i: attribute.Varint(3, i).Varint(20, 2); break;
                case float f: attribute.Float(2, f).Varint(20, 1); break;
                default: throw new ArgumentException($"attribute type {value.GetType()} not supported");
            }
            node.Message(5, attribute);
        }
        _graph.Message(1, node);
        return this;
    }

    public OnnxGraph Metadata(string key, string value)
    {
        _metadata.Add((key, value));
        return this;
    }

    public byte[] ToBytes()
    {
        var model = new ProtoWriter().Varint(1, 8).String(2, "covidct-tests");
        model.Message(7, _graph);
        model.Message(8, new ProtoWriter().String(1, "").Varint(2, 13));
        foreach (var (key, value) in _metadata) model.Message(14, new ProtoWriter().String(1, key).String(2, value));
        return model.ToArray();
    }

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private static ProtoWriter ValueInfo(string name, long[] shape)
    {
        var dims = new ProtoWriter();
        foreach (var d in shape)
        {
            dims.Message(1, d < 0 ? new ProtoWriter().String(2, "N") : new ProtoWriter().Varint(1, d));
        }
        var tensorType = new ProtoWriter().Varint(1, FloatType).Message(2, dims);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
