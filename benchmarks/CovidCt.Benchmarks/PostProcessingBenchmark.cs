using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Benchmarks;

/// <summary>
/// Item 3: post-processing per 512 x 512 slice, split into the valid area (HU lung segmentation at 512 x 512) and boxes +
/// quadrants + decision, on probability maps of 512 x 512 (a study-like model) and of the shipped model's output size; the
/// latter are first taken back to the slice (post-processing always runs at the slice's resolution), which is included.
/// </summary>
internal static class PostProcessingBenchmark
{
    /// <summary>Prints both parts; returns their sum in milliseconds per slice for maps of <paramref name="modelOutputSize"/>, or null when the valid area could not be measured.</summary>
    public static double? Run(TextWriter output, CtVolume? lidc, int modelOutputSize)
    {
        const int slice = 512;
        var detector = new SliceDetector();
        var geometry = new SliceGeometry(slice, slice, 0.7, 0.7);
        var lungs = SyntheticMaps.Lungs(slice);
        var (boxes, quadrants) = (new LesionBoxOptions(), new QuadrantOptions());
        var detect = new Dictionary<int, double>();
        foreach (var size in new[] { slice, modelOutputSize }.Distinct())
        {
            var maps = SyntheticMaps.Pool(64, size, seed: 3);
            var frame = SliceFrame.Of(slice, slice, size, size);
            var time = Measure.Repeat(5, () =>
            {
                foreach (var map in maps) detector.Detect(SliceResolution.ToSlice(map, frame), lungs, geometry, boxes, quadrants);
            });
            detect[size] = time.Median / maps.Length * 1e3;
            var resize = size == slice ? "" : "resize back to the slice + ";
            output.WriteLine($"Post-processing per {slice}x{slice} slice, {size}x{size} probability maps: {resize}boxes + quadrants + decision {detect[size]:0.000} ms (synthetic maps; {time})");
            if (size == slice) continue;
            var back = Measure.Repeat(5, () =>
            {
                foreach (var map in maps) _ = SliceResolution.ToSlice(map, frame);
            });
            output.WriteLine($"  of which the resize back alone: {back.Median / maps.Length * 1e3:0.000} ms ({back})");
        }
        if (lidc is null)
        {
            output.WriteLine("  valid area: not measured (set COVIDCT_SHARED_DATA for the LIDC-IDRI series)");
            return null;
        }
        var segmenter = new LungSegmenter();
        var g = lidc.Geometry;
        var options = new ValidAreaOptions();
        var rectangle = Measure.Repeat(5, () =>
        {
            for (var z = 0; z < g.Depth; z++) _ = segmenter.Segment(lidc.Slice(z), g.Width, g.Height, options).Bounds;
        });
        var mask = Measure.Repeat(5, () =>
        {
            for (var z = 0; z < g.Depth; z++) _ = segmenter.Segment(lidc.Slice(z), g.Width, g.Height, options).Mask;
        });
        var valid = rectangle.Median / g.Depth * 1e3;
        output.WriteLine($"  valid area (HU segmentation, LIDC-IDRI-0001, {g.Depth} slices of {g.Width}x{g.Height}): rectangle (the default) {valid:0.000} ms per slice ({rectangle}); with the mask drawn {mask.Median / g.Depth * 1e3:0.000} ms ({mask})");
        foreach (var (size, time) in detect) output.WriteLine($"  together with {size}x{size} maps: {valid + time:0.000} ms per slice (target <= 2 ms)");
        return valid + detect[modelOutputSize];
    }
}
