namespace CovidCt.Data.Synthesis;

/// <summary>
/// Where the lungs are in a volume, for placing findings: per-voxel lung coverage, per-slice distance to the pleura
/// (chamfer, mm) and the midline that separates the two lungs. Works the same for the phantom's analytic lungs and
/// for lungs segmented from real CT.
/// </summary>
internal sealed class LungMap
{
    private readonly float[] _distance;

    public LungMap(VolumeGeometry geometry, byte[] coverage)
    {
        Geometry = geometry;
        Coverage = coverage;
        _distance = new float[coverage.Length];
        SliceArea = new int[geometry.Depth];
        double sumX = 0;
        long count = 0;
        for (var z = 0; z < geometry.Depth; z++)
        {
            var offset = z * geometry.SliceLength;
            for (var i = 0; i < geometry.SliceLength; i++)
            {
                if (coverage[offset + i] < 128) continue;
                SliceArea[z]++;
                sumX += i % geometry.Width;
                count++;
            }
            Chamfer(z);
        }
        VoxelCount = count;
        MidlineColumn = count > 0 ? sumX / count : geometry.Width / 2.0;
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>0..255 lung fraction per voxel; 128 and above counts as lung.</summary>
    public byte[] Coverage { get; }

    public int[] SliceArea { get; }

    public long VoxelCount { get; }

    public double MidlineColumn { get; }

    public bool IsLung(int index) => Coverage[index] >= 128;

    /// <summary>Distance from voxel <paramref name="index"/> to the nearest non-lung voxel of its slice, mm (0 outside the lung).</summary>
    public double DistanceToPleura(int index) => _distance[index];

    /// <summary>The in-plane direction in which the distance to the pleura falls fastest: towards the nearest pleura.</summary>
    public (double X, double Y) Outward(int z, int column, int row)
    {
        var w = Geometry.Width;
        var h = Geometry.Height;
        var offset = z * Geometry.SliceLength;
        double At(int c, int r) => _distance[offset + Math.Clamp(r, 0, h - 1) * w + Math.Clamp(c, 0, w - 1)];
        var gx = At(column + 2, row) - At(column - 2, row);
        var gy = At(column, row + 2) - At(column, row - 2);
        var norm = Math.Sqrt(gx * gx + gy * gy);
        if (norm < 1e-9)
        {
            var side = column < MidlineColumn ? -1.0 : 1.0;
            return (side, 0);
        }
        return (-gx / norm, -gy / norm);
    }

    // Two-pass 3-4 chamfer distance transform of one slice, scaled to mm.
    private void Chamfer(int z)
    {
        var w = Geometry.Width;
        var h = Geometry.Height;
        var offset = z * Geometry.SliceLength;
        var d = _distance.AsSpan(offset, Geometry.SliceLength);
        const float far = 1e9f;
        for (var i = 0; i < d.Length; i++) d[i] = Coverage[offset + i] >= 128 ? far : 0;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                if (d[i] == 0) continue;
                var best = d[i];
                if (x > 0) best = Math.Min(best, d[i - 1] + 3);
                if (y > 0)
                {
                    best = Math.Min(best, d[i - w] + 3);
                    if (x > 0) best = Math.Min(best, d[i - w - 1] + 4);
                    if (x < w - 1) best = Math.Min(best, d[i - w + 1] + 4);
                }
                // A lung voxel on the image border borders the (unseen) outside.
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) best = Math.Min(best, 3);
                d[i] = best;
            }
        }
        for (var y = h - 1; y >= 0; y--)
        {
            for (var x = w - 1; x >= 0; x--)
            {
                var i = y * w + x;
                if (d[i] == 0) continue;
                var best = d[i];
                if (x < w - 1) best = Math.Min(best, d[i + 1] + 3);
                if (y < h - 1)
                {
                    best = Math.Min(best, d[i + w] + 3);
                    if (x < w - 1) best = Math.Min(best, d[i + w + 1] + 4);
                    if (x > 0) best = Math.Min(best, d[i + w - 1] + 4);
                }
                d[i] = best;
            }
        }
        var scale = (float)(Geometry.ColumnSpacing / 3.0);
        for (var i = 0; i < d.Length; i++) d[i] *= scale;
    }
}
