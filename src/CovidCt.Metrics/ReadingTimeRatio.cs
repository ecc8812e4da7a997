namespace CovidCt.Metrics;

/// <summary>
/// The ratio of geometric mean reading times of two modalities read by the same readers on the same cases: the
/// mean over readers and cases of d = ln(time in the other modality) − ln(time in the reference), back-transformed.
/// Reading times are skewed and act multiplicatively, so a claim such as "65% faster" is a ratio of geometric means
/// (0.35), not a difference of arithmetic means. Readers and cases are both random: d is modelled as
/// μ + reader + case + residual, the variance of the mean is σ²_R/r + σ²_C/c + σ²_E/(rc) from the two-way ANOVA mean
/// squares (each component truncated at 0), and the t interval uses Satterthwaite's degrees of freedom.
/// </summary>
public static class ReadingTimeRatio
{
    /// <summary>
    /// Compares <paramref name="other"/>[reader][case] with <paramref name="reference"/>[reader][case] (positive times
    /// in any one unit). With one reader the readers are fixed and the interval generalises to new cases only (said in
    /// <see cref="ReadingTimeResult.Caveat"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The grids differ in shape, hold fewer than two cases, or a time is not a positive finite number.</exception>
    public static ReadingTimeResult Compute(string referenceName, IReadOnlyList<IReadOnlyList<double>> reference, string otherName, IReadOnlyList<IReadOnlyList<double>> other, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        var r = reference.Count;
        if (r == 0 || other.Count != r) throw new ArgumentException($"{r} readers in {referenceName} but {other.Count} in {otherName}", nameof(other));
        var c = reference[0].Count;
        if (c < 2) throw new ArgumentException($"{c} case(s): the interval needs at least two cases", nameof(reference));
        var d = new double[r, c];
        double sumRef = 0, sumOther = 0;
        for (var j = 0; j < r; j++)
        {
            if (reference[j].Count != c || other[j].Count != c) throw new ArgumentException($"reader {j + 1} has {reference[j].Count} and {other[j].Count} times for {c} cases", nameof(other));
            for (var k = 0; k < c; k++)
            {
                var (a, b) = (reference[j][k], other[j][k]);
                if (!(a > 0 && double.IsFinite(a)) || !(b > 0 && double.IsFinite(b))) throw new ArgumentException($"reader {j + 1}, case {k + 1}: reading times must be positive and finite, got {a} and {b}", nameof(reference));
                sumRef += Math.Log(a);
                sumOther += Math.Log(b);
                d[j, k] = Math.Log(b) - Math.Log(a);
            }
        }
        var gmRef = Math.Exp(sumRef / (r * c));
        var gmOther = Math.Exp(sumOther / (r * c));
        var mean = (sumOther - sumRef) / (r * c);
        var (variance, df, readerVar, caseVar, residual, caveat) = r == 1 ? OneReader(d, c, mean) : Crossed(d, r, c, mean);
        var se = Math.Sqrt(variance);
        var half = ObuchowskiRockette.TQuantile(df, level) * se;
        var interval = new ConfidenceInterval(Math.Exp(mean - half), Math.Exp(mean + half), level, "log-t-satterthwaite");
        // Logs of exactly proportional times differ by rounding only (about 1e-16), so "no spread" is judged at 1e-12.
        if (se < 1e-12) caveat ??= "every reader-case pair has the same log ratio, so the interval has no width and does not express sampling uncertainty";
        return new ReadingTimeResult(referenceName, otherName, r, c, gmRef, gmOther, Estimate.Defined(gmOther, gmRef, Math.Exp(mean), interval),
            se, df, readerVar, caseVar, residual, caveat);
    }

    private static (double Variance, double Df, double? Reader, double? Case, double Residual, string? Caveat) OneReader(double[,] d, int c, double mean)
    {
        double ss = 0;
        for (var k = 0; k < c; k++) ss += (d[0, k] - mean) * (d[0, k] - mean);
        var s2 = ss / (c - 1);
        return (s2 / c, c - 1, null, null, s2, "one reader: readers are fixed, so the interval generalises to new cases read by this reader only");
    }

    // Two-way ANOVA without replication: E[MS_R] = σ²_E + c·σ²_R, E[MS_C] = σ²_E + r·σ²_C, E[MS_E] = σ²_E.
    private static (double Variance, double Df, double? Reader, double? Case, double Residual, string? Caveat) Crossed(double[,] d, int r, int c, double mean)
    {
        var readerMeans = new double[r];
        var caseMeans = new double[c];
        for (var j = 0; j < r; j++)
        {
            for (var k = 0; k < c; k++) { readerMeans[j] += d[j, k] / c; caseMeans[k] += d[j, k] / r; }
        }
        var msR = c * readerMeans.Sum(m => (m - mean) * (m - mean)) / (r - 1);
        var msC = r * caseMeans.Sum(m => (m - mean) * (m - mean)) / (c - 1);
        double ssE = 0;
        for (var j = 0; j < r; j++)
        {
            for (var k = 0; k < c; k++)
            {
                var e = d[j, k] - readerMeans[j] - caseMeans[k] + mean;
                ssE += e * e;
            }
        }
        var msE = ssE / ((r - 1.0) * (c - 1.0));
        var readerVar = Math.Max(0, (msR - msE) / c);
        var caseVar = Math.Max(0, (msC - msE) / r);
        // r·c·Var(mean) = a_R·MS_R + a_C·MS_C + a_E·MS_E, the coefficients set by which components were truncated.
        var (aR, aC, aE) = (msR > msE, msC > msE) switch
        {
            (true, true) => (1.0, 1.0, -1.0),
            (true, false) => (1.0, 0.0, 0.0),
            (false, true) => (0.0, 1.0, 0.0),
            _ => (0.0, 0.0, 1.0),
        };
        var combined = aR * msR + aC * msC + aE * msE;
        var denominator = aR * aR * msR * msR / (r - 1) + aC * aC * msC * msC / (c - 1) + aE * aE * msE * msE / ((r - 1.0) * (c - 1.0));
        var df = denominator > 0 ? combined * combined / denominator : double.PositiveInfinity;
        return (combined / (r * c), df, readerVar, caseVar, msE, null);
    }

}
