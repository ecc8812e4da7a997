namespace CovidCt.Data.Synthesis;

/// <summary>
/// The drawn anatomy of one procedural patient, in millimetres (x towards the patient's left, y towards the back,
/// z towards the head, z = 0 at the lowest point of the lung bases), and the analytic tissue fields the renderer samples.
/// </summary>
internal sealed class ChestAnatomy
{
    public required double PixelSpacing { get; init; }
    public required double SliceThickness { get; init; }
    public required double FirstSliceZ { get; init; }
    public required double BodyHalfWidth { get; init; }
    public required double BodyHalfDepthAnterior { get; init; }
    public required double BodyHalfDepthPosterior { get; init; }
    public required double BodyCentreY { get; init; }
    public required double FatThickness { get; init; }
    public required double MuscleThickness { get; init; }
    public required double LungHeight { get; init; }
    public required double LungCentreX { get; init; }
    public required double LungHalfWidth { get; init; }
    public required double LungHalfDepth { get; init; }
    public required double DomeHeight { get; init; }
    public required double ParenchymaHu { get; init; }
    public required double NoiseSigmaHu { get; init; }
    public required Vector3D HeartCentre { get; init; }
    public required Vector3D HeartRadii { get; init; }
    public required ulong TextureSeed { get; init; }

    public double WallThickness => FatThickness + MuscleThickness + 9;
    public double SpineY => BodyCentreY + BodyHalfDepthPosterior - 62;
    public double SternumY => BodyCentreY - BodyHalfDepthAnterior + FatThickness * 0.5 + 14;
    public double ApexZ => LungHeight;

    public static ChestAnatomy Draw(PhantomOptions options, SeededRandom random)
    {
        var spacingAt512 = random.Uniform(0.6, 0.9);
        var fieldOfView = spacingAt512 * 512;
        var pixelSpacing = fieldOfView / Math.Max(options.Width, options.Height);
        var thickness = random.Uniform(options.MinSliceThicknessMm, options.MaxSliceThicknessMm);
        var inspiration = random.Uniform(0, 1);
        var lungHeight = 205 + 55 * inspiration + random.Uniform(-10, 10);
        var halfWidth = fieldOfView * random.Uniform(0.36, 0.45);
        var halfDepth = halfWidth * random.Uniform(0.62, 0.78);
        var scanLength = thickness * options.Slices;
        // Cover the lungs when the scan is long enough; otherwise take a window that favours the bases,
        // where COVID-19 pneumonia is most often found.
        var firstZ = scanLength >= lungHeight + 40
            ? -20 - (scanLength - lungHeight - 40) * random.Uniform(0.2, 0.6)
            : random.Uniform(-15, Math.Max(-15, 0.75 * lungHeight - scanLength));
        var lungHalfWidth = halfWidth * random.Uniform(0.44, 0.5);
        return new ChestAnatomy
        {
            PixelSpacing = pixelSpacing,
            SliceThickness = thickness,
            FirstSliceZ = firstZ,
            BodyHalfWidth = halfWidth,
            BodyHalfDepthAnterior = halfDepth * random.Uniform(0.95, 1.1),
            BodyHalfDepthPosterior = halfDepth * 0.95,
            BodyCentreY = -fieldOfView * 0.04,
            FatThickness = random.Uniform(6, 24),
            MuscleThickness = random.Uniform(7, 14),
            LungHeight = lungHeight,
            LungCentreX = halfWidth * random.Uniform(0.42, 0.48),
            LungHalfWidth = lungHalfWidth,
            LungHalfDepth = halfDepth * random.Uniform(0.75, 0.85),
            DomeHeight = random.Uniform(25, 45) * (1.3 - 0.5 * inspiration),
            ParenchymaHu = -800 - 70 * inspiration + random.Uniform(-15, 15),
            // Thinner slices are noisier; larger pixels average the noise down.
            NoiseSigmaHu = random.Uniform(20, 38) * Math.Sqrt(2.5 / thickness) * Math.Min(1.0, 0.75 / pixelSpacing),
            HeartCentre = new Vector3D(halfWidth * 0.12, -halfDepth * 0.22, lungHeight * 0.22),
            HeartRadii = new Vector3D(halfWidth * random.Uniform(0.3, 0.36), halfDepth * random.Uniform(0.38, 0.45), lungHeight * 0.22),
            TextureSeed = random.NextBits(),
        };
    }

