using CovidCt.Metrics;

namespace CovidCt.Reporting.Files;

/// <summary>An estimate: numerator/denominator, value, why it is undefined (or null), and its interval (or null).</summary>
/// <param name="Numerator">The numerator.</param>
/// <param name="Denominator">The denominator.</param>
/// <param name="Value">The value; null when undefined.</param>
/// <param name="Undefined">Why there is no value; null when defined.</param>
/// <param name="Ci">The confidence interval; null when there is none.</param>
public sealed record EstimateDocument(double Numerator, double Denominator, double? Value, string? Undefined, IntervalDocument? Ci)
{
    /// <summary>The document of <paramref name="estimate"/>.</summary>
    public static EstimateDocument Of(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new(estimate.Numerator, estimate.Denominator, estimate.Value, estimate.UndefinedReason, IntervalDocument.Of(estimate.Interval));
    }

    /// <summary>Every metric of <paramref name="metrics"/> by key, in <see cref="DiagnosticMetrics.All"/> order.</summary>
    public static IReadOnlyDictionary<string, EstimateDocument> All(DiagnosticMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var all = new OrderedDictionary<string, EstimateDocument>(StringComparer.Ordinal);
        foreach (var (key, estimate) in metrics.All) all.Add(key, Of(estimate));
        return all;
    }
}

/// <summary>A confidence interval.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
/// <param name="Method">The method, e.g. <c>wilson</c> or <c>delong</c>.</param>
public sealed record IntervalDocument(double Lower, double Upper, double Level, string Method)
{
    /// <summary>The document of <paramref name="interval"/>; null for null.</summary>
    public static IntervalDocument? Of(ConfidenceInterval? interval) =>
        interval is null ? null : new(interval.Lower, interval.Upper, interval.Level, interval.Method);
}

/// <summary>A confusion table.</summary>
/// <param name="Tp">True positives.</param>
/// <param name="Fp">False positives.</param>
/// <param name="Tn">True negatives.</param>
/// <param name="Fn">False negatives.</param>
public sealed record CountsDocument(long Tp, long Fp, long Tn, long Fn)
{
    /// <summary>The document of <paramref name="counts"/>.</summary>
    public static CountsDocument Of(ConfusionCounts counts) => new(counts.TruePositives, counts.FalsePositives, counts.TrueNegatives, counts.FalseNegatives);
}

/// <summary>McNemar's exact test of two decisions on the same cases.</summary>
/// <param name="Cases">The paired cases.</param>
/// <param name="OnlyACorrect">Cases only model A got right.</param>
/// <param name="OnlyBCorrect">Cases only model B got right.</param>
/// <param name="PValue">Two-sided exact p.</param>
/// <param name="MidPValue">Two-sided mid-p.</param>
public sealed record McNemarDocument(long Cases, long OnlyACorrect, long OnlyBCorrect, double PValue, double MidPValue)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static McNemarDocument Of(McNemarResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Cases, result.OnlyACorrect, result.OnlyBCorrect, result.PValue, result.MidPValue);
    }
}

/// <summary>The paired DeLong test of two AUCs on the same cases; every number null, with <see cref="Undefined"/> saying why, when it is undefined.</summary>
/// <param name="AucA">AUC of model A.</param>
/// <param name="AucB">AUC of model B.</param>
/// <param name="VarianceA">Variance of AUC A.</param>
/// <param name="VarianceB">Variance of AUC B.</param>
/// <param name="Covariance">Covariance of the two AUCs.</param>
/// <param name="Difference">AUC A − AUC B.</param>
/// <param name="Z">The z statistic.</param>
/// <param name="PValue">Two-sided p.</param>
/// <param name="DifferenceCi">The interval of the difference.</param>
/// <param name="Undefined">Why there is no test; null when there is one.</param>
public sealed record DeLongDocument(double? AucA, double? AucB, double? VarianceA, double? VarianceB, double? Covariance, double? Difference, double? Z,
    double? PValue, IntervalDocument? DifferenceCi, string? Undefined)
{
    /// <summary>The document of <paramref name="paired"/>, or of its absence for <paramref name="undefinedReason"/>.</summary>
    public static DeLongDocument Of(PairedDeLongResult? paired, string? undefinedReason) => paired is null
        ? new(null, null, null, null, null, null, null, null, null, undefinedReason)
        : new(paired.AucA, paired.AucB, paired.VarianceA, paired.VarianceB, paired.Covariance, paired.Difference, paired.Z, paired.PValue,
            IntervalDocument.Of(paired.DifferenceInterval), null);
}
