using System.Globalization;
using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// Multi-reader multi-case (MRMC) analysis of empirical AUCs by the Obuchowski–Rockette (1995) model, with readers and
/// cases both random: the denominator constrained as in Hillis (2007, Stat Med 26:596–619) and Hillis's (2008, Stat Med
/// 27:5323–5337) denominator degrees of freedom. The error covariances come from the jackknife over cases, which makes
/// the analysis identical to Dorfman–Berbaum–Metz with Hillis's corrections. Every reader must read every case in every
/// modality (a fully crossed design).
/// </summary>
public static class ObuchowskiRockette
{
    /// <summary>
    /// Why the analysis cannot run for <paramref name="readers"/> readers on cases with these <paramref name="truth"/>
    /// labels, or null when it can: it needs two readers (MS(R) divides by r − 1) and two diseased and two non-diseased
    /// cases (every leave-one-case-out AUC must exist).
    /// </summary>
    public static string? WhyUndefined(int readers, IReadOnlyList<bool> truth)
    {
        var diseased = truth.Count(t => t);
        var healthy = truth.Count - diseased;
        if (readers < 2) return $"{readers} reader(s): the reader variance needs at least two readers";
        if (diseased < 2 || healthy < 2) return $"{diseased} diseased and {healthy} non-diseased cases: the case jackknife needs at least two of each";
        return null;
    }

