namespace CovidCt.Metrics;

/// <summary>
/// The free-response ROC (FROC; Chakraborty 1989): lesion sensitivity against false positives per image as the threshold on
/// the mark scores falls. Built from counts only: each lesion's best hitting mark score (or none), each false-positive mark's
/// score, and the number of images read.
/// </summary>
/// <remarks>
/// The curve has one point per distinct mark score, from the highest down, after a first point (0 FP/image, sensitivity 0) at
/// an infinite threshold. Marks with equal scores enter together. It ends at the lowest mark score: a detector that reports
/// marks only above its own threshold says nothing about lower ones.
/// </remarks>
public sealed class FrocCurve
{
    /// <summary>The false-positive rates the FROC is usually read at: 1/8 to 8 per image, doubling.</summary>
    public static IReadOnlyList<double> StandardRates { get; } = [0.125, 0.25, 0.5, 1, 2, 4, 8];

    private FrocCurve(IReadOnlyList<FrocPoint> points, long lesions, long images)
    {
        Points = points;
        Lesions = lesions;
        Images = images;
    }

    /// <summary>The curve's points, threshold falling (sensitivity and false positives rising).</summary>
    public IReadOnlyList<FrocPoint> Points { get; }

    /// <summary>True lesions.</summary>
    public long Lesions { get; }

    /// <summary>Images read.</summary>
    public long Images { get; }

    /// <summary>Builds the curve.</summary>
    /// <param name="lesionScores">Per true lesion: the highest score of a mark that hits it, or null when none does.</param>
    /// <param name="falsePositiveScores">The score of every mark that hits no lesion.</param>
    /// <param name="images">Images read (the denominator of false positives per image).</param>
    /// <exception cref="ArgumentException">When a score is not finite, there are no lesions or no images.</exception>
    public static FrocCurve FromMarks(IReadOnlyList<double?> lesionScores, IReadOnlyList<double> falsePositiveScores, long images)
    {
        ArgumentNullException.ThrowIfNull(lesionScores);
        ArgumentNullException.ThrowIfNull(falsePositiveScores);
        if (lesionScores.Count == 0) throw new ArgumentException("a FROC curve needs at least one true lesion", nameof(lesionScores));
        if (images < 1) throw new ArgumentException($"a FROC curve needs at least one image; got {images}", nameof(images));
        var hits = lesionScores.Where(s => s is not null).Select(s => s!.Value).ToArray();
        if (hits.Concat(falsePositiveScores).Any(s => !double.IsFinite(s))) throw new ArgumentException("mark scores must be finite numbers", nameof(lesionScores));
        Array.Sort(hits);
        var fps = falsePositiveScores.ToArray();
        Array.Sort(fps);
        var lesions = lesionScores.Count;
        var points = new List<FrocPoint> { new(double.PositiveInfinity, 0, 0, 0, 0) };
        // Walk both sorted lists from the top; each distinct score is one point.
        int h = hits.Length - 1, f = fps.Length - 1;
        while (h >= 0 || f >= 0)
        {
            var threshold = Math.Max(h >= 0 ? hits[h] : double.NegativeInfinity, f >= 0 ? fps[f] : double.NegativeInfinity);
            while (h >= 0 && hits[h] >= threshold) h--;
            while (f >= 0 && fps[f] >= threshold) f--;
            long hit = hits.Length - 1 - h, fp = fps.Length - 1 - f;
            points.Add(new FrocPoint(threshold, hit, fp, (double)hit / lesions, (double)fp / images));
        }
        return new FrocCurve(points, lesions, images);
    }

    /// <summary>The sensitivity at <paramref name="falsePositivesPerImage"/>: the highest among points with at most that many false positives per image.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rate is negative or not finite.</exception>
    public FrocSensitivity SensitivityAt(double falsePositivesPerImage)
    {
        if (!(falsePositivesPerImage >= 0 && double.IsFinite(falsePositivesPerImage))) throw new ArgumentOutOfRangeException(nameof(falsePositivesPerImage), falsePositivesPerImage, "expected a finite rate of 0 or more");
        var best = Points.Where(p => p.FalsePositivesPerImage <= falsePositivesPerImage).Max(p => p.Sensitivity);
        return new FrocSensitivity(falsePositivesPerImage, best, falsePositivesPerImage > Points[^1].FalsePositivesPerImage);
    }

    /// <summary>The sensitivity at each of <see cref="StandardRates"/>.</summary>
    public IReadOnlyList<FrocSensitivity> AtStandardRates() => StandardRates.Select(SensitivityAt).ToArray();
}
