namespace CovidCt.Imaging;

/// <summary>
/// Where air and soft tissue land in the gray histogram of 8-bit CT slices, what HU a stated window gives them, and the
/// window that would put them at their textbook HU (air −1000, soft tissue +40): the check that a PNG/JPEG folder is
/// read with the window it was exported with.
/// </summary>
/// <remarks>
/// The histogram's unclipped levels (1 to 254) are split in two by Otsu's threshold: the dark class is air and lung, the
/// bright class fat, soft tissue and bone. Air is the dark class's mode and soft tissue the bright class's (each on a 5-level
/// running mean, so JPEG noise does not pick a spike). Gray 0 is left out of the search because scanners pad the outside
/// of the scan circle far below air (−2048 or −3024 HU), which every export clips to 0. Soft tissue counts as clipped
/// (above the window) when more than 5% of all pixels, and more than the bright class's peak level, sit at 255: how
/// slices exported with a lung window look (bone and contrast alone, also at 255, are fewer). On slices cropped to the chest
/// the dark mode is the lungs (about −850 HU) rather than outside air, which biases the fitted window by up to 150 HU.
/// <para>Fat and soft tissue are the bright class's two main peaks when it has two (see TissuePeaks); otherwise its one peak
/// is taken as soft tissue.</para>
/// </remarks>
public sealed class WindowFit
{
    /// <summary>HU of air.</summary>
    public const double AirHounsfield = -1000;

    /// <summary>HU of soft tissue (muscle, blood).</summary>
    public const double SoftTissueHounsfield = 40;

    /// <summary>How far, in HU, a landmark may sit from its textbook value before the window is called implausible.</summary>
    public const double ToleranceHounsfield = 150;

    /// <summary>HU of fat.</summary>
    public const double FatHounsfield = -100;

    private WindowFit(double airGray, double? fatGray, double softTissueGray, bool softTissueClipped, long pixels)
    {
        AirGray = airGray;
        FatGray = fatGray;
        SoftTissueGray = softTissueGray;
        SoftTissueClipped = softTissueClipped;
        Pixels = pixels;
    }

    /// <summary>Gray level of the air mode.</summary>
    public double AirGray { get; }

    /// <summary>Gray level of the fat mode, or null when the bright class has one mode only (then taken as soft tissue).</summary>
    public double? FatGray { get; }

    /// <summary>Gray level of the soft-tissue mode (255 when <see cref="SoftTissueClipped"/>).</summary>
    public double SoftTissueGray { get; }

    /// <summary>True when soft tissue lies above the exported window (gray 255), as with a lung window.</summary>
    public bool SoftTissueClipped { get; }

    /// <summary>Pixels the histogram was made of.</summary>
    public long Pixels { get; }

    /// <summary>
    /// The window (rounded to 10 HU) that puts air, fat (when found) and soft tissue closest to −1000, −100 and +40 HU in
    /// least squares, or null when soft tissue is clipped or lies less than 8 gray levels above air (no window can then be
    /// read from the slices).
    /// </summary>
    public HounsfieldWindow? BestWindow
    {
        get
        {
            if (SoftTissueClipped || SoftTissueGray - AirGray < 8) return null;
            (double Gray, double Hu)[] points = FatGray is { } fat
                ? [(AirGray, AirHounsfield), (fat, FatHounsfield), (SoftTissueGray, SoftTissueHounsfield)]
                : [(AirGray, AirHounsfield), (SoftTissueGray, SoftTissueHounsfield)];
            var meanGray = points.Average(p => p.Gray);
            var meanHu = points.Average(p => p.Hu);
            var slope = points.Sum(p => (p.Gray - meanGray) * (p.Hu - meanHu)) / points.Sum(p => (p.Gray - meanGray) * (p.Gray - meanGray));
            var width = slope * 255;
            var lower = meanHu - slope * meanGray;
            return new HounsfieldWindow(Math.Round(width / 10) * 10, Math.Round((lower + width / 2) / 10) * 10);
        }
    }

    /// <summary>Finds air and soft tissue in a 256-level gray histogram.</summary>
    /// <param name="histogram">Pixel counts per gray level; 256 entries.</param>
    /// <returns>The landmarks, or null when the unclipped levels hold too few pixels (fewer than 1%) to find two modes.</returns>
    /// <exception cref="ArgumentException">When the histogram does not have 256 entries or holds a negative count.</exception>
    public static WindowFit? Of(ReadOnlySpan<long> histogram)
    {
        if (histogram.Length != 256) throw new ArgumentException($"a gray histogram has 256 levels; got {histogram.Length}", nameof(histogram));
        long total = 0, unclipped = 0;
        for (var g = 0; g < 256; g++)
        {
            if (histogram[g] < 0) throw new ArgumentException($"level {g} has a negative count {histogram[g]}", nameof(histogram));
            total += histogram[g];
            if (g is > 0 and < 255) unclipped += histogram[g];
        }
        if (total == 0 || unclipped < total / 100 || unclipped < 16) return null;
        var smooth = Smoothed(histogram);
        var threshold = Otsu(histogram);
        var air = ArgMax(smooth, 1, threshold);
        var (fat, soft) = TissuePeaks(smooth, threshold + 1, 254);
        var clipped = histogram[255] > total / 20 && histogram[255] > smooth[soft];
        return new WindowFit(air, clipped ? null : fat, clipped ? 255 : soft, clipped, total);
    }

