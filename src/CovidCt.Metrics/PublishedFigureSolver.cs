namespace CovidCt.Metrics;

/// <summary>
/// Finds every integer confusion table consistent with a paper's rounded percentages, given the class
/// sizes or only the total. Sensitivity and specificity are required: they bound TP and TN to a narrow
/// window for each split of the total, so the search costs O(total × window²) instead of O(total³).
/// When nothing matches exactly, the closest tables by largest deviation are returned instead.
/// </summary>
public static class PublishedFigureSolver
{
    /// <summary>Tables with exactly <paramref name="positives"/> diseased and <paramref name="negatives"/> non-diseased cases.</summary>
    /// <exception cref="ArgumentException">Sensitivity or specificity is missing, decimals out of 0–6, a figure has more decimals than stated or lies outside 0–100, or a size is negative.</exception>
    public static SolverResult Solve(PublishedFigures figures, long positives, long negatives, int closest = 10)
    {
        if (positives < 0 || negatives < 0) throw new ArgumentException($"class sizes must be non-negative, got {positives} and {negatives}", nameof(positives));
        return Search(figures, [positives], positives + negatives, closest);
    }

    /// <summary>Tables with <paramref name="total"/> cases, split between the classes in every possible way.</summary>
    /// <exception cref="ArgumentException">As <see cref="Solve"/>; or the total is negative.</exception>
    public static SolverResult SolveForTotal(PublishedFigures figures, long total, int closest = 10)
    {
        if (total < 0) throw new ArgumentException($"the total must be non-negative, got {total}", nameof(total));
        return Search(figures, Enumerable.Range(0, checked((int)total + 1)).Select(p => (long)p).ToArray(), total, closest);
    }

    /// <summary>Checks every published figure against <paramref name="counts"/>.</summary>
    public static SolverFit Check(PublishedFigures figures, ConfusionCounts counts) => new(counts, figures.Given.Select(f => Check(figures, f.Key, f.Value, counts)).ToArray());

    private static SolverResult Search(PublishedFigures figures, long[] positiveSizes, long total, int closest)
    {
        Validate(figures);
        if (closest < 0) throw new ArgumentException("the number of closest fits must be non-negative", nameof(closest));
        // Every exact match is within half a printed unit of every figure (plus float slack).
        var exact = Candidates(figures, positiveSizes, total, figures.HalfUnit * (1 + 1e-9))
            .Where(f => f.IsExact)
            .OrderBy(f => f.Counts.TruePositives).ThenBy(f => f.Counts.TrueNegatives)
            .ToArray();
        if (exact.Length > 0 || closest == 0) return new SolverResult(figures, exact, []);
        // Widen the window until it holds enough fits: every fit within the window is enumerated,
        // so the best ones inside it are the best overall.
        for (var limit = 2 * figures.HalfUnit; ; limit *= 2)
        {
            var fits = Candidates(figures, positiveSizes, total, limit).ToArray();
            if (fits.Length >= closest || limit > 100)
            {
                var best = fits.OrderBy(f => f.LargestDeviation).ThenBy(f => f.Counts.TruePositives).ThenBy(f => f.Counts.TrueNegatives).Take(closest).ToArray();
                return new SolverResult(figures, [], best);
            }
        }
    }

    // All tables whose every figure lies within `limit` percentage points of the published one.
    // The inner loop screens with plain arithmetic and builds a fit only for tables that pass.
    private static IEnumerable<SolverFit> Candidates(PublishedFigures figures, long[] positiveSizes, long total, double limit)
    {
        var published = new[] { figures.Sensitivity, figures.Specificity, figures.Accuracy, figures.Ppv, figures.Npv }
            .Select(v => v is { } x ? (double)x : double.NaN).ToArray();
        foreach (var positives in positiveSizes)
        {
            var negatives = total - positives;
            if (positives == 0 || negatives == 0) continue;
            var (tpLow, tpHigh) = Window(published[0], limit, positives);
            var (tnLow, tnHigh) = Window(published[1], limit, negatives);
            for (var tp = tpLow; tp <= tpHigh; tp++)
            {
                for (var tn = tnLow; tn <= tnHigh; tn++)
                {
                    long fp = negatives - tn, fn = positives - tp;
                    if (Within(published[0], tp, positives, limit) && Within(published[1], tn, negatives, limit)
                        && Within(published[2], tp + tn, total, limit) && Within(published[3], tp, tp + fp, limit)
                        && Within(published[4], tn, tn + fn, limit))
                    {
                        yield return Check(figures, new ConfusionCounts(tp, fp, tn, fn));
                    }
                }
            }
        }
    }

    // An absent figure (NaN) constrains nothing; a zero denominator never fits a published figure.
    private static bool Within(double published, long numerator, long denominator, double limit) =>
        double.IsNaN(published) || (denominator > 0 && Math.Abs(100.0 * numerator / denominator - published) <= limit);

    private static (long Low, long High) Window(double percent, double limit, long size)
    {
        var low = Math.Max(0, (long)Math.Floor((percent - limit) / 100 * size));
        var high = Math.Min(size, (long)Math.Ceiling((percent + limit) / 100 * size));
        return (low, high);
    }

    private static FigureCheck Check(PublishedFigures figures, string name, decimal published, ConfusionCounts c)
    {
        var (numerator, denominator) = name switch
        {
            "sensitivity" => (c.TruePositives, c.Positives),
            "specificity" => (c.TrueNegatives, c.Negatives),
            "accuracy" => (c.TruePositives + c.TrueNegatives, c.Total),
            "ppv" => (c.TruePositives, c.CalledPositive),
            "npv" => (c.TrueNegatives, c.CalledNegative),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown figure"),
        };
        if (denominator == 0) return new FigureCheck(name, published, double.NaN, double.PositiveInfinity, false);
        var recomputed = 100.0 * numerator / denominator;
        return new FigureCheck(name, published, recomputed, Math.Abs(recomputed - (double)published),
            Rounded(numerator, denominator, figures.Decimals, figures.Rounding) == Scaled(published, figures.Decimals));
    }

    // 100·n/d rounded to `decimals`, as an integer count of the last printed unit; exact integer arithmetic, so ties are real ties.
    private static Int128 Rounded(long numerator, long denominator, int decimals, RoundingRule rule)
    {
        var scaled = (Int128)numerator * 100 * Pow10(decimals);
        var quotient = scaled / denominator;
        var twiceRemainder = 2 * (scaled % denominator);
        var roundUp = twiceRemainder > denominator
            || (twiceRemainder == denominator && (rule == RoundingRule.HalfUp || quotient % 2 == 1));
        return roundUp ? quotient + 1 : quotient;
    }

    private static Int128 Scaled(decimal published, int decimals) => (Int128)(long)(published * (long)Pow10(decimals));

    private static Int128 Pow10(int decimals)
    {
        Int128 result = 1;
        for (var i = 0; i < decimals; i++) result *= 10;
        return result;
    }

    private static void Validate(PublishedFigures figures)
    {
        if (figures.Sensitivity is null || figures.Specificity is null) throw new ArgumentException("sensitivity and specificity are required to bound the search", nameof(figures));
        if (figures.Decimals is < 0 or > 6) throw new ArgumentException($"decimals must be 0–6, got {figures.Decimals}", nameof(figures));
        foreach (var (name, value) in figures.Given)
        {
            if (value is < 0 or > 100) throw new ArgumentException($"{name} {value} is not a percentage in 0–100", nameof(figures));
            if (decimal.Round(value, figures.Decimals) != value) throw new ArgumentException($"{name} {value} has more than {figures.Decimals} decimals", nameof(figures));
        }
    }
}
