using CovidCt.Imaging;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.PostProcessing;

/// <summary>
/// Issue #20: the box detector on a map taken back to its slice computes only the rows that can matter (NeededRows). Every
/// number must be the whole map's: boxes, pixel counts, sums, maxima, the pixels the valid area removed and the image score,
/// for every region, frame and size, and for maps made to break the row bound (values at the threshold, just below it, NaN,
/// large values of both signs).
/// </summary>
public sealed class SparseResizeParityTests
{
    public static TheoryData<int, int, int, int> Sizes => new()
    {
        { 128, 128, 512, 512 },
        { 128, 128, 256, 256 },
        { 512, 512, 512, 512 },
        { 37, 29, 131, 97 },
        { 64, 64, 531, 530 },
    };

    public static TheoryData<string> Kinds => new() { "lesions", "uniform", "at threshold", "below threshold", "nan", "both signs", "flat at threshold", "empty" };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_map_kind_region_and_valid_area_gives_the_whole_maps_numbers(int mapWidth, int mapHeight, int sliceWidth, int sliceHeight)
    {
        var random = new Random(mapWidth * 7 + sliceWidth);
        var frames = new[]
        {
            SliceFrame.Of(sliceWidth, sliceHeight, mapWidth, mapHeight),
            // A body frame: a view inside the slice, padded in the input, so taps clamp at the covered part's edges.
            SliceFrame.Of(sliceWidth, sliceHeight, new PixelBox(sliceWidth / 6, sliceHeight / 5, sliceWidth / 2, sliceHeight * 3 / 5), mapWidth, mapHeight),
            // A view reaching beyond the slice (air added around it).
            SliceFrame.Of(sliceWidth, sliceHeight, new PixelBox(-sliceWidth / 8, -3, sliceWidth * 5 / 4, sliceHeight + 6), mapWidth, mapHeight),
        };
        foreach (var frame in frames)
        {
            foreach (var kind in Kinds)
            {
                var map = Map(random, kind, mapWidth, mapHeight);
                foreach (var (name, area) in Areas(random, sliceWidth, sliceHeight))
                {
                    foreach (var region in new[] { ValidAreaRegion.Rectangle, ValidAreaRegion.Mask, ValidAreaRegion.WholeImage })
                    {
                        AssertSameDetections(map, frame, area, region, $"{kind}, {name}, {region}, frame {frame}");
                    }
                }
            }
        }
    }

    [Fact]
    public void A_map_with_few_pixels_near_the_threshold_is_resized_in_few_rows_and_never_whole()
    {
        var values = new float[128 * 128];
        values.AsSpan().Fill(0.02f);
        for (var y = 60; y < 64; y++) values.AsSpan(y * 128 + 40, 6).Fill(0.9f);
        var map = SliceResolution.ToSlice(new ProbabilityMap(128, 128, values), SliceFrame.Of(512, 512, 128, 128));
        var detector = new SliceDetector();
        var rows = new NeededRows();
        var pending = map.Pending!.Value;

        var detection = detector.Detect(map, ValidArea.WholeImage(512, 512), new SliceGeometry(512, 512, 0.7, 0.7), new LesionBoxOptions(), new QuadrantOptions());
        rows.Compute(pending.Resize, pending.Source, ValidArea.WholeImage(512, 512), ValidAreaRegion.Rectangle, 0.5f);

        Assert.Single(detection.Boxes);
        Assert.NotNull(map.Pending);
        Assert.InRange(rows.Computed.ToArray().Count(c => c), 1, 40);
    }

    [Fact]
    public void A_map_that_is_zero_inside_a_body_frame_computes_no_row()
    {
        // Most LIDC-IDRI maps of the shipped model are zero: no row may be computed just to find an image score of 0.
        var frame = SliceFrame.Of(512, 512, new PixelBox(80, 120, 360, 260), 128, 128);
        var map = SliceResolution.ToSlice(new ProbabilityMap(128, 128, new float[128 * 128]), frame);
        var rows = new NeededRows();
        var pending = map.Pending!.Value;

        rows.Compute(pending.Resize, pending.Source, ValidArea.WholeImage(512, 512), ValidAreaRegion.Rectangle, 0.5f);

        Assert.DoesNotContain(true, rows.Computed.ToArray());
        Assert.Equal(0f, rows.MaxInside);
    }

    [Fact]
    public void A_map_read_whole_gives_the_dense_resize_and_is_detected_as_such()
    {
        var random = new Random(5);
        var source = Map(random, "lesions", 128, 128);
        var frame = SliceFrame.Of(512, 512, 128, 128);
        var resized = SliceResolution.ToSlice(source, frame);
        var expected = new float[512 * 512];
        BilinearResize.Resample(source.Values, 128, SliceResolution.For(frame, 128, 128)!.Columns, SliceResolution.For(frame, 128, 128)!.RowTaps, expected);

        Assert.Equal(expected, resized.Values);
        Assert.Null(resized.Pending);
    }

    [Fact]
    public void A_map_already_at_slice_resolution_is_not_resized()
    {
        var map = new ProbabilityMap(64, 64, new float[64 * 64]);
        Assert.Same(map, SliceResolution.ToSlice(map, SliceFrame.Of(64, 64, 64, 64)));
        Assert.Null(map.Pending);
    }

