namespace CovidCt.Imaging.Tests;

public sealed class RowRunsTests
{
    // Three 4 x 3 slices: a run in slice 0, one in slice 1 that overlaps it, and one in slice 2 that only meets slice 1's
    // run at an edge (column 3 beside columns 1-2), which face neighbours across slices do not join.
    private static readonly float[] Volume =
    [
        0, 0, 9, 9,
        9, 9, 9, 9,
        9, 9, 9, 9,

        9, 0, 0, 9,
        9, 9, 9, 9,
        9, 9, 9, 9,

        9, 9, 9, 0,
        9, 9, 9, 9,
        9, 9, 9, 9,
    ];

    [Theory]
    [InlineData(1, 37, 23, 0.5)]
    [InlineData(2, 64, 64, 0.9)]
    [InlineData(3, 5, 7, 0.1)]
    public void Runs_of_a_byte_mask_are_the_runs_of_the_same_mask_as_values_below_a_threshold(int seed, int width, int height, double share)
    {
        // Any non-zero byte is foreground (masks come as 0/1 and 0/255), including runs that touch both ends of a row.
        var random = new Random(seed);
        var mask = new byte[width * height];
        for (var i = 0; i < mask.Length; i++) mask[i] = random.NextDouble() < share ? (byte)random.Next(1, 256) : (byte)0;
        mask[0] = 1;
        mask[^1] = 255;
        var background = mask.Select(m => m != 0 ? 0f : 1f).ToArray();
        var (bytes, floats) = (new RowRuns(), new RowRuns());

        bytes.SetNonZero(mask, width, height);
        floats.SetBelow(background, width, height, 1, 0.5f);
        bytes.Label(Connectivity.Eight);
        floats.Label(Connectivity.Eight);
        var (byteLabels, floatLabels) = (new int[mask.Length], new int[mask.Length]);

        Assert.Equal(floats.PaintLabels(floatLabels), bytes.PaintLabels(byteLabels));
        Assert.Equal(floatLabels, byteLabels);
        Assert.Equal(floats.Count, bytes.Count);
    }

    [Fact]
    public void A_byte_mask_that_does_not_fill_the_image_is_refused() =>
        Assert.Throws<ArgumentException>(() => new RowRuns().SetNonZero(new byte[11], 4, 3));

    [Fact]
    public void Without_linking_every_slice_is_labelled_on_its_own()
    {
        var runs = new RowRuns();
        runs.SetBelow(Volume, 4, 3, 3, 1);
        runs.Label(Connectivity.Eight);
        Assert.Equal(3, Components(runs));
    }

    [Fact]
    public void Linking_joins_overlapping_runs_of_neighbouring_slices_but_not_diagonal_ones()
    {
        var runs = new RowRuns();
        runs.SetBelow(Volume, 4, 3, 3, 1);
        runs.Label(Connectivity.Eight, linkSlices: true);
        Assert.Equal(2, Components(runs));
        Assert.Equal(runs.Root(0), runs.Root(1));
        var pixels = new int[runs.Count];
        var border = new bool[runs.Count];
        runs.Measure(pixels, border);
        Assert.Equal(4, pixels[runs.Root(0)]);
        Assert.True(border[runs.Root(0)]);
    }

    [Fact]
    public void The_last_row_of_a_slice_is_not_joined_to_the_first_row_of_the_next()
    {
        float[] volume = [9, 9, 0, 0, /* slice 1 */ 0, 0, 9, 9];
        var runs = new RowRuns();
        runs.SetBelow(volume, 2, 2, 2, 1);
        runs.Label(Connectivity.Four);
        Assert.Equal(2, Components(runs));
        Assert.Equal((0, 0, 2, 2), runs.Bounds());
    }

    [Fact]
    public void Paint_labels_numbers_components_in_scan_order_of_their_first_pixel()
    {
        // A U-shape whose arms join only in the last row (its first run is numbered for the whole U), then two lone pixels.
        float[] image =
        [
            0, 9, 0, 9, 9, 0,
            0, 9, 0, 9, 9, 9,
            0, 0, 0, 9, 0, 9,
        ];
        var runs = new RowRuns();
        runs.SetBelow(image, 6, 3, 1, 1);
        runs.Label(Connectivity.Eight);
        var labels = new int[image.Length];
        Assert.Equal(3, runs.PaintLabels(labels));
        Assert.Equal([0, -1, 0, -1, -1, 1, 0, -1, 0, -1, -1, -1, 0, 0, 0, -1, 2, -1], labels);
    }

    [Fact]
    public void Paint_labels_agrees_with_painting_one_component_at_a_time_on_random_images()
    {
        var random = new Random(20200225);
        var runs = new RowRuns();
        for (var trial = 0; trial < 200; trial++)
        {
            var (_, labels, count) = RandomLabelled(random, runs);
            var (expectedCount, expectedLabels) = OneComponentAtATime(runs, labels.Length);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expectedLabels, labels);
        }
    }

    [Fact]
    public void Extents_are_each_painted_components_pixels_and_bounding_box_on_random_images()
    {
        var random = new Random(20);
        var runs = new RowRuns();
        for (var trial = 0; trial < 200; trial++)
        {
            var (width, labels, count) = RandomLabelled(random, runs);
            var (pixels, left, top, right, bottom) = (new int[count], new int[count], new int[count], new int[count], new int[count]);
            runs.Extents(pixels, left, top, right, bottom);
            for (var label = 0; label < count; label++)
            {
                // What the lesion matcher measured before: a scan of the painted labels.
                var at = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
                Assert.Equal(at.Length, pixels[label]);
                Assert.Equal((at.Min(i => i % width), at.Min(i => i / width), at.Max(i => i % width) + 1, at.Max(i => i / width) + 1),
                    (left[label], top[label], right[label], bottom[label]));
            }
        }
    }

    // The lesion matcher's former labelling: each component, in order of its root run, painted on its own (cost components x pixels).
    // A random image of up to 39 x 29 pixels, about 55 % of them foreground, labelled 8-connected and painted.
    private static (int Width, int[] Labels, int Count) RandomLabelled(Random random, RowRuns runs)
    {
        var (width, height) = (random.Next(1, 40), random.Next(1, 30));
        var image = new float[width * height];
        for (var i = 0; i < image.Length; i++) image[i] = random.NextDouble() < 0.45 ? 0 : 1;
        runs.SetBelow(image, width, height, 1, 0.5f);
        runs.Label(Connectivity.Eight);
        var labels = new int[image.Length];
        return (width, labels, runs.PaintLabels(labels));
    }

    private static (int Count, int[] Labels) OneComponentAtATime(RowRuns runs, int length)
    {
        var labels = Enumerable.Repeat(-1, length).ToArray();
        var count = 0;
        for (var root = 0; root < runs.Count; root++)
        {
            if (runs.Root(root) != root) continue;
            var paint = new byte[length];
            runs.Paint(paint, Enumerable.Range(0, runs.Count).Select(r => runs.Root(r) == root).ToArray());
            for (var i = 0; i < length; i++) if (paint[i] != 0) labels[i] = count;
            count++;
        }
        return (count, labels);
    }

    private static int Components(RowRuns runs) => Enumerable.Range(0, runs.Count).Select(runs.Root).Distinct().Count();
}
