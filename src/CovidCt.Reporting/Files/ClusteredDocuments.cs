using CovidCt.Metrics;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Reporting.Files;

/// <summary>The per-image intervals clustered by patient (metrics.json <c>per_image.clustered</c>), beside the plain ones of <c>per_image.metrics</c> and <c>per_image.auc</c>.</summary>
/// <param name="Method">The methods in one line.</param>
/// <param name="Patients">Patients contributing slices with a known truth.</param>
/// <param name="AucClustered">The AUC with Obuchowski's clustered interval (the default) beside DeLong's plain one.</param>
/// <param name="Sensitivity">Per-slice sensitivity, clustered interval beside the naive Wilson one.</param>
/// <param name="Specificity">Per-slice specificity, clustered interval beside the naive Wilson one.</param>
/// <param name="Caveats">What to keep in mind: an undefined variance, a floored design effect, few patients.</param>
public sealed record ClusteredImageDocument(string Method, int Patients, ClusteredAucDocument AucClustered, ClusteredProportionDocument Sensitivity,
    ClusteredProportionDocument Specificity, IReadOnlyList<string> Caveats)
{
    /// <summary>The document of <paramref name="table"/>, with DeLong's <paramref name="plainAuc"/> interval beside the clustered one.</summary>
    public static ClusteredImageDocument Of(ClusteredImageTable table, ConfidenceInterval? plainAuc)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table.Method, table.Patients, ClusteredAucDocument.Of(table.Auc, table.AucUndefined, plainAuc), ClusteredProportionDocument.Of(table.Sensitivity),
            ClusteredProportionDocument.Of(table.Specificity), table.Caveats);
    }
}

/// <summary>An AUC with Obuchowski's clustered interval; every number null, with <see cref="Undefined"/> saying why, when the clustered variance is undefined.</summary>
/// <param name="Auc">The AUC (the same number as the unclustered one).</param>
/// <param name="CiClustered">Obuchowski's interval, AUC ± z·SE clipped to [0, 1] (method <c>obuchowski</c>).</param>
/// <param name="CiLogit">Obuchowski's interval on the logit scale; null when the AUC is 0 or 1.</param>
/// <param name="CiNaive">DeLong's interval treating slices as independent (method <c>delong</c>; the same as <c>per_image.auc.ci</c>), for comparison.</param>
/// <param name="Variance">Obuchowski's variance.</param>
/// <param name="NaiveVariance">DeLong's variance, treating slices as independent.</param>
/// <param name="DesignEffect">Variance / naive variance; null when the naive variance is 0.</param>
/// <param name="Clusters">Patients.</param>
/// <param name="Undefined">Why there is no clustered interval; null when there is one.</param>
public sealed record ClusteredAucDocument(double? Auc, IntervalDocument? CiClustered, IntervalDocument? CiLogit, IntervalDocument? CiNaive, double? Variance,
    double? NaiveVariance, double? DesignEffect, int? Clusters, string? Undefined)
{
    /// <summary>The document of <paramref name="result"/> beside DeLong's <paramref name="plain"/> interval, or of its absence for <paramref name="undefinedReason"/>.</summary>
    public static ClusteredAucDocument Of(ClusteredAucResult? result, string? undefinedReason, ConfidenceInterval? plain) => result is null
        ? new(null, null, null, IntervalDocument.Of(plain), null, null, null, null, undefinedReason)
        : new(result.Auc, IntervalDocument.Of(result.PlainInterval), IntervalDocument.Of(result.LogitInterval), IntervalDocument.Of(plain), result.Variance,
            result.NaiveVariance, result.DesignEffect, result.Clusters, null);

}

/// <summary>A proportion over clustered units (slices, or lesions for the hit rate) with the Rao–Scott clustered Wilson interval beside the naive Wilson interval.</summary>
/// <param name="Numerator">Slices counted (e.g. diseased slices called positive).</param>
/// <param name="Denominator">Slices (e.g. diseased slices).</param>
/// <param name="Value">The proportion; null when undefined.</param>
/// <param name="CiClustered">The clustered interval (method <c>wilson-rao-scott</c>; the unclustered Wilson one when the clustered variance is 0, see the caveat).</param>
/// <param name="CiNaive">Wilson's interval treating slices as independent.</param>
/// <param name="DesignEffect">Clustered variance / binomial variance; null when undefined. Below 1 it is floored at 1 for the interval.</param>
/// <param name="EffectiveUnits">Units (slices, or lesions for the hit rate) / max(1, design effect): the sample size the clustered interval uses.</param>
/// <param name="Clusters">Patients contributing slices.</param>
/// <param name="Undefined">Why there is no value; null when defined.</param>
/// <param name="Caveat">A floored or undefined design effect; null otherwise.</param>
public sealed record ClusteredProportionDocument(double Numerator, double Denominator, double? Value, IntervalDocument? CiClustered, IntervalDocument? CiNaive,
    double DesignEffect, double EffectiveUnits, int Clusters, string? Undefined, string? Caveat)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static ClusteredProportionDocument Of(ClusteredProportionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Proportion;
        return new(p.Numerator, p.Denominator, p.Value, IntervalDocument.Of(p.Interval), IntervalDocument.Of(result.NaiveInterval), result.DesignEffect,
            result.EffectiveTrials, result.Clusters, p.UndefinedReason, result.Caveat);
    }
}

/// <summary>Two models' per-image tests clustered by patient (<c>compare --json</c>, <c>pairs[].per_image.clustered</c>).</summary>
/// <param name="Method">The methods in one line.</param>
/// <param name="Patients">Patients contributing slices with a known truth.</param>
/// <param name="Delong">Obuchowski's clustered paired AUC comparison (the interval's method is <c>obuchowski</c>).</param>
/// <param name="McnemarSensitivity">Durkalski's clustered McNemar test among diseased slices.</param>
/// <param name="McnemarSpecificity">Durkalski's clustered McNemar test among non-diseased slices.</param>
public sealed record ClusteredPairDocument(string Method, int Patients, DeLongDocument Delong, ClusteredMcNemarDocument McnemarSensitivity, ClusteredMcNemarDocument McnemarSpecificity)
{
    /// <summary>The document of <paramref name="test"/>.</summary>
    public static ClusteredPairDocument Of(ClusteredPairedTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new(test.Method, test.Patients, DeLongDocument.Of(test.Auc, test.AucUndefined), ClusteredMcNemarDocument.Of(test.Decisions.Sensitivity),
            ClusteredMcNemarDocument.Of(test.Decisions.Specificity));
    }
}

/// <summary>Durkalski's clustered McNemar test with the clustered difference in proportions correct.</summary>
/// <param name="Slices">The paired slices.</param>
/// <param name="Clusters">Patients.</param>
/// <param name="OnlyACorrect">Slices only model A got right.</param>
/// <param name="OnlyBCorrect">Slices only model B got right.</param>
/// <param name="ChiSquare">The clustered χ² (1 df).</param>
/// <param name="PValue">Its p.</param>
/// <param name="Difference">(only A − only B) / slices, with the clustered interval.</param>
public sealed record ClusteredMcNemarDocument(long Slices, int Clusters, long OnlyACorrect, long OnlyBCorrect, double ChiSquare, double PValue, EstimateDocument Difference)
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    public static ClusteredMcNemarDocument Of(ClusteredMcNemarResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Units, result.Clusters, result.OnlyACorrect, result.OnlyBCorrect, result.ChiSquare, result.PValue, EstimateDocument.Of(result.Difference));
    }
}
