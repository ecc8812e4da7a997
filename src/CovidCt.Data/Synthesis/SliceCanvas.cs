namespace CovidCt.Data.Synthesis;

/// <summary>
/// One axial slice being painted in millimetre coordinates: maps mm to pixels and composites shapes with
/// partial-volume edges (coverage ramps over one pixel in-plane and is averaged over the slice thickness).
/// </summary>
internal sealed class SliceCanvas(float[] pixels, int width, int height, double spacing, double z, double thickness)
{
    private readonly double _originX = -(width - 1) / 2.0 * spacing;
    private readonly double _originY = -(height - 1) / 2.0 * spacing;

    public float[] Pixels => pixels;

    public int Width => width;

    public int Height => height;

    public double Spacing => spacing;

    public double Z => z;

    public double Thickness => thickness;

    public double X(int column) => _originX + column * spacing;

    public double Y(int row) => _originY + row * spacing;

    /// <summary>Paints <paramref name="capsule"/>; thin tubes are sampled at three heights inside the slice so that they blur through thick slices as on a scanner.</summary>
    public void Paint(in Capsule capsule)
    {
        var halfThickness = thickness / 2;
        if (capsule.MaxZ < z - halfThickness || capsule.MinZ > z + halfThickness) return;
        var radius = Math.Max(capsule.RadiusA, capsule.RadiusB) + spacing;
        var minX = Math.Min(capsule.A.X, capsule.B.X) - radius;
        var maxX = Math.Max(capsule.A.X, capsule.B.X) + radius;
        var minY = Math.Min(capsule.A.Y, capsule.B.Y) - radius;
        var maxY = Math.Max(capsule.A.Y, capsule.B.Y) + radius;
        var c0 = Math.Max(0, (int)Math.Floor((minX - _originX) / spacing));
        var c1 = Math.Min(width - 1, (int)Math.Ceiling((maxX - _originX) / spacing));
        var r0 = Math.Max(0, (int)Math.Floor((minY - _originY) / spacing));
        var r1 = Math.Min(height - 1, (int)Math.Ceiling((maxY - _originY) / spacing));
        if (c0 > c1 || r0 > r1) return;
        var thin = Math.Min(capsule.RadiusA, capsule.RadiusB) < thickness;
        ReadOnlySpan<double> offsets = thin ? [-thickness / 3, 0, thickness / 3] : [0];
        var ramp = 1.0 / spacing;
        for (var row = r0; row <= r1; row++)
        {
            var y = Y(row);
            for (var column = c0; column <= c1; column++)
            {
                var x = X(column);
                double coverage = 0;
                foreach (var dz in offsets) coverage += Math.Clamp(0.5 - capsule.SignedDistance(x, y, z + dz) * ramp, 0, 1);
                coverage = coverage / offsets.Length * capsule.Opacity;
                if (coverage <= 0) continue;
                ref var p = ref pixels[row * width + column];
                p += (float)(coverage * (capsule.Hounsfield - p));
            }
        }
    }
}
