namespace CovidCt.Imaging.Tests;

public sealed class LungFieldsTests
{
    private static readonly LungFieldOptions Simulator = new(-400f, Connectivity.Four, LinkSlices: true, int.MaxValue, 0, 0.1, FillHoles: true, ClosingRadius: 0);

    [Theory]
    [InlineData(1, 0.45)]
    [InlineData(2, 0.55)]
    [InlineData(3, 0.62)]
    public void The_3d_definition_equals_a_voxel_by_voxel_flood_fill(int seed, double airFraction)
    {
        const int width = 23, height = 19, depth = 6;
        var random = new Random(seed);
        var hounsfield = new float[width * height * depth];
        for (var i = 0; i < hounsfield.Length; i++) hounsfield[i] = random.NextDouble() < airFraction ? -900 : 30;
        hounsfield[5] = float.NaN; // never air

        var fields = LungFields.Draw(new LungFields().Find(hounsfield, width, height, depth, Simulator), Simulator);

        Assert.Equal(VoxelReference(hounsfield, width, height, depth, -400f, 0.1), fields);
        Assert.Contains(fields, v => v != 0);
    }

    [Fact]
    public void Per_slice_the_largest_enclosed_air_components_are_kept_and_their_holes_filled()
    {
        // A 12 x 9 slice of tissue with air outside (left column), a large lung with a vessel, and a small one.
        const int width = 12, height = 9;
        var slice = new float[width * height];
        Array.Fill(slice, 40f);
        for (var y = 0; y < height; y++) slice[y * width] = -1000;
        for (var y = 1; y < 8; y++) for (var x = 2; x < 7; x++) slice[y * width + x] = -850;
        slice[4 * width + 4] = 60; // a vessel inside the large lung
        for (var y = 2; y < 4; y++) for (var x = 8; x < 10; x++) slice[y * width + x] = -850;
        var options = new LungFieldOptions(-320f, Connectivity.Eight, LinkSlices: false, 1, 0, 0, FillHoles: true, ClosingRadius: 0);

        var fields = new LungFields();
        var lungs = fields.Find(slice, width, height, 1, options);
        var mask = LungFields.Draw(lungs, options);

        Assert.Equal((2, 1, 7, 8), lungs.Bounds());
        Assert.Equal(35, mask.Count(v => v == 1)); // 5 x 7 with the vessel filled in
        Assert.Equal(0, mask[0]);
        Assert.Equal(0, mask[2 * width + 8]);
        Assert.Equal(1, mask[4 * width + 4]);

        var both = options with { MaxComponents = 2 };
        Assert.Equal(39, LungFields.Draw(fields.Find(slice, width, height, 1, both), both).Count(v => v == 1));
        var tooSmall = both with { MinFractionOfImage = 5.0 / (width * height) };
        Assert.Equal(35, LungFields.Draw(fields.Find(slice, width, height, 1, tooSmall), tooSmall).Count(v => v == 1));
    }

    // The simulator's definition as it was first written, voxel by voxel: air below the threshold not reachable (4-connected)
    // from the slice border through air, 6-connected 3D components under `fraction` of the largest dropped, then per slice
    // whatever non-lung the border cannot reach (4-connected) filled in.
    private static byte[] VoxelReference(float[] hounsfield, int width, int height, int depth, float threshold, double fraction)
    {
        var sliceLength = width * height;
        var candidate = new byte[hounsfield.Length];
        for (var z = 0; z < depth; z++)
        {
            var offset = z * sliceLength;
            var outside = FloodFromBorder(width, height, i => hounsfield[offset + i] < threshold);
            for (var i = 0; i < sliceLength; i++) candidate[offset + i] = (byte)(hounsfield[offset + i] < threshold && !outside[i] ? 1 : 0);
        }
        var label = new int[candidate.Length];
        var sizes = new List<long> { 0 };
        for (var start = 0; start < candidate.Length; start++)
        {
            if (candidate[start] == 0 || label[start] != 0) continue;
            var id = sizes.Count;
            long size = 0;
            var queue = new Queue<int>([start]);
            label[start] = id;
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                size++;
                var (x, y, z) = (i % width, i / width % height, i / sliceLength);
                foreach (var (ok, j) in new[] { (x > 0, i - 1), (x < width - 1, i + 1), (y > 0, i - width), (y < height - 1, i + width), (z > 0, i - sliceLength), (z < depth - 1, i + sliceLength) })
                {
                    if (!ok || candidate[j] == 0 || label[j] != 0) continue;
                    label[j] = id;
                    queue.Enqueue(j);
                }
            }
            sizes.Add(size);
        }
        var largest = sizes.Max();
        for (var i = 0; i < candidate.Length; i++) if (candidate[i] != 0 && sizes[label[i]] < fraction * largest) candidate[i] = 0;
        var result = new byte[candidate.Length];
        for (var z = 0; z < depth; z++)
        {
            var offset = z * sliceLength;
            var reachable = FloodFromBorder(width, height, i => candidate[offset + i] == 0);
            for (var i = 0; i < sliceLength; i++) result[offset + i] = (byte)(candidate[offset + i] != 0 || !reachable[i] ? 1 : 0);
        }
        return result;
    }

    private static bool[] FloodFromBorder(int width, int height, Func<int, bool> passable)
    {
        var seen = new bool[width * height];
        var stack = new Stack<int>();
        for (var i = 0; i < seen.Length; i++)
        {
            var (x, y) = (i % width, i / width);
            if ((x == 0 || y == 0 || x == width - 1 || y == height - 1) && passable(i)) { seen[i] = true; stack.Push(i); }
        }
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var (x, y) = (i % width, i / width);
            foreach (var (ok, j) in new[] { (x > 0, i - 1), (x < width - 1, i + 1), (y > 0, i - width), (y < height - 1, i + width) })
            {
                if (ok && !seen[j] && passable(j)) { seen[j] = true; stack.Push(j); }
            }
        }
        return seen;
    }
}
