using CovidCt.Data;

namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// Says when body framing has nothing to frame a case on: no pixel of any of its slices lies above
/// <see cref="BodyFrame.BodyHounsfield"/> (an all-air volume, a blank export). The pipeline then gives the model the whole
/// slice (<see cref="ImagePreprocessing"/>'s frame, the same test), which is all it can do, but the run must say so: that
/// case was not framed like the others, so its input is at another scale.
/// </summary>
public static class FramingCheck
{
    /// <summary>
    /// The warning for case <paramref name="caseId"/> when <paramref name="framing"/> is <see cref="SliceFraming.Body"/> and
    /// <paramref name="volume"/> holds no body pixel; null when it is framed on its body, or framed whole on purpose.
    /// </summary>
    public static string? WholeSliceFallback(string caseId, CtVolume volume, SliceFraming framing)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (framing == SliceFraming.Image) return null;
        var g = volume.Geometry;
        var slices = new ReadOnlyMemory<float>[g.Depth];
        for (var z = 0; z < g.Depth; z++) slices[z] = volume.Hounsfield.AsMemory(z * g.SliceLength, g.SliceLength);
        if (BodyFrame.Bounds(slices, g.Width, g.Height) is not null) return null;
        return FormattableString.Invariant(
            $"{caseId}: no pixel above {BodyFrame.BodyHounsfield:0} HU (all air, or read with a window that shows no body), so body framing found nothing to frame on and the model saw the whole slice, at another scale than the other cases");
    }
}
