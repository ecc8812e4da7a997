using System.Globalization;

namespace CovidCt.Metrics;

/// <summary>
/// The JAFROC figures of merit of a lesion detector (Chakraborty and Berbaum 2004, "Observer studies involving detection
/// and localization", Med Phys 31:2313–2330; Chakraborty 2017, <i>Observer Performance Methods for Diagnostic Imaging</i>,
/// chapter 13), with a case-level jackknife interval and a paired comparison of two detectors.
/// </summary>
/// <remarks>
/// <para>
/// Each lesion's rating (the highest score of a mark that hits it; −∞ unmarked) is compared with the highest non-lesion
/// mark on each normal case (−∞ without a mark): ψ = 1 when the lesion's rating is higher, ½ when equal, 0 when lower.
/// The AFROC figure averages ψ over all (normal case, lesion) pairs; the weighted AFROC (wAFROC) weights each lesion so
/// that every diseased case counts once: θ = Σ_k Σ_l w_l ψ / (normal cases × diseased cases). Marks on diseased cases
/// that hit no lesion do not enter either figure. These are RJafroc's <c>"AFROC"</c> and <c>"wAFROC"</c> figures.
/// </para>
/// <para>
/// Edge cases: without a normal case, or without a lesion, the figure is undefined with the reason (the AFROC1 variants
/// that use diseased cases' marks are not computed). A lesion and a normal case both unmarked tie at −∞ and count ½, so a
/// detector that marks nothing scores ½, not 0. The interval is the jackknife's: each cluster (patient, or case when
/// cases are independent) is left out once; variance (n−1)/n Σ(θ₋ₚ − θ̄)²; θ ± t(n−1) × SE, clipped to [0, 1]. It is
/// undefined with fewer than two clusters, or when leaving a cluster out leaves no normal case or no lesion.
/// </para>
/// </remarks>
public static class Jafroc
{
    /// <summary>The figure of merit of <paramref name="cases"/> with its jackknife interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">A case id repeats or is empty, a score is not finite, or a case's lesion weights are partial, not positive or do not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static JafrocResult Compute(IReadOnlyList<FreeResponseCase> cases, JafrocFigure figure = JafrocFigure.WeightedAfroc, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        var data = JafrocData.From(cases, figure);
        return Result(data, figure, level, out _);
    }

    /// <summary>
    /// Detector A against detector B on the same cases (the same ids, clusters, lesions and weights; marks differ): the
    /// difference of their figures with the paired jackknife's interval and t test.
    /// </summary>
    /// <exception cref="ArgumentException">The two sets of cases differ in their truth, or either fails <see cref="Compute"/>'s checks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static JafrocComparison Compare(IReadOnlyList<FreeResponseCase> casesA, IReadOnlyList<FreeResponseCase> casesB, JafrocFigure figure = JafrocFigure.WeightedAfroc, double level = 0.95)
    {
        ProportionIntervals.CheckLevel(level);
        ArgumentNullException.ThrowIfNull(casesA);
        ArgumentNullException.ThrowIfNull(casesB);
        var byId = casesA.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var alignedB = casesB.Select(c => SameTruth(byId, c)).ToArray();
        if (casesA.Count != casesB.Count)
        {
            var missing = casesA.Select(c => c.Id).Except(casesB.Select(c => c.Id), StringComparer.Ordinal).First();
            throw new ArgumentException($"case '{missing}' is in A but not in B; both detectors must be rated on the same cases", nameof(casesB));
        }
        var dataA = JafrocData.From(casesA, figure);
        var dataB = JafrocData.From(alignedB.Select(c => c.b).ToArray(), figure);
        var a = Result(dataA, figure, level, out var sumsA);
        var b = Result(dataB, figure, level, out var sumsB);
        var df = dataA.ClusterNames.Length - 1;
        if (a.FigureOfMerit.UndefinedReason is { } undefined) return Undefined(a, b, df, undefined);
        if (a.IntervalUndefinedReason is { } noInterval) return Undefined(a, b, df, noInterval);
        // Clusters are numbered in order of first appearance, so B's numbering follows A's only when B lists cases in A's order.
        var clusterOfB = dataB.ClusterNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var differences = dataA.ClusterNames.Select((name, p) => sumsA.LeaveOut(p) - sumsB.LeaveOut(clusterOfB[name])).ToArray();
        var difference = sumsA.FigureOfMerit - sumsB.FigureOfMerit;
        var se = Math.Sqrt(JackknifeVariance(differences));
        List<string> caveats = [];
        double t;
        if (se == 0)
        {
            t = difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity;
            caveats.Add("the jackknife variance of the difference is 0 (every leave-one-out difference is equal), so the interval has zero width and the test is degenerate");
        }
        else
        {
            t = difference / se;
        }
        var p = Math.Min(1, 2 * ObuchowskiRockette.UpperTail(df, Math.Abs(t)));
        var half = ObuchowskiRockette.TQuantile(df, level) * se;
        return new JafrocComparison(a, b, difference, se, df, t, p, new ConfidenceInterval(difference - half, difference + half, level, "jackknife"), null, caveats);
    }

    private static JafrocComparison Undefined(JafrocResult a, JafrocResult b, int df, string reason) =>
        new(a, b, null, null, df, null, null, null, reason, []);

    /// <summary>B's case after checking that it has A's truth: the same id, cluster, lesion count and weights.</summary>
    private static (FreeResponseCase a, FreeResponseCase b) SameTruth(Dictionary<string, FreeResponseCase> byId, FreeResponseCase b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (!byId.TryGetValue(b.Id, out var a)) throw new ArgumentException($"case '{b.Id}' is in B but not in A; both detectors must be rated on the same cases", nameof(b));
        if (!string.Equals(a.Cluster, b.Cluster, StringComparison.Ordinal))
        {
            throw new ArgumentException($"case '{b.Id}' belongs to cluster '{a.Cluster}' in A but '{b.Cluster}' in B", nameof(b));
        }
        if (a.Lesions.Count != b.Lesions.Count)
        {
            throw new ArgumentException($"case '{b.Id}' has {a.Lesions.Count} lesion(s) in A but {b.Lesions.Count} in B; the truth must be the same", nameof(b));
        }
        for (var l = 0; l < a.Lesions.Count; l++)
        {
            if (a.Lesions[l].Weight != b.Lesions[l].Weight) throw new ArgumentException($"case '{b.Id}', lesion {l + 1}: its weight differs between A and B", nameof(b));
        }
        return (a, b);
    }

    private static JafrocResult Result(JafrocData data, JafrocFigure figure, double level, out JafrocSums sums)
    {
        sums = JafrocSums.Compute(data);
        int normals = data.NormalScores.Length, lesions = data.LesionScores.Length, clusters = data.ClusterNames.Length;
        var whyUndefined = normals == 0
            ? "no normal case (a case without lesions): the AFROC's false-positive side is the highest mark on each normal case"
            : lesions == 0 ? "no lesion: the AFROC's true-positive side is the rating of each lesion" : null;
        if (whyUndefined is not null)
        {
            return new JafrocResult(figure, Estimate.Undefined(sums.Total, normals * sums.Weight, whyUndefined), normals, data.DiseasedCases, lesions, data.UnmarkedLesions,
                clusters, null, whyUndefined, []);
        }
        var fom = sums.FigureOfMerit;
        var whyNoInterval = WhyNoInterval(data, sums);
        if (whyNoInterval is not null)
        {
            return new JafrocResult(figure, Estimate.Defined(sums.Total, normals * sums.Weight, fom), normals, data.DiseasedCases, lesions, data.UnmarkedLesions,
                clusters, null, whyNoInterval, []);
        }
        var se = Math.Sqrt(JackknifeVariance([.. Enumerable.Range(0, clusters).Select(sums.LeaveOut)]));
        var half = ObuchowskiRockette.TQuantile(clusters - 1, level) * se;
        var interval = new ConfidenceInterval(Math.Max(0, fom - half), Math.Min(1, fom + half), level, "jackknife");
        IReadOnlyList<string> caveats = se == 0
            ? ["the jackknife variance is 0 (every leave-one-out figure is equal), so the interval has zero width; the figure is not known exactly"]
            : [];
        return new JafrocResult(figure, Estimate.Defined(sums.Total, normals * sums.Weight, fom, interval), normals, data.DiseasedCases, lesions, data.UnmarkedLesions,
            clusters, se, null, caveats);
    }

    private static string? WhyNoInterval(JafrocData data, JafrocSums sums)
    {
        var clusters = data.ClusterNames.Length;
        if (clusters < 2) return $"{clusters} cluster: the jackknife needs at least 2";
        for (var p = 0; p < clusters; p++)
        {
            if (sums.LeaveOutNormals[p] == 0) return $"leaving out '{data.ClusterNames[p]}' leaves no normal case, so the jackknife is undefined";
            if (sums.LeaveOutWeight[p] == 0) return $"leaving out '{data.ClusterNames[p]}' leaves no lesion, so the jackknife is undefined";
        }
        return null;
    }

    /// <summary>The jackknife variance (n−1)/n Σ(xᵢ − x̄)² of leave-one-out values.</summary>
    internal static double JackknifeVariance(IReadOnlyList<double> leaveOneOut)
    {
        var n = leaveOneOut.Count;
        var mean = leaveOneOut.Average();
        return (n - 1.0) / n * leaveOneOut.Sum(x => (x - mean) * (x - mean));
    }

    /// <summary>The figure's short name in output: <c>wAFROC</c> or <c>AFROC</c>.</summary>
    public static string Name(JafrocFigure figure) => figure switch
    {
        JafrocFigure.WeightedAfroc => "wAFROC",
        JafrocFigure.Afroc => "AFROC",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, string.Format(CultureInfo.InvariantCulture, "expected {0} or {1}", JafrocFigure.WeightedAfroc, JafrocFigure.Afroc)),
    };
}
