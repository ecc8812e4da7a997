using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Benchmarks;

/// <summary>
/// Item 3: post-processing per slice, split into the valid area (HU lung segmentation at 512 x 512) and boxes + quadrants +
/// decision at the slice's resolution. Maps of the shipped model's output size are first taken back to the slice, which is
/// included: the old way resizes the whole map (a new array per slice), the new way only the rows that can matter to the
/// detector (NeededRows). Both are timed in one run, interleaved, each with its own detector, on synthetic maps, the shipped
/// model's real maps of the default cohort and of a LIDC-IDRI series, and a worst case above the threshold nearly everywhere;
/// each set is also checked to give the same numbers both ways.
/// </summary>
internal static class PostProcessingBenchmark
{
    private const int Repeats = 9;
    private static readonly LesionBoxOptions Boxes = new();
    private static readonly QuadrantOptions Quadrants = new();

    /// <summary>
    /// Prints every part; returns the valid area plus the new way's boxes in milliseconds per slice, on the LIDC-IDRI series'
    /// real maps when the shipped model and the series are there (else on synthetic maps of <paramref name="modelOutputSize"/>),
    /// or null when the valid area could not be measured.
    /// </summary>
    public static double? Run(TextWriter output, CtVolume? lidc, int modelOutputSize)
    {
        const int slice = 512;
        var geometry = new SliceGeometry(slice, slice, 0.7, 0.7);
        var lungs = SyntheticMaps.Lungs(slice);
        output.WriteLine($"Post-processing per slice: boxes + quadrants + decision at the slice's resolution, the map taken back to it the old way (whole) and the new way (needed rows), interleaved, median of {Repeats}:");
        var study = SyntheticMaps.Pool(64, slice, seed: 3).Select(m => new Slice(m, lungs, geometry)).ToArray();
        Compare(output, $"synthetic {slice}x{slice} maps (a study-size model: no resize)", study);
        var frame = SliceFrame.Of(slice, slice, modelOutputSize, modelOutputSize);
        var small = SyntheticMaps.Pool(64, modelOutputSize, seed: 3).Select(m => new Slice(SliceResolution.ToSlice(m, frame), lungs, geometry)).ToArray();
        var synthetic = Compare(output, $"synthetic {modelOutputSize}x{modelOutputSize} maps to {slice}x{slice}", small);
        var worst = SyntheticMaps.Pool(16, modelOutputSize, seed: 5).Select(m => new Slice(SliceResolution.ToSlice(SyntheticMaps.Everywhere(m), frame), lungs, geometry)).ToArray();
        Compare(output, $"worst case: {modelOutputSize}x{modelOutputSize} maps at or above the threshold nearly everywhere, to {slice}x{slice}", worst);
        var back = Measure.Repeat(5, () =>
        {
            foreach (var s in small) _ = Whole(s.Map);
        });
        output.WriteLine($"  the old way's whole resize alone, synthetic maps: {back.Median / small.Length * 1e3:0.000} ms per slice ({back})");

        double? real = null;
        var model = Path.Combine("models", "unetpp-v2.onnx");
        if (!File.Exists(model))
        {
            output.WriteLine($"  real maps: not measured ({model}, the shipped model, not found; run from the repository root)");
        }
        else
        {
            using var pipeline = new DetectionPipeline(model);
            var cohort = Path.Combine("datasets", "default", "manifest.csv");
            if (File.Exists(cohort))
            {
                var patients = CohortReader.ReadPatients(CohortManifest.Load(cohort), CohortSplit.Test).ToArray();
                Compare(output, $"{Path.GetFileName(model)}'s maps of the default cohort's test split ({patients.Length} patients)", [.. patients.SelectMany(p => Slices(pipeline, p.Entry.PatientId, p.Volume))]);
            }
            else
            {
                output.WriteLine($"  default cohort: not measured ({cohort} not found)");
            }
            if (lidc is not null) real = Compare(output, $"{Path.GetFileName(model)}'s maps of LIDC-IDRI-0001 ({lidc.Geometry.Width}x{lidc.Geometry.Height})", Slices(pipeline, "LIDC-IDRI-0001", lidc));
        }
        if (lidc is null)
        {
            output.WriteLine("  LIDC-IDRI maps and valid area: not measured (set COVIDCT_SHARED_DATA for the LIDC-IDRI series)");
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
        var boxes = real ?? synthetic;
        output.WriteLine($"  valid area + boxes the new way ({(real is null ? "synthetic" : "LIDC-IDRI's real")} {modelOutputSize}x{modelOutputSize} maps): {valid + boxes:0.000} ms per slice (target <= 2 ms)");
        return valid + boxes;
    }

    private sealed record Slice(ProbabilityMap Map, ValidArea Area, SliceGeometry Geometry);

    // The real path: the pipeline's own scoring (maps taken back to the slice, not read yet) and valid areas.
    private static Slice[] Slices(DetectionPipeline pipeline, string patientId, CtVolume volume)
    {
        var maps = pipeline.Score(patientId, volume);
        var areas = pipeline.ValidAreas(volume);
        var g = volume.Geometry;
        var geometry = new SliceGeometry(g.Width, g.Height, g.ColumnSpacing, g.RowSpacing);
        return [.. maps.Select((m, z) => new Slice(m, areas[z], geometry))];
    }

    // The old way: the whole map at the slice's resolution, in a new array, as every slice was resized before.
    private static ProbabilityMap Whole(ProbabilityMap map) =>
        map.Pending is { } pending ? new ProbabilityMap(map.Width, map.Height, pending.Resize.Dense(pending.Source)) : map;

    // Old against new on one set: checked for the same numbers, warmed up, then timed in alternating order. Returns the new
    // way's median per slice, ms.
    private static double Compare(TextWriter output, string name, Slice[] slices)
    {
        var (old, now) = (new SliceDetector(), new SliceDetector());
        void Old()
        {
            foreach (var s in slices) old.Detect(Whole(s.Map), s.Area, s.Geometry, Boxes, Quadrants);
        }
        void New()
        {
            foreach (var s in slices) now.Detect(s.Map, s.Area, s.Geometry, Boxes, Quadrants);
        }
        var differing = slices.Count(s => !Same(old.Detect(Whole(s.Map), s.Area, s.Geometry, Boxes, Quadrants), now.Detect(s.Map, s.Area, s.Geometry, Boxes, Quadrants)));
        var (oldSeconds, newSeconds) = (new double[Repeats], new double[Repeats]);
        for (var r = 0; r < Repeats; r++)
        {
            if (r % 2 == 0)
            {
                oldSeconds[r] = Measure.Seconds(Old);
                newSeconds[r] = Measure.Seconds(New);
            }
            else
            {
                newSeconds[r] = Measure.Seconds(New);
                oldSeconds[r] = Measure.Seconds(Old);
            }
        }
        var (before, after) = (new Timing(oldSeconds), new Timing(newSeconds));
        var perSlice = (before.Median / slices.Length * 1e3, after.Median / slices.Length * 1e3);
        output.WriteLine($"  {name}, {slices.Length} slices: old {perSlice.Item1:0.000} ms, new {perSlice.Item2:0.000} ms per slice, {before.Median / after.Median:0.00}x; "
            + $"rows computed {RowsComputed(slices):0.0} %; {(differing == 0 ? "same numbers" : $"{differing} SLICES DIFFER")}");
        output.WriteLine($"    old {before}; new {after}");
        return perSlice.Item2;
    }

    private static bool Same(SliceDetection a, SliceDetection b) =>
        a.Boxes.SequenceEqual(b.Boxes) && a.RemovedLesionPixels.Equals(b.RemovedLesionPixels) && Equals(a.MaxPixelProbability, b.MaxPixelProbability) && a.Score.Equals(b.Score);

    // The share of slice rows the new way computes, over the set (100 % for maps already at slice resolution).
    private static double RowsComputed(Slice[] slices)
    {
        var rows = new NeededRows();
        var (computed, total) = (0L, 0L);
        foreach (var s in slices)
        {
            total += s.Map.Height;
            if (s.Map.Pending is not { } pending)
            {
                computed += s.Map.Height;
                continue;
            }
            rows.Compute(pending.Resize, pending.Source, s.Area, ValidAreaRegion.Rectangle, (float)Boxes.Threshold);
            foreach (var c in rows.Computed) computed += c ? 1 : 0;
        }
        return 100.0 * computed / total;
    }
}
