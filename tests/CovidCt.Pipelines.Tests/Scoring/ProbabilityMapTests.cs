using CovidCt.Data.IO;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

public sealed class ProbabilityMapTests
{
    [Fact]
    public void Infinity_is_reported_with_patient_slice_position_and_pixel()
    {
        var map = new ProbabilityMap(3, 2, [0, 0.5f, 1, 0, float.PositiveInfinity, 0]);
        Assert.Equal(4, map.FirstNonFinite());
        var error = Assert.Throws<InvalidInputException>(() => map.EnsureFinite("m.onnx", "P4", 7, 17.5));
        Assert.Equal("m.onnx", error.File);
        Assert.Contains("patient 'P4', slice 7 (position 17.5 mm), pixel (1, 1)", error.Message);
    }

    [Fact]
    public void Finite_maps_pass_and_a_size_that_does_not_match_is_rejected()
    {
        new ProbabilityMap(1, 2, [0.1f, 0.9f]).EnsureFinite("m.onnx", "P", 0, 0);
        Assert.Throws<ArgumentException>(() => new ProbabilityMap(2, 2, [0.1f]));
    }
}