    /// <summary>The HU <paramref name="window"/> gives air.</summary>
    public double AirUnder(HounsfieldWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.ToHounsfield((byte)AirGray);
    }

    /// <summary>The HU <paramref name="window"/> gives soft tissue (its upper edge when clipped: soft tissue lies at or above it).</summary>
    public double SoftTissueUnder(HounsfieldWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.ToHounsfield((byte)SoftTissueGray);
    }

    /// <summary>
    /// What is implausible about reading these slices with <paramref name="window"/>: one sentence per landmark more than
    /// <see cref="ToleranceHounsfield"/> from its HU; empty when the window fits.
    /// </summary>
    public IReadOnlyList<string> ProblemsWith(HounsfieldWindow window)
    {
        var problems = new List<string>();
        var air = AirUnder(window);
        if (Math.Abs(air - AirHounsfield) > ToleranceHounsfield)
        {
            problems.Add(FormattableString.Invariant($"air (gray {AirGray:0}) reads as {air:0} HU, expected about {AirHounsfield:0}"));
        }
        if (FatGray is { } fat && Math.Abs(window.ToHounsfield((byte)fat) - FatHounsfield) > ToleranceHounsfield)
        {
            problems.Add(FormattableString.Invariant($"fat (gray {fat:0}) reads as {window.ToHounsfield((byte)fat):0} HU, expected about {FatHounsfield:0}"));
        }
        var soft = SoftTissueUnder(window);
        // Clipped soft tissue only says it is at or above the window's top, which is plausible when +40 HU is too.
        var softOff = SoftTissueClipped ? soft - SoftTissueHounsfield : Math.Abs(soft - SoftTissueHounsfield);
        if (softOff > ToleranceHounsfield)
        {
            problems.Add(FormattableString.Invariant($"soft tissue (gray {SoftTissueGray:0}) reads as {(SoftTissueClipped ? "at least " : "")}{soft:0} HU, expected about +{SoftTissueHounsfield:0}"));
        }
        return problems;
    }

    private static double[] Smoothed(ReadOnlySpan<long> histogram)
    {
        var smooth = new double[256];
        for (var g = 1; g < 255; g++)
        {
            double sum = 0;
            var n = 0;
            for (var d = -2; d <= 2; d++)
            {
                var k = g + d;
                if (k is < 1 or > 254) continue;
                sum += histogram[k];
                n++;
            }
            smooth[g] = sum / n;
        }
        return smooth;
    }

    /// <summary>Otsu's threshold over levels 1..254: the level ending the dark class that maximises the between-class variance.</summary>
    private static int Otsu(ReadOnlySpan<long> histogram)
    {
        double total = 0, weighted = 0;
        for (var g = 1; g < 255; g++)
        {
            total += histogram[g];
            weighted += (double)g * histogram[g];
        }
        double darkCount = 0, darkSum = 0, best = -1;
        var threshold = 127;
        for (var g = 1; g < 254; g++)
        {
            darkCount += histogram[g];
            darkSum += (double)g * histogram[g];
            var brightCount = total - darkCount;
            if (darkCount == 0 || brightCount == 0) continue;
            var difference = darkSum / darkCount - (weighted - darkSum) / brightCount;
            var between = darkCount * brightCount * difference * difference;
            if (between > best) (best, threshold) = (between, g);
        }
        return threshold;
    }

    /// <summary>
    /// The bright class's two tissue peaks: the highest local maximum, and a second one at least 4 levels away, at least a
    /// quarter as high, with a dip of 10% between them. With two, the darker is fat and the brighter soft tissue; with one,
    /// it is taken as soft tissue. The search starts where the counts stop falling: Otsu cut the dark class at
    /// <paramref name="from"/>, so high counts falling away from it are the dark class's edge, not a tissue. The last level
    /// (254) can be a peak: soft tissue at the top of the window piles up there, its peak cut by the clipping at 255.
    /// </summary>
    private static (int? Fat, int Soft) TissuePeaks(double[] smooth, int from, int to)
    {
        var start = from;
        while (start < to && smooth[start + 1] < smooth[start]) start++;
        var first = ArgMax(smooth, start, to);
        int? second = null;
        for (var g = start; g <= to; g++)
        {
            var isPeak = (g == start || smooth[g] >= smooth[g - 1]) && (g == to || smooth[g] >= smooth[g + 1]);
            if (!isPeak || Math.Abs(g - first) < 4 || smooth[g] < smooth[first] / 4) continue;
            var dip = double.MaxValue;
            for (var k = Math.Min(g, first); k <= Math.Max(g, first); k++) dip = Math.Min(dip, smooth[k]);
            if (dip > 0.9 * smooth[g]) continue;
            if (second is null || smooth[g] > smooth[second.Value]) second = g;
        }
        return second is { } other ? (Math.Min(first, other), Math.Max(first, other)) : (null, first);
    }

    private static int ArgMax(double[] values, int from, int to)
    {
        var best = from;
        for (var g = from; g <= to; g++)
        {
            if (values[g] > values[best]) best = g;
        }
        return best;
    }
}