    /// <summary>Depth below the skin along the ray from the body centre, mm (negative outside the body).</summary>
    public double BodyDepth(double x, double y)
    {
        var dy = y - BodyCentreY;
        var ax = Math.Abs(x) / BodyHalfWidth;
        // An ellipse in front; a flatter superellipse (exponent 4) at the back, which rests on the table.
        double r;
        if (dy > 0)
        {
            var ay = dy / BodyHalfDepthPosterior;
            r = Math.Sqrt(Math.Sqrt(ax * ax * ax * ax + ay * ay * ay * ay));
        }
        else
        {
            var ay = dy / BodyHalfDepthAnterior;
            r = Math.Sqrt(ax * ax + ay * ay);
        }
        var length = Math.Sqrt(x * x + dy * dy);
        if (r < 1e-9) return Math.Min(BodyHalfWidth, BodyHalfDepthAnterior);
        return length * (1 - r) / r;
    }

    /// <summary>Signed distance-like value inside the lung of the side of <paramref name="x"/> (positive inside), mm.</summary>
    public double LungInside(double x, double y, double z)
    {
        var side = x >= 0 ? 1 : -1;
        var wall = BodyDepth(x, y) - WallThickness;
        // Mediastinum: a midline band that widens behind the sternum and around the great vessels.
        var mediastinum = Math.Abs(x - HeartCentre.X * 0.2) - (z > HeartCentre.Z + HeartRadii.Z * 0.7 ? 24 : 18);
        var spine = Math.Sqrt(x * x + Math.Pow(y - SpineY, 2)) - 30;
        var heart = HeartDistance(x, y, z) - 4;
        // Apex: the lung narrows towards a dome about 60 mm tall.
        var apexScale = Math.Sqrt(Math.Clamp((ApexZ - z) / 70.0, 0, 1));
        var ex = (x - side * LungCentreX) / (LungHalfWidth * (0.35 + 0.95 * apexScale));
        var ey = (y - LungHalfDepth * 0.12) / (LungHalfDepth * (0.45 + 0.62 * apexScale));
        var apex = (1 - Math.Sqrt(ex * ex + ey * ey)) * LungHalfWidth * 0.5;
        if (z >= ApexZ) apex = -1;
        // Diaphragm: a dome per side, higher on the right (negative x), lower at the back (costophrenic recesses).
        var qx = (x - side * LungCentreX) / (LungHalfWidth * 1.05);
        var qy = (y + LungHalfDepth * 0.15) / LungHalfDepth;
        var dome = DomeHeight * Math.Max(0, 1 - qx * qx - qy * qy) + (side < 0 ? 12 : 0) - 14 * Math.Max(0, qy);
        var diaphragm = z - dome;
        return Math.Min(Math.Min(Math.Min(wall, mediastinum), Math.Min(spine, heart)), Math.Min(apex, diaphragm));
    }

    /// <summary>Distance-like value to the heart surface, mm (negative inside).</summary>
    public double HeartDistance(double x, double y, double z)
    {
        var qx = (x - HeartCentre.X) / HeartRadii.X;
        var qy = (y - HeartCentre.Y) / HeartRadii.Y;
        var qz = (z - HeartCentre.Z) / HeartRadii.Z;
        return (Math.Sqrt(qx * qx + qy * qy + qz * qz) - 1) * Math.Min(HeartRadii.X, HeartRadii.Y);
    }

    /// <summary>Diaphragm height at (x, y): below it lie liver, spleen and stomach.</summary>
    public bool BelowDiaphragm(double x, double y, double z)
    {
        var side = x >= 0 ? 1 : -1;
        var qx = (x - side * LungCentreX) / (LungHalfWidth * 1.4);
        var qy = (y + LungHalfDepth * 0.15) / (LungHalfDepth * 1.3);
        var dome = DomeHeight * Math.Max(0, 1 - qx * qx - qy * qy) + (side < 0 ? 12 : 0) - 14 * Math.Max(0, qy) - 3;
        return z < dome;
    }
}
