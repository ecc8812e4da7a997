using CovidCt.Imaging;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// Takes a probability map from the model's output back to its slice: the padding of <see cref="SliceFrame"/> is cut off, then
/// the part the view covered is resized bilinearly (half-pixel centres, edges clamped to that part, so the model's output on
/// the padding never bleeds in; the imaging core's one kernel, <see cref="BilinearResize.Resample(ReadOnlySpan{float}, int, ResizeTaps, ResizeTaps, Span{float})"/>, with this step's taps) to the view's slice pixels, so a body frame is undone too: each slice pixel takes the map
/// where it lay in the input, and slice pixels outside the view (air far from the body) take the nearest edge of the view. The one resize-back: <see cref="LesionScoring"/> applies
/// it after the cache, so the ML.NET chain, <see cref="DetectionPipeline"/> and the sweep all post-process at slice resolution.
/// </summary>
internal static class SliceResolution
{
    /// <summary>
    /// <paramref name="map"/> at the resolution of <paramref name="frame"/>'s slice. A map of another size than the input (a
    /// model whose output is smaller) is scaled with the frame; a map already at slice resolution is returned as it is. The
    /// resized map computes its values when first read (<see cref="ProbabilityMap.Values"/>), and the box detector reads only
    /// the rows that can matter to it (<see cref="PostProcessing.SliceDetector"/>).
    /// </summary>
    public static ProbabilityMap ToSlice(ProbabilityMap map, SliceFrame frame)
    {
        ArgumentNullException.ThrowIfNull(map);
        return For(frame, map.Width, map.Height) is { } resize ? resize.Deferred(map) : map;
    }

    /// <summary>
    /// The resize from <paramref name="mapWidth"/> x <paramref name="mapHeight"/> maps to <paramref name="frame"/>'s slice, one
    /// for all the patient's maps; null when such maps are already at slice resolution.
    /// </summary>
    public static SliceResize? For(SliceFrame frame, int mapWidth, int mapHeight)
    {
        var (width, height) = (frame.SliceWidth, frame.SliceHeight);
        if (frame.FillsInput && frame.ViewIsSlice && mapWidth == width && mapHeight == height) return null;
        var scaleX = (double)mapWidth / frame.InputWidth;
        var scaleY = (double)mapHeight / frame.InputHeight;
        var columns = Taps(frame.Left * scaleX, frame.ContentWidth * scaleX, frame.ViewLeft, frame.ViewWidth, width, mapWidth);
        var rows = Taps(frame.Top * scaleY, frame.ContentHeight * scaleY, frame.ViewTop, frame.ViewHeight, height, mapHeight);
        return new SliceResize(mapWidth, mapHeight, columns, rows);
    }

    // For each slice index: the two map indices and the weight of the second. Slice pixel i is pixel i - viewStart of the view,
    // whose centre lies at start + (i - viewStart + 0.5) * length / viewCount in map coordinates; its position among map pixel
    // centres is that minus 0.5, clamped to the centres of the covered part [start, start + length).
    private static ResizeTaps Taps(double start, double length, int viewStart, int viewCount, int count, int mapLength)
    {
        var first = Math.Clamp(start, 0, mapLength - 1);
        var last = Math.Clamp(start + length - 1, first, mapLength - 1);
        var taps = new ResizeTaps(count);
        for (var i = 0; i < count; i++)
        {
            var position = Math.Clamp(start + (i - viewStart + 0.5) * length / viewCount - 0.5, first, last);
            var lower = (int)position;
            taps.Set(i, lower, Math.Min(lower + 1, (int)Math.Ceiling(last)), (float)(position - lower));
        }
        return taps;
    }
}