    /// <summary>
    /// Analyses <paramref name="scores"/>[modality, reader], each holding one score per case in the order of
    /// <paramref name="truth"/> (higher = more likely diseased).
    /// </summary>
    /// <exception cref="ArgumentException">Names and the score grid disagree, a score list has the wrong length or a non-finite score,
    /// or <see cref="WhyUndefined"/> gives a reason.</exception>
    public static MrmcResult Analyse(IReadOnlyList<string> modalities, IReadOnlyList<string> readers, IReadOnlyList<double>[,] scores, IReadOnlyList<bool> truth, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        int t = modalities.Count, r = readers.Count, n = truth.Count;
        if (scores.GetLength(0) != t || scores.GetLength(1) != r)
        {
            throw new ArgumentException($"the score grid is {scores.GetLength(0)} × {scores.GetLength(1)} but there are {t} modalities and {r} readers", nameof(scores));
        }
        if (t < 1) throw new ArgumentException("no modality", nameof(modalities));
        if (WhyUndefined(r, truth) is { } reason) throw new ArgumentException(reason, nameof(truth));
        var auc = new double[t, r];
        var pseudo = new double[t, r][];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < r; j++)
            {
                if (scores[i, j].Count != n) throw new ArgumentException($"{modalities[i]}, {readers[j]}: {scores[i, j].Count} scores for {n} cases", nameof(scores));
                (auc[i, j], pseudo[i, j]) = LeaveOneCaseOut(scores[i, j], truth);
            }
        }
        var covariances = Covariances(pseudo, t, r, n);
        return Assemble(modalities, readers, n, auc, covariances, level);
    }

    // The empirical AUC and its n leave-one-case-out values, from DeLong's placement values in O(n log n): leaving out
    // diseased case k gives (m·AUC − V10ₖ)/(m − 1); leaving out non-diseased case l gives (n·AUC − V01ₗ)/(n − 1).
    private static (double Auc, double[] LeaveOneOut) LeaveOneCaseOut(IReadOnlyList<double> scores, IReadOnlyList<bool> truth)
    {
        var placements = PlacementValues.Compute(scores, truth);
        double m = placements.Diseased.Length, h = placements.NonDiseased.Length, auc = placements.Auc;
        var values = new double[truth.Count];
        int d = 0, u = 0;
        for (var k = 0; k < truth.Count; k++)
        {
            values[k] = truth[k]
                ? (m * auc - placements.Diseased[d++]) / (m - 1)
                : (h * auc - placements.NonDiseased[u++]) / (h - 1);
        }
        return (auc, values);
    }

    private sealed record CovarianceAverages(double Var, double? Cov1, double Cov2, double? Cov3, double[] Cov2ByModality);

    // Jackknife covariance (n − 1)/n · Σₖ (θa₍ₖ₎ − θ̄a)(θb₍ₖ₎ − θ̄b), averaged over the four kinds of pairs.
    private static CovarianceAverages Covariances(double[,][] pseudo, int t, int r, int n)
    {
        var centred = new double[t, r][];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < r; j++)
            {
                var mean = pseudo[i, j].Average();
                centred[i, j] = pseudo[i, j].Select(v => v - mean).ToArray();
            }
        }
        double Cov(int i, int j, int i2, int j2)
        {
            double sum = 0;
            var a = centred[i, j];
            var b = centred[i2, j2];
            for (var k = 0; k < n; k++) sum += a[k] * b[k];
            return (n - 1.0) / n * sum;
        }
        double var = 0, cov1 = 0, cov2 = 0, cov3 = 0;
        var cov2ByModality = new double[t];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < r; j++)
            {
                for (var i2 = 0; i2 < t; i2++)
                {
                    for (var j2 = 0; j2 < r; j2++)
                    {
                        var c = Cov(i, j, i2, j2);
                        if (i == i2 && j == j2) var += c;
                        else if (j == j2) cov1 += c;
                        else if (i == i2) { cov2 += c; cov2ByModality[i] += c; }
                        else cov3 += c;
                    }
                }
            }
        }
        for (var i = 0; i < t; i++) cov2ByModality[i] /= r * (r - 1.0);
        return new CovarianceAverages(
            var / (t * r),
            t > 1 ? cov1 / (t * (t - 1.0) * r) : null,
            cov2 / (t * r * (r - 1.0)),
            t > 1 ? cov3 / (t * (t - 1.0) * r * (r - 1.0)) : null,
            cov2ByModality);
    }

    private static MrmcResult Assemble(IReadOnlyList<string> modalities, IReadOnlyList<string> readers, int cases, double[,] auc, CovarianceAverages c, double level)
    {
        int t = modalities.Count, r = readers.Count;
        var modalityMeans = Enumerable.Range(0, t).Select(i => Enumerable.Range(0, r).Average(j => auc[i, j])).ToArray();
        var readerMeans = Enumerable.Range(0, r).Select(j => Enumerable.Range(0, t).Average(i => auc[i, j])).ToArray();
        var grand = modalityMeans.Average();
        var msR = t * readerMeans.Sum(m => (m - grand) * (m - grand)) / (r - 1);
        var caveats = new List<string>();
        var single = Enumerable.Range(0, t).Select(i => Single(modalities[i], Enumerable.Range(0, r).Select(j => auc[i, j]).ToArray(), c.Cov2ByModality[i], level)).ToList();
        // The t interval is symmetric and not range-respecting; it is reported as computed (as MRMCaov and RJafroc do), with a note.
        foreach (var m in single.Where(m => m.Interval.Lower < 0 || m.Interval.Upper > 1))
        {
            caveats.Add(string.Create(CultureInfo.InvariantCulture, $"the interval of {m.Name} ({m.Interval.Lower:0.000}–{m.Interval.Upper:0.000}) reaches beyond [0, 1]: the AUC is near its bound and the symmetric t interval ignores that"));
        }
        if (t == 1)
        {
            var components = new MrmcVarianceComponents(msR - c.Var + c.Cov2, null, c.Var, null, c.Cov2, null);
            return new MrmcResult(readers, cases, single, components, 0, 0, null, [], caveats);
        }
        var msT = r * modalityMeans.Sum(m => (m - grand) * (m - grand)) / (t - 1);
        double interaction = 0;
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < r; j++)
            {
                var e = auc[i, j] - modalityMeans[i] - readerMeans[j] + grand;
                interaction += e * e;
            }
        }
        var msTR = interaction / ((t - 1.0) * (r - 1.0));
        var cov1 = c.Cov1!.Value;
        var cov3 = c.Cov3!.Value;
        if (c.Cov2 < cov3) caveats.Add(string.Create(CultureInfo.InvariantCulture, $"Cov2 ({c.Cov2:G4}) is below Cov3 ({cov3:G4}); as Hillis (2007) prescribes, Cov2 − Cov3 is taken as 0 in the denominator"));
        var denominator = msTR + r * Math.Max(c.Cov2 - cov3, 0);
        var ddf = msTR > 0 ? denominator * denominator / (msTR * msTR / ((t - 1.0) * (r - 1.0))) : double.PositiveInfinity;
        if (double.IsPositiveInfinity(ddf) && denominator > 0) caveats.Add("MS(T:R) is 0, so the denominator degrees of freedom are infinite (a normal or chi-square reference)");
        MrmcTest test;
        if (denominator > 0)
        {
            var f = msT / denominator;
            var p = double.IsPositiveInfinity(ddf) ? 1 - ChiSquared.CDF(t - 1, f * (t - 1)) : 1 - FisherSnedecor.CDF(t - 1, ddf, f);
            test = new MrmcTest(f, t - 1, ddf, p, null);
        }
        else
        {
            test = new MrmcTest(null, t - 1, ddf, null, "MS(T:R) and Cov2 − Cov3 are both 0: the F statistic's denominator is 0");
        }
        var differences = new List<MrmcDifference>();
        var se = Math.Sqrt(2.0 / r * denominator);
        for (var a = 0; a < t; a++)
        {
            for (var b = a + 1; b < t; b++)
            {
                var estimate = modalityMeans[a] - modalityMeans[b];
                var half = TQuantile(ddf, level) * se;
                double? tStat = se > 0 ? estimate / se : null;
                double? p = tStat is { } ts ? 2 * UpperTail(ddf, Math.Abs(ts)) : null;
                differences.Add(new MrmcDifference(modalities[a], modalities[b], estimate, se, ddf, tStat, p,
                    new ConfidenceInterval(estimate - half, estimate + half, level, "obuchowski-rockette-hillis")));
            }
        }
        // Expected mean squares (Hillis 2005): E[MS(T:R)] = σ²_TR + Var − Cov1 − Cov2 + Cov3 and
        // E[MS(R)] = t·σ²_R + σ²_TR + Var + (t − 1)·Cov1 − Cov2 − (t − 1)·Cov3.
        var varTR = msTR - c.Var + cov1 + c.Cov2 - cov3;
        var varianceComponents = new MrmcVarianceComponents(
            (msR - varTR - c.Var - (t - 1) * cov1 + c.Cov2 + (t - 1) * cov3) / t, varTR, c.Var, cov1, c.Cov2, cov3);
        return new MrmcResult(readers, cases, single, varianceComponents, msT, msTR, test, differences, caveats);
    }

    // Hillis (2007): one modality's mean AUC with its own MS(R) and Cov2, SE √((MS(R) + r·max(Cov2, 0))/r).
    private static MrmcModality Single(string name, double[] aucs, double cov2, double level)
    {
        var r = aucs.Length;
        var mean = aucs.Average();
        var msR = aucs.Sum(a => (a - mean) * (a - mean)) / (r - 1);
        var total = msR + r * Math.Max(cov2, 0);
        var df = msR > 0 ? total * total / (msR * msR / (r - 1)) : double.PositiveInfinity;
        var se = Math.Sqrt(total / r);
        var half = TQuantile(df, level) * se;
        return new MrmcModality(name, mean, aucs, msR, cov2, se, df, new ConfidenceInterval(mean - half, mean + half, level, "obuchowski-rockette-hillis"));
    }

    internal static double TQuantile(double df, double level) => double.IsPositiveInfinity(df)
        ? ProportionIntervals.TwoSidedZ(level)
        : StudentT.InvCDF(0, 1, df, 1 - (1 - level) / 2);

    internal static double UpperTail(double df, double x) => double.IsPositiveInfinity(df)
        ? Normal.CDF(0, 1, -x)
        : StudentT.CDF(0, 1, df, -x);
}
