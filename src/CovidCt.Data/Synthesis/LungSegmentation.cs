namespace CovidCt.Data.Synthesis;

/// <summary>
/// A lung mask for real CT by HU thresholding: air-like voxels (below −400 HU) that are not connected to the image
/// border in their slice (outside air, table gaps and the −2048 padding of the scan circle all are), kept when they
/// belong to a large 3D component, with enclosed vessels filled in.
/// </summary>
public static class LungSegmentation
{
    /// <summary>Voxels below this are air-like.</summary>
    public const float AirThresholdHu = -400f;

    /// <summary>Components smaller than this fraction of the largest one (bowel gas, small airways outside the lung) are dropped.</summary>
    public const double MinComponentFraction = 0.1;

    /// <summary>Returns 255 for lung and 0 elsewhere, per voxel of <paramref name="volume"/>; all zero when no lung is found.</summary>
    public static byte[] Segment(CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var candidate = new byte[g.VoxelCount];
        Parallel.For(0, g.Depth, z =>
        {
            var hu = volume.Hounsfield;
            var offset = z * g.SliceLength;
            var outside = FloodFromBorder(g.Width, g.Height, i => hu[offset + i] < AirThresholdHu);
            for (var i = 0; i < g.SliceLength; i++) candidate[offset + i] = (byte)(hu[offset + i] < AirThresholdHu && !outside[i] ? 1 : 0);
        });
        KeepLargeComponents(g, candidate);
        Parallel.For(0, g.Depth, z =>
        {
            var offset = z * g.SliceLength;
            // Vessels inside the lung are islands of non-lung: whatever non-lung the border cannot reach.
            var reachable = FloodFromBorder(g.Width, g.Height, i => candidate[offset + i] == 0);
            for (var i = 0; i < g.SliceLength; i++) candidate[offset + i] = (byte)(candidate[offset + i] != 0 || !reachable[i] ? 255 : 0);
        });
        return candidate;
    }

    // Marks the pixels connected (4-neighbourhood) to the border through pixels where passable holds.
    private static bool[] FloodFromBorder(int width, int height, Func<int, bool> passable)
    {
        var seen = new bool[width * height];
        var stack = new Stack<int>();
        void Push(int i)
        {
            if (seen[i] || !passable(i)) return;
            seen[i] = true;
            stack.Push(i);
        }
        for (var x = 0; x < width; x++)
        {
            Push(x);
            Push((height - 1) * width + x);
        }
        for (var y = 0; y < height; y++)
        {
            Push(y * width);
            Push(y * width + width - 1);
        }
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var x = i % width;
            if (x > 0) Push(i - 1);
            if (x < width - 1) Push(i + 1);
            if (i >= width) Push(i - width);
            if (i < width * (height - 1)) Push(i + width);
        }
        return seen;
    }

    // 6-connected components in 3D; clears the voxels of components below MinComponentFraction of the largest.
    private static void KeepLargeComponents(VolumeGeometry g, byte[] candidate)
    {
        var label = new int[candidate.Length];
        var sizes = new List<long> { 0 };
        var queue = new Queue<int>();
        for (var start = 0; start < candidate.Length; start++)
        {
            if (candidate[start] == 0 || label[start] != 0) continue;
            var id = sizes.Count;
            long size = 0;
            label[start] = id;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                size++;
                var x = i % g.Width;
                var y = i / g.Width % g.Height;
                var z = i / g.SliceLength;
                void Visit(int j)
                {
                    if (candidate[j] == 0 || label[j] != 0) return;
                    label[j] = id;
                    queue.Enqueue(j);
                }
                if (x > 0) Visit(i - 1);
                if (x < g.Width - 1) Visit(i + 1);
                if (y > 0) Visit(i - g.Width);
                if (y < g.Height - 1) Visit(i + g.Width);
                if (z > 0) Visit(i - g.SliceLength);
                if (z < g.Depth - 1) Visit(i + g.SliceLength);
            }
            sizes.Add(size);
        }
        var largest = sizes.Max();
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] != 0 && sizes[label[i]] < MinComponentFraction * largest) candidate[i] = 0;
        }
    }
}
