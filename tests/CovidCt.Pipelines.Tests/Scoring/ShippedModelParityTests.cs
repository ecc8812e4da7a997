using System.Buffers.Binary;
using System.Text.Json;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>
/// The shipped models against PyTorch: Fixtures/Parity holds two HU slices, PyTorch's model input for them and each
/// checkpoint's output (written by training/covidct_train/parity.py when the models were exported).
/// </summary>
public sealed class ShippedModelParityTests
{
    private static readonly string Folder = Repository.File("tests", "CovidCt.Pipelines.Tests", "Fixtures", "Parity");

    /// <summary>Every model the fixture holds outputs for.</summary>
    public static TheoryData<string> ModelNames()
    {
        using var fixture = ReadFixture();
        var names = new TheoryData<string>();
        foreach (var model in fixture.RootElement.GetProperty("models").EnumerateObject()) names.Add(model.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Onnx_runtime_reproduces_the_pytorch_probabilities_within_the_fixture_tolerance(string name)
    {
        using var fixture = ReadFixture();
        var shape = Shape(fixture, "image.f32");
        var images = Split(ReadFloats("image.f32"), shape[0]);
        var expected = Split(ReadFloats($"probability.{name}.f32"), shape[0]);
        using var scorer = new BatchedOnnxScorer(Repository.File("models", $"{name}.onnx"));

        var maps = scorer.Score(images);

        var largest = 0.0;
        for (var i = 0; i < maps.Count; i++)
        {
            Assert.Equal(expected[i].Length, maps[i].Values.Length);
            for (var p = 0; p < expected[i].Length; p++) largest = Math.Max(largest, Math.Abs(maps[i].Values[p] - expected[i][p]));
        }
        Assert.InRange(largest, 0.0, fixture.RootElement.GetProperty("tolerance").GetDouble());
    }

    [Fact]
    public void Platform_preprocessing_of_the_hu_slices_reproduces_the_pytorch_model_input()
    {
        using var fixture = ReadFixture();
        var huShape = Shape(fixture, "hu.i16");
        var (count, height, width) = (huShape[0], huShape[1], huShape[2]);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "hu.i16"));
        Assert.Equal(count * height * width * 2, bytes.Length);
        var expected = Split(ReadFloats("image.f32"), count);
        var model = fixture.RootElement.GetProperty("models").EnumerateObject().First().Name;
        using var scorer = new BatchedOnnxScorer(Repository.File("models", $"{model}.onnx"));
        float[]? scratch = null;

        for (var s = 0; s < count; s++)
        {
            var hounsfield = new float[height * width];
            for (var p = 0; p < hounsfield.Length; p++) hounsfield[p] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan((s * hounsfield.Length + p) * 2));
            var input = new float[scorer.Preprocessing.ImageLength];
            scorer.Preprocessing.Apply(hounsfield, width, height, input, ref scratch);
            Assert.Equal(expected[s].Length, input.Length);
            for (var p = 0; p < input.Length; p++) Assert.True(Math.Abs(input[p] - expected[s][p]) <= 1e-6, $"slice {s} pixel {p}: {input[p]} vs PyTorch {expected[s][p]}");
        }
    }

    private static JsonDocument ReadFixture() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "fixture.json")));

    private static int[] Shape(JsonDocument fixture, string file) =>
        fixture.RootElement.GetProperty("shapes").GetProperty(file).EnumerateArray().Select(d => d.GetInt32()).ToArray();

    private static float[] ReadFloats(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values;
    }

    private static float[][] Split(float[] values, int count) => values.Chunk(values.Length / count).ToArray();
}