    private static void AssertSameDetections(ProbabilityMap source, SliceFrame frame, ValidArea area, ValidAreaRegion region, string what)
    {
        var geometry = new SliceGeometry(frame.SliceWidth, frame.SliceHeight, 0.7, 0.7);
        foreach (var threshold in new[] { 0.5, 0.35, 1.0 })
        {
            var boxes = new LesionBoxOptions { Threshold = threshold, MinPixels = 3 };
            var sparse = SliceResolution.ToSlice(source, frame);
            var dense = SliceResolution.ToSlice(source, frame);
            _ = dense.Values;
            var a = new SliceDetector().Detect(sparse, area, geometry, boxes, new QuadrantOptions(), region);
            var b = new SliceDetector().Detect(dense, area, geometry, boxes, new QuadrantOptions(), region);
            var label = $"{what}, threshold {threshold}";
            Assert.True(b.Boxes.SequenceEqual(a.Boxes), label);
            Assert.True(b.RemovedLesionPixels == a.RemovedLesionPixels, $"{label}: removed {a.RemovedLesionPixels} against {b.RemovedLesionPixels}");
            Assert.True(Equals(b.MaxPixelProbability, a.MaxPixelProbability), $"{label}: max {a.MaxPixelProbability} against {b.MaxPixelProbability}");
            Assert.True(b.BoxScore.Equals(a.BoxScore), label);
        }
    }

    // One detector kept across slices of other contents and sizes must not carry rows of one slice into the next.
    [Fact]
    public void One_detector_across_slices_gives_each_slice_its_own_numbers()
    {
        var random = new Random(11);
        var detector = new SliceDetector();
        var boxes = new LesionBoxOptions { MinPixels = 3 };
        foreach (var (mapSize, sliceSize) in new[] { (128, 512), (128, 512), (64, 256), (128, 512) })
        {
            foreach (var kind in Kinds)
            {
                var source = Map(random, kind, mapSize, mapSize);
                var frame = SliceFrame.Of(sliceSize, sliceSize, mapSize, mapSize);
                var area = Areas(random, sliceSize, sliceSize).First().Area;
                var geometry = new SliceGeometry(sliceSize, sliceSize, 0.7, 0.7);
                var dense = SliceResolution.ToSlice(source, frame);
                _ = dense.Values;
                var a = detector.Detect(SliceResolution.ToSlice(source, frame), area, geometry, boxes, new QuadrantOptions());
                var b = new SliceDetector().Detect(dense, area, geometry, boxes, new QuadrantOptions());
                Assert.True(b.Boxes.SequenceEqual(a.Boxes), kind);
                Assert.Equal(b.RemovedLesionPixels, a.RemovedLesionPixels);
                Assert.Equal(b.MaxPixelProbability, a.MaxPixelProbability);
            }
        }
    }

    private static IEnumerable<(string Name, ValidArea Area)> Areas(Random random, int width, int height)
    {
        var rectangle = new byte[width * height];
        var (left, top) = (random.Next(width / 4), random.Next(height / 4));
        for (var y = top; y < height - random.Next(height / 4); y++) rectangle.AsSpan(y * width + left, width / 2).Fill(1);
        yield return ("rectangle", new ValidArea(width, height, rectangle));
        var ragged = new byte[width * height];
        for (var i = 0; i < ragged.Length; i++) ragged[i] = (byte)(random.Next(3) == 0 ? 0 : 1);
        yield return ("ragged mask", new ValidArea(width, height, ragged));
        yield return ("none", new ValidArea(width, height, new byte[width * height]));
    }

    // Maps that stress the row bound: each kind where a wrong bound would drop a pixel, a component or the maximum.
    private static ProbabilityMap Map(Random random, string kind, int width, int height)
    {
        var values = new float[width * height];
        switch (kind)
        {
            case "lesions":
                for (var i = 0; i < values.Length; i++) values[i] = random.Next(50) == 0 ? random.NextSingle() * 0.6f : 0.01f;
                for (var lesion = 0; lesion < 3; lesion++)
                {
                    var (cx, cy, r) = (random.Next(width), random.Next(height), 1 + random.Next(Math.Max(2, width / 10)));
                    var peak = 0.4f + 0.6f * random.NextSingle();
                    for (var y = Math.Max(0, cy - r); y < Math.Min(height, cy + r); y++)
                    {
                        for (var x = Math.Max(0, cx - r); x < Math.Min(width, cx + r); x++) values[y * width + x] = Math.Max(values[y * width + x], peak);
                    }
                }
                for (var i = 0; i < values.Length; i++) values[i] = MathF.Round(values[i] * 255) / 255;
                break;
            case "uniform":
                for (var i = 0; i < values.Length; i++) values[i] = random.NextSingle();
                break;
            case "at threshold":
                // Pixels exactly at each tested threshold, and their neighbours just below it.
                for (var i = 0; i < values.Length; i++) values[i] = random.Next(4) switch { 0 => 0.5f, 1 => MathF.BitDecrement(0.5f), 2 => 0.35f, _ => random.NextSingle() * 0.3f };
                break;
            case "below threshold":
                // Nothing reaches 0.5 or 1; the image score is all there is to find.
                for (var i = 0; i < values.Length; i++) values[i] = MathF.BitDecrement(0.35f) * random.NextSingle();
                values[random.Next(values.Length)] = MathF.BitDecrement(0.5f);
                break;
            case "nan":
                for (var i = 0; i < values.Length; i++) values[i] = random.Next(7) == 0 ? float.NaN : random.NextSingle();
                values.AsSpan(random.Next(height) * width, width).Fill(float.NaN);
                break;
            case "both signs":
                // Large negative values beside probabilities: a float lerp of taps of both signs can round above the higher tap,
                // which the bound's margin must cover (kept small enough that no value rounds past 1, which the detector refuses).
                for (var i = 0; i < values.Length; i++) values[i] = random.Next(3) switch { 0 => -1000f, 1 => 0.9f, _ => -500f * random.NextSingle() };
                break;
            case "flat at threshold":
                values.AsSpan().Fill(0.5f);
                break;
        }
        return new ProbabilityMap(width, height, values);
    }
}
