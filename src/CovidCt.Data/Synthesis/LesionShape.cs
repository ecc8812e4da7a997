namespace CovidCt.Data.Synthesis;

/// <summary>
/// The 3D fill field of one <see cref="Finding"/>: an ellipsoid whose surface is displaced by smooth noise (irregular,
/// different on every slice), with a soft edge (hazy margins) and a patchy interior; kind-specific extras give the
/// consolidated core of mixed lesions and the septal network of crazy paving.
/// </summary>
internal readonly struct LesionShape
{
    private readonly Finding _finding;
    private readonly LatticeNoise _noise;
    private readonly double _irregularity;
    private readonly double _edge;
    private readonly double _patchiness;
    private readonly double _shapeScale;

    public LesionShape(Finding finding)
    {
        _finding = finding;
        _noise = new LatticeNoise(finding.Seed);
        (_irregularity, _edge, _patchiness) = finding.Kind switch
        {
            FindingKind.GroundGlass => (0.4, 0.35, 0.35),
            FindingKind.MixedGroundGlassConsolidation => (0.35, 0.3, 0.3),
            FindingKind.CrazyPaving => (0.35, 0.3, 0.2),
            FindingKind.Consolidation or FindingKind.ConsolidationWithAirBronchogram => (0.3, 0.18, 0.12),
            FindingKind.Nodule => (0.12, 0.1, 0.04),
            FindingKind.LobarConsolidation => (0.2, 0.12, 0.08),
            FindingKind.AtelectasisBand => (0.15, 0.25, 0.08),
            FindingKind.HeartBorderPartialVolume or FindingKind.DiaphragmPartialVolume => (0.15, 0.5, 0.1),
            FindingKind.HilarVessel => (0.1, 0.12, 0.04),
            FindingKind.ApicalChestWall => (0.2, 0.3, 0.1),
            _ => (0.2, 0.3, 0.2),
        };
        _shapeScale = Math.Clamp(Math.Min(finding.TangentialRadius, finding.CraniocaudalRadius) * 0.8, 4, 14);
        Reach = 1 + _edge + _irregularity;
    }

    /// <summary>Normalised radius beyond which the fill is zero.</summary>
    public double Reach { get; }

    public Finding Finding => _finding;

    /// <summary>Fill fraction at (x, y, z) mm: 0 outside, up to about <see cref="Finding.Fill"/> inside (negative for emphysema).</summary>
    public double At(double x, double y, double z)
    {
        var f = _finding;
        double dx = x - f.Centre.X, dy = y - f.Centre.Y, dz = z - f.Centre.Z;
        var qu = (dx * f.Outward.X + dy * f.Outward.Y) / f.RadialRadius;
        var qv = (-dx * f.Outward.Y + dy * f.Outward.X) / f.TangentialRadius;
        var qw = dz / f.CraniocaudalRadius;
        var rho = Math.Sqrt(qu * qu + qv * qv + qw * qw);
        if (rho >= Reach) return 0;
        rho += _irregularity * _noise.Fractal(x, y, z, _shapeScale, 2);
        var profile = 1 - SmoothStep(1 - _edge, 1 + _edge, rho);
        if (profile <= 0) return 0;
        var texture = 1 + _patchiness * _noise.At(x / 3.5 + 101.7, y / 3.5, z / 3.5);
        var fill = Math.Abs(f.Fill) * profile * texture;
        switch (f.Kind)
        {
            case FindingKind.MixedGroundGlassConsolidation:
                fill = Math.Max(fill, 0.92 * (1 - SmoothStep(0.25, 0.55, rho)));
                break;
            case FindingKind.CrazyPaving:
                // Zero crossings of smooth noise form a network of thin curved walls: thickened interlobular septa.
                var septum = _noise.At(x / 6 - 57.3, y / 6, z / 6);
                fill += 0.3 * profile * Math.Exp(-(septum * septum) / (0.07 * 0.07));
                break;
            case FindingKind.ConsolidationWithAirBronchogram:
                // Zero crossings of a second, elongated noise field: thin air channels that stay open in the consolidated core.
                var bronchus = _noise.At(x / 9 + 33.1, y / 9 - 12.4, z / 18);
                fill *= 1 - 0.8 * (1 - SmoothStep(0.5, 0.9, rho)) * Math.Exp(-(bronchus * bronchus) / (0.05 * 0.05));
                break;
        }
        fill = Math.Clamp(fill, 0, 1);
        return f.Fill < 0 ? -fill : fill;
    }

    private static double SmoothStep(double edge0, double edge1, double x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }
}
