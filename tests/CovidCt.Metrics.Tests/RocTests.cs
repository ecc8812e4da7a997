using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class RocTests
{
    // Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating characteristic
    // (ROC) curve. Radiology 1982;143:29–36, Table 1: CT images rated on a five-point scale
    // (1 definitely normal … 5 definitely abnormal). Normal: 33, 6, 6, 11, 2; abnormal: 3, 2, 2, 11, 33.
    // Published area 0.893 (Mann–Whitney, ties 1/2).
    [Fact]
    public void Auc_of_Hanley_McNeil_1982_rating_data_is_0_893()
    {
        var (scores, labels) = Ratings([33, 6, 6, 11, 2], [3, 2, 2, 11, 33]);
        var roc = Roc.FromScores(labels: labels, scores: scores);
        Assert.Equal(0.893, Math.Round(roc.Auc.Value!.Value, 3));
        Assert.Equal(58.0 * 51, roc.Auc.Denominator);
        // Five rating categories: the +∞ start plus one step per category.
        Assert.Equal(6, roc.Points.Count);
    }

    [Fact]
    public void Auc_of_reversed_scores_is_one_minus_auc() =>
        Properties.Check(Properties.ScoredCases, d =>
        {
            var auc = Roc.FromScores(labels: d.Labels, scores: d.Scores).Auc;
            var reversed = Roc.FromScores(labels: d.Labels, scores: d.Scores.Select(s => -s).ToArray()).Auc;
            if (auc.Value is null) return reversed.Value is null;
            return Math.Abs(auc.Value.Value + reversed.Value!.Value - 1) < 1e-12;
        });

    [Fact]
    public void Auc_equals_the_mean_of_pairwise_comparisons() =>
        Properties.Check(Properties.ScoredBothClasses, d =>
        {
            var pos = d.Scores.Where((_, i) => d.Labels[i]).ToArray();
            var neg = d.Scores.Where((_, i) => !d.Labels[i]).ToArray();
            var direct = pos.Sum(x => neg.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0.0)) / (pos.Length * neg.Length);
            return Math.Abs(Roc.FromScores(labels: d.Labels, scores: d.Scores).Auc.Value!.Value - direct) < 1e-12;
        });

    [Fact]
    public void Auc_without_one_class_is_undefined()
    {
        var roc = Roc.FromScores(labels: [true, true], scores: [0.1, 0.9]);
        Assert.Null(roc.Auc.Value);
        Assert.Contains("no non-diseased", roc.Auc.UndefinedReason);
        // The reason is the cause only; whoever prints it says "AUC undefined" once.
        Assert.DoesNotContain("AUC undefined", roc.Auc.UndefinedReason);
        Assert.Null(roc.DeLong);
        Assert.Null(roc.YoudenOptimal());
        // An undefined curve has no points, so every point's rates are plain numbers; the class sizes stay readable.
        Assert.Empty(roc.Points);
        Assert.Equal((2L, 0L, 0), (roc.Diseased, roc.NonDiseased, roc.DistinctThresholds));
    }

    [Fact]
    public void Labels_come_first_as_in_scikit_learn_and_points_carry_plain_rates()
    {
        // sklearn.metrics.roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]): fpr 0, 0, 0.5, 0.5, 1; tpr 0, 0.5, 0.5, 1, 1; AUC 0.75.
        var roc = Roc.FromScores(labels: [false, false, true, true], scores: [0.1, 0.4, 0.35, 0.8]);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.Points.Select(p => p.FalsePositiveRate));
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Points.Select(p => p.Sensitivity));
        Assert.Equal(0.75, roc.Auc.Value);
        Assert.Equal((2L, 2L, 4), (roc.Diseased, roc.NonDiseased, roc.DistinctThresholds));
    }

    [Fact]
    public void Operating_points_pick_the_best_admissible_threshold()
    {
        // Diseased 0.9, 0.8, 0.4; non-diseased 0.7, 0.3, 0.2.
        var roc = Roc.FromScores(labels: [true, true, true, false, false, false], scores: [0.9, 0.8, 0.4, 0.7, 0.3, 0.2]);
        // Threshold 0.8: sens 2/3, spec 1 (J 2/3); threshold 0.4: sens 1, spec 2/3 (J 2/3): the higher threshold wins ties.
        Assert.Equal(0.8, roc.YoudenOptimal()!.Threshold);
        Assert.Equal(0.4, roc.BestSpecificityAtSensitivity(1.0)!.Threshold);
        Assert.Equal(0.8, roc.BestSensitivityAtSpecificity(1.0)!.Threshold);
        Assert.Null(roc.BestSensitivityAtSpecificity(1.1));
    }

    private static (double[] Scores, bool[] Labels) Ratings(int[] normal, int[] abnormal)
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        for (var rating = 0; rating < normal.Length; rating++)
        {
            scores.AddRange(Enumerable.Repeat(rating + 1.0, normal[rating] + abnormal[rating]));
            labels.AddRange(Enumerable.Repeat(false, normal[rating]).Concat(Enumerable.Repeat(true, abnormal[rating])));
        }
        return (scores.ToArray(), labels.ToArray());
    }
}
