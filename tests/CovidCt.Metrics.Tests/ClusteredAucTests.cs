using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class ClusteredAucTests
{
    // Six patients, 15 slices, one tie across patients (0.6); reference values from References/clustered.py, an
    // independent O(n²) exact-fraction implementation of Obuchowski (1997), eqs. for S10, S01, S11 and the covariance.
    internal static readonly string[] Patients = ["p1", "p1", "p1", "p2", "p2", "p2", "p3", "p3", "p4", "p4", "p5", "p5", "p5", "p6", "p6"];
    internal static readonly bool[] Labels = [true, true, false, true, false, false, false, false, true, true, true, false, false, false, true];
    internal static readonly double[] ScoresA = [0.9, 0.8, 0.3, 0.7, 0.4, 0.2, 0.6, 0.5, 0.85, 0.65, 0.35, 0.1, 0.45, 0.55, 0.6];
    internal static readonly double[] ScoresB = [0.7, 0.9, 0.5, 0.6, 0.2, 0.3, 0.4, 0.6, 0.8, 0.5, 0.45, 0.1, 0.35, 0.65, 0.55];

    [Fact]
    public void Variance_matches_the_exact_fraction_reference()
    {
        var result = ClusteredAuc.Compute(ScoresA, Labels, Patients)!;
        Assert.Equal(101.0 / 112, result.Auc, 15);
        Assert.Equal(3912071.0 / 393379840, result.Variance, 15);
        Assert.Equal((6, 7, 8), (result.Clusters, result.Diseased, result.NonDiseased));
        Assert.Equal("obuchowski", result.PlainInterval.Method);
    }

    [Fact]
    public void Paired_covariance_matches_the_exact_fraction_reference()
    {
        var paired = ClusteredAuc.Paired(ScoresA, ScoresB, Labels, Patients);
        Assert.Equal(47.0 / 56, paired.AucB, 15);
        Assert.Equal(3912071.0 / 393379840, paired.VarianceA, 15);
        Assert.Equal(939467.0 / 98344960, paired.VarianceB, 15);
        Assert.Equal(112843.0 / 39337984, paired.Covariance, 15);
        Assert.Equal("obuchowski", paired.DifferenceInterval.Method);
    }

    // Obuchowski (1997) reduces to DeLong et al. (1988) when every cluster holds one unit: S11 vanishes and
    // I10/((I10 − 1)M) becomes 1/(M − 1). DeLong itself agrees with pROC to 1e-11 (DeLongTests).
    [Fact]
    public void One_unit_per_cluster_is_exactly_DeLong() =>
        Properties.Check(Properties.ScoredBothClasses, d =>
        {
            var singletons = d.Scores.Select((_, i) => $"u{i}").ToArray();
            var clustered = ClusteredAuc.Compute(d.Scores, d.Labels, singletons);
            var delong = DeLong.Compute(d.Scores, d.Labels);
            if (clustered is null || delong is null) return clustered is null && delong is null;
            var other = d.Scores.Select((s, i) => (s * 7 + i) % 3).ToArray();
            var pairedClustered = ClusteredAuc.Paired(d.Scores, other, d.Labels, singletons);
            var paired = DeLong.Paired(d.Scores, other, d.Labels);
            return Math.Abs(clustered.Variance - delong.Variance) < 1e-15
                && Math.Abs(pairedClustered.Covariance - paired.Covariance) < 1e-15
                && Math.Abs(pairedClustered.PValue - paired.PValue) < 1e-12;
        });

    [Fact]
    public void Perfectly_correlated_slices_of_a_patient_inflate_the_variance()
    {
        // Each patient's slices are copies: the information is that of the patients alone, so the design effect is large.
        var patients = ScoresA.Select((_, i) => $"p{i}").SelectMany(p => new[] { p, p, p, p }).ToArray();
        var scores = ScoresA.SelectMany(s => new[] { s, s, s, s }).ToArray();
        var labels = Labels.SelectMany(l => new[] { l, l, l, l }).ToArray();
        var result = ClusteredAuc.Compute(scores, labels, patients)!;
        Assert.True(result.DesignEffect > 3, $"design effect {result.DesignEffect}");
    }

    [Fact]
    public void One_cluster_with_diseased_units_is_undefined_with_a_reason()
    {
        string[] patients = ["a", "a", "b", "c"];
        bool[] labels = [true, true, false, false];
        Assert.Null(ClusteredAuc.Compute([0.9, 0.8, 0.1, 0.2], labels, patients));
        Assert.Contains("1 cluster(s) hold a diseased unit", ClusteredAuc.WhyUndefined(labels, patients));
        Assert.Throws<ArgumentException>(() => ClusteredAuc.Paired([0.9, 0.8, 0.1, 0.2], [0.9, 0.8, 0.1, 0.2], labels, patients));
    }

    [Fact]
    public void Lists_of_different_lengths_are_rejected() =>
        Assert.Throws<ArgumentException>(() => ClusteredAuc.Compute([0.9, 0.1], [true, false], ["a"]));
}
