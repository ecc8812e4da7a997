namespace CovidCt.Metrics;

/// <summary>
/// Agreement between raters on categorical ratings (a decision, or a rating scale read as categories):
/// Cohen's kappa for two raters (Cohen 1960) and Fleiss' kappa for any fixed number of raters per case (Fleiss 1971).
/// Unweighted: every disagreement counts the same, whatever the distance between two ratings.
/// </summary>
public static class Agreement
{
    /// <summary>
    /// Cohen's kappa of two raters who rated the same cases, in the same order. The interval is Wald's with the
    /// large-sample standard error of Fleiss, Cohen and Everitt (1969), clipped to [−1, 1].
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a rating is empty.</exception>
    public static KappaResult Cohen(IReadOnlyList<string> first, IReadOnlyList<string> second, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (first.Count != second.Count) throw new ArgumentException($"{first.Count} ratings by the first rater but {second.Count} by the second", nameof(second));
        if (first.Count == 0) throw new ArgumentException("Cohen's kappa needs at least one case", nameof(first));
        var categories = Categories([.. first, .. second]);
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        int k = categories.Count, n = first.Count;
        var p = new double[k, k];
        for (var c = 0; c < n; c++) p[index[first[c]], index[second[c]]] += 1.0 / n;
        var rows = new double[k];
        var columns = new double[k];
        double observed = 0;
        for (var i = 0; i < k; i++)
        {
            observed += p[i, i];
            for (var j = 0; j < k; j++) { rows[i] += p[i, j]; columns[j] += p[i, j]; }
        }
        var chance = Enumerable.Range(0, k).Sum(i => rows[i] * columns[i]);
        if (OneCategory(chance, categories) is { } undefined) return new KappaResult(undefined, observed, chance, null, n, 2, categories, undefined.UndefinedReason);
        var kappa = (observed - chance) / (1 - chance);
        // Fleiss, Cohen and Everitt (1969), eq. 13: the variance of kappa when it is not 0.
        double a = 0, b = 0;
        for (var i = 0; i < k; i++)
        {
            var term = 1 - (rows[i] + columns[i]) * (1 - kappa);
            a += p[i, i] * term * term;
            for (var j = 0; j < k; j++)
            {
                if (i != j) b += p[i, j] * (columns[i] + rows[j]) * (columns[i] + rows[j]);
            }
        }
        b *= (1 - kappa) * (1 - kappa);
        var c2 = kappa - chance * (1 - kappa);
        var variance = Math.Max(0, (a + b - c2 * c2) / (n * (1 - chance) * (1 - chance)));
        return Finish(observed - chance, 1 - chance, kappa, Math.Sqrt(variance), level, "fleiss-cohen-everitt", observed, chance, n, 2, categories);
    }

