using CovidCt.Imaging;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// Renders a procedural chest CT in HU from a seed: body wall (skin, fat, muscle), ribs, spine, sternum, clavicles,
/// scapulae, heart, aorta and great vessels, trachea and main bronchi, two lungs with diaphragm domes, fissure hints,
/// a gravity-dependent density gradient and a tapering vessel tree, the scanner table, partial-volume edges.
/// </summary>
/// <remarks>
/// Tissue values: air −1000, lung parenchyma about −870..−750, fat about −100, muscle +50, blood +40,
/// rib and vertebral cortex +700, marrow and cancellous bone about +240. Noise is not part of the render: it is
/// added by <see cref="PhantomScan.Acquire"/> after lesions, so that lesions keep the scanner's noise texture.
/// Slices are rendered in parallel; each slice depends only on the seed, so the result does not depend on scheduling.
/// </remarks>
public static class ChestPhantom
{
    /// <summary>HU of air.</summary>
    public const float AirHu = -1000f;

    /// <summary>Value outside the circular scan field of view, as many scanners (and the LIDC-IDRI series) store it: not air.</summary>
    public const float PaddingHu = -2048f;

    /// <summary>Renders the noise-free chest described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the options cannot make a chest (see <see cref="PhantomOptions.Validate"/>).</exception>
    public static PhantomScan Render(PhantomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SeededRandom(options.Seed);
        var anatomy = ChestAnatomy.Draw(options, random.Fork(1));
        var capsules = ChestStructures.Build(anatomy, random.Fork(2));
        var geometry = new VolumeGeometry(
            options.Width, options.Height, options.Slices, anatomy.PixelSpacing, anatomy.PixelSpacing,
            Enumerable.Range(0, options.Slices).Select(k => anatomy.FirstSliceZ + k * anatomy.SliceThickness).ToArray(),
            anatomy.SliceThickness, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0),
            new Vector3D(-(options.Width - 1) / 2.0 * anatomy.PixelSpacing, -(options.Height - 1) / 2.0 * anatomy.PixelSpacing, anatomy.FirstSliceZ));
        var clean = new float[geometry.VoxelCount];
        var lung = new byte[geometry.VoxelCount];
        var psf = SeparableBlur.Kernel(0.45 / anatomy.PixelSpacing + 0.3);
        Parallel.For(0, options.Slices, z =>
        {
            var pixels = new float[geometry.SliceLength];
            var coverage = new byte[geometry.SliceLength];
            var canvas = new SliceCanvas(pixels, geometry.Width, geometry.Height, anatomy.PixelSpacing, geometry.SlicePositions[z], anatomy.SliceThickness);
            PaintTissue(anatomy, canvas, coverage);
            foreach (var capsule in capsules) canvas.Paint(capsule);
            SeparableBlur.Apply(pixels, geometry.Width, geometry.Height, psf, new float[geometry.SliceLength]);
            pixels.CopyTo(clean.AsSpan(z * geometry.SliceLength));
            coverage.CopyTo(lung.AsSpan(z * geometry.SliceLength));
        });
        var noise = new ScannerNoise(anatomy.NoiseSigmaHu, 0.9, anatomy.PixelSpacing);
        return new PhantomScan(geometry, clean, lung, noise, random.Fork(3), $"procedural chest, seed {options.Seed}");
    }

    private static void PaintTissue(ChestAnatomy a, SliceCanvas canvas, byte[] lungCoverage)
    {
        var z = canvas.Z;
        var texture = new LatticeNoise(a.TextureSeed);
        var tableTop = a.BodyCentreY + a.BodyHalfDepthPosterior + 3;
        var obliqueSlope = 1.1;
        var obliqueNorm = Math.Sqrt(1 + obliqueSlope * obliqueSlope);
        var fissureWidth = 0.6 + 0.35 * a.SliceThickness;
        var fieldRadius = 0.5 * Math.Max(canvas.Width, canvas.Height) * canvas.Spacing;
        for (var row = 0; row < canvas.Height; row++)
        {
            var y = canvas.Y(row);
            for (var column = 0; column < canvas.Width; column++)
            {
                var x = canvas.X(column);
                var index = row * canvas.Width + column;
                var depth = a.BodyDepth(x, y);
                float value;
                if (x * x + y * y > fieldRadius * fieldRadius) value = PaddingHu;
                else if (depth < 0)
                {
                    value = Table(y - tableTop - 0.0004 * x * x, Math.Abs(x) < canvas.Width * canvas.Spacing * 0.42);
                }
                else if (depth < 1.5) value = 30f;
                else if (depth < a.FatThickness) value = -100f;
                else if (depth < a.FatThickness + a.MuscleThickness) value = 50f;
                else if (a.BelowDiaphragm(x, y, z)) value = x < 0 ? 58f : 45f;
                else
                {
                    // Chest wall and the paraspinal muscles behind the vertebrae; mediastinal fat elsewhere.
                    value = depth < a.WallThickness || (y > a.SpineY && Math.Abs(x) < 58) ? 45f : -90f;
                    if (a.HeartDistance(x, y, z) < 0) value = 40f;
                    var spine = Math.Sqrt(x * x + (y - a.SpineY) * (y - a.SpineY));
                    if (spine < 17) value = Vertebra(spine, z);
                    var inside = a.LungInside(x, y, z);
                    var cover = Math.Clamp(0.5 + inside / canvas.Spacing, 0, 1);
                    if (cover > 0)
                    {
                        var gravity = Math.Clamp((y + a.LungHalfDepth) / (2 * a.LungHalfDepth), 0, 1);
                        var parenchyma = a.ParenchymaHu + 45 * gravity * gravity + 12 * texture.At(x / 4, y / 4, z / 4);
                        // Fissure hints: the oblique fissure rises towards the back; the right horizontal one lies above it.
                        var oblique = (z - 0.42 * a.LungHeight - obliqueSlope * (y + 0.6 * (Math.Abs(x) - a.LungCentreX))) / obliqueNorm;
                        var fissure = Math.Exp(-Math.Pow(oblique / fissureWidth, 2));
                        if (x < 0 && oblique > 0 && y < 10) fissure = Math.Max(fissure, Math.Exp(-Math.Pow((z - 0.62 * a.LungHeight - 0.1 * y) / fissureWidth, 2)));
                        parenchyma += 0.12 * fissure * (-250 - parenchyma);
                        value = (float)(value + cover * (parenchyma - value));
                        lungCoverage[index] = (byte)Math.Round(cover * 255);
                    }
                }
                canvas.Pixels[index] = value;
            }
        }
    }

    // Carbon-fibre shells around a foam core, curved like a patient couch.
    private static float Table(double belowTop, bool underPatient)
    {
        if (!underPatient || belowTop < 0 || belowTop > 30) return AirHu;
        return belowTop < 3 || belowTop > 27 ? 180f : -850f;
    }

    // Vertebral body: cortical shell, cancellous core, and an intervertebral disc every 28 mm.
    private static float Vertebra(double radius, double z)
    {
        var level = ((z + 84) % 28 + 28) % 28;
        if (level < 6) return 90f;
        return radius > 15 ? 700f : 230f;
    }
}
