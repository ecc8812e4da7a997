namespace CovidCt.Metrics;

/// <summary>DeLong's test for two correlated AUCs measured on the same cases (two-sided, normal approximation).</summary>
/// <param name="AucA">AUC of score set A.</param>
/// <param name="AucB">AUC of score set B.</param>
/// <param name="VarianceA">DeLong variance of AUC A.</param>
/// <param name="VarianceB">DeLong variance of AUC B.</param>
/// <param name="Covariance">DeLong covariance of the two AUCs.</param>
/// <param name="Z">(AUC A − AUC B) / SE of the difference; 0 when both the difference and its variance are 0 (pROC's convention), ±∞ when only the variance is 0.</param>
/// <param name="PValue">Two-sided p-value, 2·(1 − Φ(|z|)).</param>
/// <param name="DifferenceInterval">AUC A − AUC B ± z·SE of the difference.</param>
public sealed record PairedDeLongResult(double AucA, double AucB, double VarianceA, double VarianceB, double Covariance, double Z, double PValue, ConfidenceInterval DifferenceInterval)
{
    /// <summary>AUC A − AUC B.</summary>
    public double Difference => AucA - AucB;

    /// <summary>Variance of the difference: VarA + VarB − 2·Cov.</summary>
    public double DifferenceVariance => VarianceA + VarianceB - 2 * Covariance;
}
