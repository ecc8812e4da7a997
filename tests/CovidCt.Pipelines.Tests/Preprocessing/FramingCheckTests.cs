using CovidCt.Data;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Tests.Preprocessing;

/// <summary>
/// Issue #14, the silent fallback of body framing: a case with no pixel above −500 HU has nothing to frame on and is given to
/// the model whole; that is said, with the case, and only then.
/// </summary>
public sealed class FramingCheckTests
{
    private static CtVolume Volume(float hounsfield, float? one = null)
    {
        var voxels = new float[8 * 8 * 2];
        Array.Fill(voxels, hounsfield);
        if (one is { } value) voxels[^1] = value;
        return new CtVolume(VolumeGeometry.Axial(8, 8, 2, 1, 1), voxels, "generated");
    }

    [Fact]
    public void An_all_air_case_framed_on_its_body_is_a_warning_naming_it()
    {
        var warning = FramingCheck.WholeSliceFallback("P7", Volume(-1000), SliceFraming.Body);

        Assert.NotNull(warning);
        Assert.StartsWith("P7: no pixel above -500 HU", warning, StringComparison.Ordinal);
        Assert.Contains("the model saw the whole slice", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void One_body_pixel_on_any_slice_frames_the_case_and_whole_slice_framing_is_no_fallback()
    {
        Assert.Null(FramingCheck.WholeSliceFallback("P1", Volume(-1000, one: -400), SliceFraming.Body));
        Assert.Null(FramingCheck.WholeSliceFallback("P1", Volume(-1000), SliceFraming.Image));
    }
}
