using CovidCt.Data.Cohorts;
using CovidCt.Imaging;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// Makes simulated patients: procedural chests, or real CT with simulated findings inserted. COVID-19 patients get
/// COVID-19 patterns and a lesion mask; control patients get other findings (or none) and no mask.
/// </summary>
public static class PatientSimulator
{
    /// <summary>A COVID-19 patient is redrawn (from a derived seed) until its lesions span at least this many consecutive slices,
    /// each with at least <see cref="MinLesionPixelsPerSlice"/> lesion pixels: the study's patient rule can then find it.</summary>
    public const int MinConsecutiveLesionSlices = StudyProtocol.ConsecutiveSlices;

    /// <summary>
    /// Lesion pixels a slice needs to count towards <see cref="MinConsecutiveLesionSlices"/>: more than the study's region minimum
    /// (<see cref="StudyProtocol.MinPixels"/>). Counted on the volume's grid; the rule counts pixels of the model's output,
    /// which is coarser when the model's input is smaller than the slice.
    /// </summary>
    public const int MinLesionPixelsPerSlice = StudyProtocol.MinPixels + 1;

    private const int MaxAttempts = 8;

    /// <summary>A procedural patient drawn from <see cref="PhantomOptions.Seed"/>.</summary>
    /// <param name="options">Grid and seed.</param>
    /// <param name="label">COVID-19 patients get COVID-19 patterns and a mask; controls get other findings or none.</param>
    /// <param name="lesions">Which lesion planner draws the findings (default: the study's).</param>
    /// <exception cref="InvalidOperationException">When no lesion placement spanning <see cref="MinConsecutiveLesionSlices"/> slices is found (a volume too small to hold lungs).</exception>
    public static SimulatedPatient Procedural(PhantomOptions options, PatientLabel label, LesionModel lesions = LesionModel.Study)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scan = ChestPhantom.Render(options);
        var lungs = new LungMap(scan.Geometry, scan.LungCoverage);
        var random = new SeededRandom(options.Seed).Fork(4);
        return Paint(lungs, random, label == PatientLabel.Covid, lesions, options.Seed, findings =>
        {
            var image = (float[])scan.Clean.Clone();
            var mask = LesionSimulator.Apply(findings, scan.Geometry, image, scan.Clean, scan.LungCoverage, lesions);
            return (scan.Acquire(image), mask);
        }, scan.Noise.SigmaHu);
    }

    /// <summary>
    /// Real CT with simulated findings: lungs from <see cref="LungSegmentation"/>, findings measured against a lightly
    /// smoothed copy of the volume so that the real noise stays. Voxels outside the findings are left exactly as they were.
    /// </summary>
    /// <param name="volume">The real volume (not modified).</param>
    /// <param name="label">COVID-19 findings with a mask, or control findings.</param>
    /// <param name="seed">Seed of the findings.</param>
    /// <param name="lesions">Which lesion planner draws the findings (default: the study's).</param>
    /// <exception cref="InvalidOperationException">When the volume holds no lung or no COVID-19 placement spans enough slices.</exception>
    public static SimulatedPatient InsertInto(CtVolume volume, PatientLabel label, ulong seed, LesionModel lesions = LesionModel.Study)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var coverage = LungSegmentation.Segment(volume);
        var lungs = new LungMap(g, coverage);
        if (lungs.VoxelCount == 0) throw new InvalidOperationException($"{volume.Source}: no lung found below {LungSegmentation.AirThresholdHu} HU; cannot insert findings");
        var background = Smooth(volume);
        return Paint(lungs, new SeededRandom(seed).Fork(4), label == PatientLabel.Covid, lesions, seed, findings =>
        {
            var image = (float[])volume.Hounsfield.Clone();
            var mask = LesionSimulator.Apply(findings, g, image, background, coverage, lesions);
            // Whole HU, as stored by the scanner, only where something was painted.
            for (var i = 0; i < image.Length; i++) if (image[i] != volume.Hounsfield[i]) image[i] = MathF.Round(image[i]);
            return (new CtVolume(g, image, $"{volume.Source} with simulated findings, seed {seed}", volume.SeriesInstanceUid), mask);
        }, null);
    }

    private static SimulatedPatient Paint(LungMap lungs, SeededRandom random, bool covid, LesionModel lesions, ulong seed, Func<List<Finding>, (CtVolume Volume, byte[] Mask)> render, double? noise)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var draw = random.Fork((ulong)attempt);
            var findings = (covid, lesions) switch
            {
                (true, LesionModel.Realistic) => RealisticLesionPlanner.Covid(lungs, draw),
                (false, LesionModel.Realistic) => RealisticLesionPlanner.Control(lungs, draw),
                (true, _) => LesionPlanner.Covid(lungs, draw),
                (false, _) => LesionPlanner.Control(lungs, draw),
            };
            var (volume, mask) = render(findings);
            if (!covid) return new SimulatedPatient(volume, null, findings, lungs.VoxelCount, noise);
            var patient = new SimulatedPatient(volume, new LesionMask(volume.Geometry, mask, $"simulated COVID-19 lesions, seed {seed}"), findings, lungs.VoxelCount, noise);
            if (patient.LongestRun(MinLesionPixelsPerSlice) >= MinConsecutiveLesionSlices) return patient;
        }
        throw new InvalidOperationException($"seed {seed}: no COVID-19 lesion placement spanned {MinConsecutiveLesionSlices} consecutive slices of {MinLesionPixelsPerSlice}+ lesion pixels in {MaxAttempts} attempts; the volume may hold too little lung");
    }

    // In-plane Gaussian (1.2 pixels) per slice: a noise-free stand-in for the real anatomy.
    private static float[] Smooth(CtVolume volume)
    {
        var g = volume.Geometry;
        var smooth = (float[])volume.Hounsfield.Clone();
        var kernel = SeparableBlur.Kernel(1.2);
        Parallel.For(0, g.Depth, z => SeparableBlur.Apply(smooth.AsSpan(z * g.SliceLength, g.SliceLength), g.Width, g.Height, kernel, new float[g.SliceLength]));
        return smooth;
    }
}
