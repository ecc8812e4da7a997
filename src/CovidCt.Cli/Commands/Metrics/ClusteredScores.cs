using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>metrics scores</c> adds when the file has a patient column: Obuchowski's clustered AUC interval and the
/// per-image sensitivity and specificity at the operating point with Rao–Scott clustered intervals.
/// </summary>
internal sealed record ClusteredScores(ClusteredAucResult? Auc, string? AucUndefined, ClusteredProportionResult? Sensitivity, ClusteredProportionResult? Specificity)
{
    public static ClusteredScores Compute(double[] scores, bool[] labels, string[] patients, double? threshold, double level)
    {
        var auc = ClusteredAuc.Compute(scores, labels, patients, level);
        if (threshold is not { } t) return new(auc, ClusteredAuc.WhyUndefined(labels, patients), null, null);
        var decisions = scores.Select(s => s >= t).ToArray();
        return new(auc, ClusteredAuc.WhyUndefined(labels, patients),
            ClusteredProportion.Sensitivity(labels, decisions, patients, level), ClusteredProportion.Specificity(labels, decisions, patients, level));
    }
}