    /// <summary>
    /// Fleiss' kappa of <paramref name="ratings"/>: one list per case, each with the same number (at least 2) of ratings,
    /// from any raters. The interval is Wald's with the jackknife standard error over cases (leave one case out),
    /// clipped to [−1, 1]; it treats cases as the random sample and needs at least two cases.
    /// </summary>
    /// <exception cref="ArgumentException">No cases, fewer than two ratings per case, cases with different numbers of ratings, or an empty rating.</exception>
    public static KappaResult Fleiss(IReadOnlyList<IReadOnlyList<string>> ratings, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        if (ratings.Count == 0) throw new ArgumentException("Fleiss' kappa needs at least one case", nameof(ratings));
        var raters = ratings[0].Count;
        if (raters < 2) throw new ArgumentException($"Fleiss' kappa needs at least two ratings per case, got {raters}", nameof(ratings));
        for (var i = 1; i < ratings.Count; i++)
        {
            if (ratings[i].Count != raters)
            {
                throw new ArgumentException($"case {i + 1} has {ratings[i].Count} ratings but case 1 has {raters}; Fleiss' kappa needs the same number for every case", nameof(ratings));
            }
        }
        var categories = Categories(ratings.SelectMany(r => r).ToArray());
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var counts = new int[ratings.Count, categories.Count];
        for (var i = 0; i < ratings.Count; i++)
        {
            foreach (var rating in ratings[i]) counts[i, index[rating]]++;
        }
        var all = FleissParts(counts, raters, skip: -1);
        var kappaOrNull = all.Kappa;
        if (kappaOrNull is not { } kappa)
        {
            var undefined = OneCategory(all.Chance, categories)!;
            return new KappaResult(undefined, all.Observed, all.Chance, null, ratings.Count, raters, categories, undefined.UndefinedReason);
        }
        var n = ratings.Count;
        if (n < 2) return Without(kappa, all, n, raters, categories, "one case: the jackknife interval needs at least two cases");
        var leaveOneOut = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (FleissParts(counts, raters, skip: i).Kappa is not { } value)
            {
                return Without(kappa, all, n, raters, categories, $"without case {i + 1} every rating falls in one category, so the jackknife interval is undefined");
            }
            leaveOneOut[i] = value;
        }
        var mean = leaveOneOut.Average();
        var se = Math.Sqrt((n - 1.0) / n * leaveOneOut.Sum(v => (v - mean) * (v - mean)));
        return Finish(all.Observed - all.Chance, 1 - all.Chance, kappa, se, level, "jackknife", all.Observed, all.Chance, n, raters, categories);
    }

    private static KappaResult Without(double kappa, (double? Kappa, double Observed, double Chance) parts, int n, int raters, IReadOnlyList<string> categories, string caveat) =>
        new(Estimate.Defined(parts.Observed - parts.Chance, 1 - parts.Chance, kappa), parts.Observed, parts.Chance, null, n, raters, categories, caveat);

    // P̄ (mean pairwise agreement within a case) and P̄e (sum of squared category shares), leaving out case `skip`.
    private static (double? Kappa, double Observed, double Chance) FleissParts(int[,] counts, int raters, int skip)
    {
        int n = counts.GetLength(0), k = counts.GetLength(1);
        var used = skip < 0 ? n : n - 1;
        double observed = 0;
        var shares = new double[k];
        for (var i = 0; i < n; i++)
        {
            if (i == skip) continue;
            double squares = 0;
            for (var j = 0; j < k; j++)
            {
                squares += (double)counts[i, j] * counts[i, j];
                shares[j] += counts[i, j];
            }
            observed += (squares - raters) / ((double)raters * (raters - 1));
        }
        observed /= used;
        var chance = shares.Sum(s => (s / ((double)used * raters)) * (s / ((double)used * raters)));
        return (chance >= 1 ? null : (observed - chance) / (1 - chance), observed, chance);
    }

    private static KappaResult Finish(double numerator, double denominator, double kappa, double se, double level, string method,
        double observed, double chance, int n, int raters, IReadOnlyList<string> categories)
    {
        var z = ProportionIntervals.TwoSidedZ(level);
        var interval = new ConfidenceInterval(Math.Max(-1, kappa - z * se), Math.Min(1, kappa + z * se), level, method);
        var caveat = se == 0
            ? "the standard error is 0 (perfect or fully determined agreement), so the interval has no width and does not express sampling uncertainty"
            : null;
        return new KappaResult(Estimate.Defined(numerator, denominator, kappa, interval), observed, chance, se, n, raters, categories, caveat);
    }

    private static Estimate? OneCategory(double chance, IReadOnlyList<string> categories) => chance >= 1
        ? Estimate.Undefined(0, 0, $"every rating is '{categories[0]}': agreement expected by chance is 1, so kappa is 0/0")
        : null;

    // Numbers sort by value (a 1–5 scale reads 1, 2, …, 10), other labels by ordinal text.
    private static IReadOnlyList<string> Categories(IReadOnlyList<string> ratings)
    {
        if (ratings.Any(string.IsNullOrEmpty)) throw new ArgumentException("a rating is empty", nameof(ratings));
        var distinct = ratings.Distinct(StringComparer.Ordinal).ToList();
        var numeric = distinct.All(r => double.TryParse(r, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        return numeric
            ? [.. distinct.OrderBy(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture))]
            : [.. distinct.OrderBy(r => r, StringComparer.Ordinal)];
    }
}
