namespace CovidCt.Metrics;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988) variance of one AUC, from placement values.
/// <see cref="PlainInterval"/> (AUC ± z·SE, clipped to [0, 1]) is the default reported interval, as in pROC;
/// <see cref="LogitInterval"/> (on the logit scale, then back) stays inside (0, 1) and behaves better near 1.
/// </summary>
/// <param name="Auc">The AUC.</param>
/// <param name="Variance">S10/m + S01/n, with sample variances (denominators m − 1 and n − 1).</param>
/// <param name="PlainInterval">AUC ± z·SE, clipped to [0, 1].</param>
/// <param name="LogitInterval">logit(AUC) ± z·SE / (AUC (1 − AUC)), transformed back; null when the AUC is 0 or 1 (logit undefined).</param>
public sealed record DeLongResult(double Auc, double Variance, ConfidenceInterval PlainInterval, ConfidenceInterval? LogitInterval)
{
    /// <summary>The standard error, √variance.</summary>
    public double StandardError => Math.Sqrt(Variance);
}
