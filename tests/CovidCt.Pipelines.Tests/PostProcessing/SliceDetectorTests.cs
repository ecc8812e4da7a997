using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using FsCheck;
using FsCheck.Fluent;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class SliceDetectorTests
{
    private static readonly LesionBoxOptions StudyBoxes = new();
    private static readonly QuadrantOptions StudyQuadrants = new();

    private static ProbabilityMap Map(int size, params (int X, int Y, int Width, int Height, float Probability)[] blocks)
    {
        var values = new float[size * size];
        foreach (var (x0, y0, w, h, p) in blocks)
        {
            for (var y = y0; y < y0 + h; y++) for (var x = x0; x < x0 + w; x++) values[y * size + x] = p;
        }
        return new ProbabilityMap(size, size, values);
    }

    private static SliceDetection Detect(ProbabilityMap map, LesionBoxOptions? boxes = null, QuadrantOptions? quadrants = null, ValidArea? area = null) =>
        new SliceDetector().Detect(map, area ?? ValidArea.WholeImage(map.Width, map.Height),
            new SliceGeometry(map.Width, map.Height, 0.5, 0.5), boxes ?? StudyBoxes, quadrants ?? StudyQuadrants,
            area is null ? ValidAreaRegion.WholeImage : ValidAreaRegion.Rectangle);

    [Fact]
    public void A_25_pixel_component_is_dropped_and_a_26_pixel_one_kept()
    {
        var map = Map(32, (2, 2, 5, 5, 0.9f), (20, 20, 5, 5, 0.9f), (25, 20, 1, 1, 0.9f));
        var detection = Detect(map);
        var box = Assert.Single(detection.Boxes);
        Assert.Equal(26, box.Pixels);
        Assert.Equal(new ImageRectangle(20, 20, 26, 25), box.Bounds);
    }

    [Fact]
    public void The_threshold_is_inclusive_and_corner_neighbours_connect()
    {
        // Two 4x4 blocks touching only at a corner make one 32-pixel component; 0.4999 stays background.
        var map = Map(16, (0, 0, 4, 4, 0.5f), (4, 4, 4, 4, 0.5f), (10, 0, 6, 6, 0.4999f));
        var box = Assert.Single(Detect(map).Boxes);
        Assert.Equal(32, box.Pixels);
        Assert.Equal(new ImageRectangle(0, 0, 8, 8), box.Bounds);
    }

    [Fact]
    public void Boxes_report_max_and_mean_probability_area_and_whole_pixel_bounds()
    {
        var map = Map(16, (4, 2, 6, 5, 0.6f), (5, 3, 1, 1, 1f));
        var box = Assert.Single(Detect(map).Boxes);
        Assert.Equal(new ImageRectangle(4, 2, 10, 7), box.Bounds);
        Assert.Equal(30, box.Pixels);
        Assert.Equal(1.0, box.MaxProbability, 6);
        Assert.Equal((29 * 0.6 + 1) / 30, box.MeanProbability, 6);
        Assert.Equal(30 * 0.5 * 0.5, box.AreaSquareMillimetres!.Value, 9);
        Assert.Equal(6.5 + 0.5, box.CentroidX, 9); // columns 4..9, pixel centres
    }

    [Fact]
    public void A_map_at_another_resolution_than_the_slice_is_refused()
    {
        // The 25-pixel rule is counted in slice pixels: a 16x16 model map of a 64x64 slice must be taken back to the slice first.
        var map = Map(16, (4, 2, 6, 5, 0.6f));
        var e = Assert.Throws<ArgumentException>(() => new SliceDetector().Detect(map, ValidArea.WholeImage(64, 64), new SliceGeometry(64, 64, 0.5, 0.5), StudyBoxes, StudyQuadrants));
        Assert.Contains("16x16 but the slice is 64x64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_area_in_square_millimetres_replaces_the_pixel_count()
    {
        var map = Map(32, (2, 2, 5, 5, 0.9f), (20, 20, 3, 3, 0.9f));
        // Pixels of 0.25 mm²: 25 pixels = 6.25 mm², 9 pixels = 2.25 mm².
        var boxes = Detect(map, new LesionBoxOptions { MinAreaSquareMillimetres = 2.0 }).Boxes;
        Assert.Equal(2, boxes.Count);
        Assert.Single(Detect(map, new LesionBoxOptions { MinAreaSquareMillimetres = 6.0 }).Boxes);
        Assert.Empty(Detect(map, new LesionBoxOptions { MinAreaSquareMillimetres = 6.25 }).Boxes);
    }

    [Fact]
    public void A_component_outside_the_valid_area_rectangle_is_dropped()
    {
        var mask = new byte[32 * 32];
        for (var y = 8; y < 24; y++) for (var x = 8; x < 24; x++) mask[y * 32 + x] = 1;
        var area = new ValidArea(32, 32, mask);
        var map = Map(32, (0, 0, 6, 6, 0.9f), (10, 10, 6, 6, 0.9f));
        var box = Assert.Single(Detect(map, area: area).Boxes);
        Assert.Equal(new ImageRectangle(10, 10, 16, 16), box.Bounds);
    }

    [Fact]
    public void The_lesion_area_the_valid_area_removed_is_counted_in_slice_pixels()
    {
        // A 64x64 slice whose lungs' rectangle is [16, 48) both ways.
        var mask = new byte[64 * 64];
        for (var y = 16; y < 48; y++) for (var x = 16; x < 48; x++) mask[y * 64 + x] = 1;
        var area = new ValidArea(64, 64, mask);
        // 12x12 above the threshold outside the rectangle, 8x8 inside, and a block outside that is below the threshold.
        var map = Map(64, (0, 0, 12, 12, 0.9f), (24, 24, 8, 8, 0.9f), (52, 52, 8, 8, 0.3f));
        var detection = Detect(map, new LesionBoxOptions { MinPixels = 0 }, area: area);
        Assert.Single(detection.Boxes);
        Assert.Equal(144, detection.RemovedLesionPixels);
        Assert.Equal(0, Detect(map, new LesionBoxOptions { MinPixels = 0 }).RemovedLesionPixels);
    }

    [Fact]
    public void No_valid_area_means_no_box()
    {
        var map = Map(16, (0, 0, 8, 8, 0.9f));
        Assert.Empty(Detect(map, area: new ValidArea(16, 16, new byte[256])).Boxes);
    }

    [Fact]
    public void Quadrants_follow_the_centroid_and_the_chosen_centre()
    {
        var mask = new byte[32 * 32];
        for (var y = 0; y < 32; y++) for (var x = 0; x < 16; x++) mask[y * 32 + x] = 1; // valid-area centre (8, 16)
        var area = new ValidArea(32, 32, mask);
        var map = Map(32, (9, 2, 6, 6, 0.9f));
        Assert.Equal(Quadrant.UpperRight, Assert.Single(Detect(map, area: area).Boxes).Quadrants);
        var imageCentre = new QuadrantOptions { Centre = QuadrantCentre.Image };
        Assert.Equal(Quadrant.UpperLeft, Assert.Single(Detect(map, quadrants: imageCentre, area: area).Boxes).Quadrants);
    }

    [Fact]
    public void Overlap_assignment_counts_every_quadrant_a_box_touches()
    {
        var map = Map(32, (12, 2, 8, 20, 0.9f)); // crosses x = 16 and y = 16
        var centroid = Assert.Single(Detect(map).Boxes);
        Assert.Equal(Quadrant.UpperRight, centroid.Quadrants);
        var overlap = Assert.Single(Detect(map, quadrants: new QuadrantOptions { Assignment = QuadrantAssignment.Overlap }).Boxes);
        Assert.Equal(Quadrant.UpperLeft | Quadrant.UpperRight | Quadrant.LowerLeft | Quadrant.LowerRight, overlap.Quadrants);
    }

    [Fact]
    public void Image_decision_follows_the_surviving_boxes_and_the_score_the_chosen_image_score()
    {
        // The 2x2 block at 0.99 is too small for a box but is the highest probability in the valid area.
        var map = Map(32, (0, 0, 6, 6, 0.7f), (20, 20, 6, 6, 0.8f), (20, 0, 2, 2, 0.99f));
        var detection = Detect(map);
        Assert.True(detection.IsPositive);
        Assert.Equal(ImageScore.MaxPixel, detection.ImageScore);
        Assert.Equal(0.99, detection.Score, 6);
        Assert.Equal(0.8, detection.BoxScore, 6);
        Assert.Equal(Quadrant.UpperLeft | Quadrant.LowerRight, detection.Quadrants);
        Assert.Equal([0.7, 0, 0, 0.8], detection.QuadrantScores.Select(s => Math.Round(s, 6)));
        var byBox = Detect(map, new LesionBoxOptions { ImageScore = ImageScore.MaxBox });
        Assert.Equal(0.8, byBox.Score, 6);
        Assert.Equal(detection.Boxes, byBox.Boxes);
        var empty = Detect(Map(32));
        Assert.False(empty.IsPositive);
        Assert.Equal(0, empty.Score);
    }

    [Fact]
    public void The_pixel_score_looks_only_inside_the_valid_area()
    {
        var mask = new byte[32 * 32];
        for (var y = 8; y < 24; y++) for (var x = 8; x < 24; x++) mask[y * 32 + x] = 1;
        var area = new ValidArea(32, 32, mask);
        var map = Map(32, (0, 0, 4, 4, 0.95f), (10, 10, 2, 2, 0.4f));
        Assert.Equal(0.4, Detect(map, area: area).Score, 6);
        Assert.Equal(0, Detect(map, area: new ValidArea(32, 32, new byte[32 * 32])).Score);
    }
}

public sealed class SliceDetectorRegionTests
{
    [Fact]
    public void The_rectangle_shortcut_agrees_with_a_mask_filling_that_rectangle()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            const int size = 24;
            int left = random.Next(0, size), top = random.Next(0, size);
            int right = random.Next(left + 1, size + 1), bottom = random.Next(top + 1, size + 1);
            var mask = new byte[size * size];
            for (var y = top; y < bottom; y++) for (var x = left; x < right; x++) mask[y * size + x] = 1;
            var area = new ValidArea(size, size, mask);
            var values = Enumerable.Range(0, size * size).Select(_ => random.NextDouble() < 0.5 ? 0.9f : (float)random.NextDouble() * 0.5f).ToArray();
            var map = new ProbabilityMap(size, size, values);
            var geometry = new SliceGeometry(size, size, 0.7, 0.7);
            var boxes = new LesionBoxOptions { MinPixels = 2 };
            var detector = new SliceDetector();
            var byRectangle = detector.Detect(map, area, geometry, boxes, new QuadrantOptions(), ValidAreaRegion.Rectangle);
            var byMask = detector.Detect(map, area, geometry, boxes, new QuadrantOptions(), ValidAreaRegion.Mask);
            return byRectangle.Boxes.SequenceEqual(byMask.Boxes) && byRectangle.Score == byMask.Score;
        }).QuickCheckThrowOnFailure();
    }
}
