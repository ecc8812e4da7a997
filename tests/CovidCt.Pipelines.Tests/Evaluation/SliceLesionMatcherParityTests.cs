using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.Evaluation;

/// <summary>
/// Issue #20: the lesion matcher no longer paints a lesion-free slice's labels, measures each lesion from its runs and counts
/// the boxes' overlap only in the rectangle around them. Every record must be the one the whole-image matcher gave
/// (<see cref="WholeImageLesionMatcher"/>), slice after slice through one matcher, so buffers left by an earlier slice are covered.
/// </summary>
public sealed class SliceLesionMatcherParityTests
{
    [Theory]
    [InlineData(LesionHitCriterion.Overlap, 64, 48)]
    [InlineData(LesionHitCriterion.Centre, 64, 48)]
    [InlineData(LesionHitCriterion.Overlap, 37, 91)]
    public void Every_record_is_the_whole_image_matchers(LesionHitCriterion criterion, int width, int height)
    {
        var random = new Random(20);
        var (matcher, oracle) = (new SliceLesionMatcher(), new WholeImageLesionMatcher());
        for (var slice = 0; slice < 300; slice++)
        {
            var mask = Mask(random, width, height, slice);
            var boxes = Boxes(random, width, height);
            var (lesions, record) = matcher.Match("P", slice, mask, width, height, boxes, criterion);
            var (expectedLesions, expected) = oracle.Match("P", slice, mask, width, height, boxes, criterion);
            Assert.Equal(expectedLesions, lesions);
            Assert.Equal((expected.Lesions, expected.LesionsHit, expected.Boxes, expected.Overlap), (record.Lesions, record.LesionsHit, record.Boxes, record.Overlap));
            Assert.Equal(expected.FalsePositiveScores, record.FalsePositiveScores);
        }
    }

    [Fact]
    public void A_lesion_free_slice_after_one_with_lesions_has_no_lesion_and_its_boxes_are_false_positives()
    {
        var matcher = new SliceLesionMatcher();
        var mask = new byte[16 * 16];
        mask.AsSpan(5 * 16 + 5, 3).Fill(1);
        var box = Box(new ImageRectangle(4, 4, 9, 7), 0.8);
        Assert.Single(matcher.Match("P", 0, mask, 16, 16, [box], LesionHitCriterion.Overlap).Lesions);

        var (lesions, record) = matcher.Match("P", 1, new byte[16 * 16], 16, 16, [box], LesionHitCriterion.Overlap);

        Assert.Empty(lesions);
        Assert.Equal([0.8], record.FalsePositiveScores);
        Assert.Equal(new AreaOverlap(0, 15, 0), record.Overlap);
    }

    // Slices without a mask, empty masks and masks of 1 to 6 blobs, some touching the border.
    private static byte[] Mask(Random random, int width, int height, int slice)
    {
        if (slice % 7 == 0) return [];
        var mask = new byte[width * height];
        if (slice % 3 == 0) return mask;
        for (var blob = random.Next(1, 7); blob > 0; blob--)
        {
            var (cx, cy, r) = (random.Next(width), random.Next(height), random.Next(1, 9));
            for (var y = Math.Max(0, cy - r); y < Math.Min(height, cy + r); y++)
            {
                for (var x = Math.Max(0, cx - r); x < Math.Min(width, cx + r); x++)
                {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r && random.NextDouble() < 0.9) mask[y * width + x] = 1;
                }
            }
        }
        return mask;
    }

    // 0 to 4 boxes at fractional coordinates, some reaching past the image or lying wholly outside it.
    private static LesionBox[] Boxes(Random random, int width, int height)
    {
        var boxes = new LesionBox[random.Next(5)];
        for (var i = 0; i < boxes.Length; i++)
        {
            var (left, top) = (random.NextDouble() * (width + 20) - 10, random.NextDouble() * (height + 20) - 10);
            var bounds = new ImageRectangle(left, top, left + random.NextDouble() * 20, top + random.NextDouble() * 20);
            boxes[i] = Box(bounds, Math.Round(random.NextDouble(), 3));
        }
        return boxes;
    }

    private static LesionBox Box(ImageRectangle bounds, double maxProbability) =>
        new(bounds, bounds.CentreX, bounds.CentreY, 1, null, maxProbability, maxProbability, Quadrant.UpperLeft);
}
