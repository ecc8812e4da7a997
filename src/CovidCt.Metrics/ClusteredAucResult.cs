namespace CovidCt.Metrics;

/// <summary>The AUC with Obuchowski's clustered variance, beside DeLong's variance that treats units as independent.</summary>
/// <param name="Auc">The AUC over all units (the same number as the unclustered AUC).</param>
/// <param name="Variance">Obuchowski's variance S10/M + S01/N + 2·S11/(M·N).</param>
/// <param name="NaiveVariance">DeLong's variance of the same AUC, as if every unit were its own cluster.</param>
/// <param name="Clusters">Number of clusters (patients).</param>
/// <param name="Diseased">Diseased units M.</param>
/// <param name="NonDiseased">Non-diseased units N.</param>
/// <param name="PlainInterval">AUC ± z·SE, clipped to [0, 1]; method <c>obuchowski</c>.</param>
/// <param name="LogitInterval">The interval on the logit scale, transformed back; null when the AUC is 0 or 1.</param>
public sealed record ClusteredAucResult(double Auc, double Variance, double NaiveVariance, int Clusters, int Diseased, int NonDiseased,
    ConfidenceInterval PlainInterval, ConfidenceInterval? LogitInterval)
{
    /// <summary>The clustered standard error, √variance.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>
    /// Variance / naive variance: how much clustering inflates the variance (1 = none; the clustered interval is √ as wide).
    /// Undefined (NaN) when the naive variance is 0, as for a perfectly separating score.
    /// </summary>
    public double DesignEffect => NaiveVariance == 0 ? double.NaN : Variance / NaiveVariance;
}
