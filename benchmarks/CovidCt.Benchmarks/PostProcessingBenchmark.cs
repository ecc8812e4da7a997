using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Benchmarks;

/// <summary>Item 3: post-processing per 512 x 512 slice, split into the valid area (HU lung segmentation) and boxes + quadrants.</summary>
internal static class PostProcessingBenchmark
{
    /// <summary>Prints both parts; returns their sum in milliseconds per slice, or null when the valid area could not be measured.</summary>
    public static double? Run(TextWriter output, CtVolume? lidc)
    {
        const int size = 512;
        var maps = SyntheticMaps.Pool(64, size, seed: 3);
        var lungs = SyntheticMaps.Lungs(size);
        var detector = new SliceDetector();
        var geometry = new SliceGeometry(size, size, 0.7, 0.7);
        var (boxes, quadrants) = (new LesionBoxOptions(), new QuadrantOptions());
        var detect = Measure.Repeat(5, () =>
        {
            foreach (var map in maps) detector.Detect(map, lungs, geometry, boxes, quadrants);
        });
        output.WriteLine($"Post-processing per {size}x{size} slice: boxes + quadrants + decision {detect.Median / maps.Length * 1e3:0.000} ms (synthetic maps; {detect})");
        if (lidc is null)
        {
            output.WriteLine("  valid area: not measured (set COVIDCT_SHARED_DATA for the LIDC-IDRI series)");
            return null;
        }
        var segmenter = new LungSegmenter();
        var g = lidc.Geometry;
        var options = new ValidAreaOptions();
        var valid = Measure.Repeat(3, () =>
        {
            for (var z = 0; z < g.Depth; z++) segmenter.Segment(lidc.Slice(z), g.Width, g.Height, options);
        });
        output.WriteLine($"  valid area (HU segmentation, LIDC-IDRI-0001, {g.Depth} slices): {valid.Median / g.Depth * 1e3:0.000} ms per slice ({valid})");
        var total = detect.Median / maps.Length * 1e3 + valid.Median / g.Depth * 1e3;
        output.WriteLine($"  together: {total:0.000} ms per slice (target <= 2 ms)");
        return total;
    }
}
