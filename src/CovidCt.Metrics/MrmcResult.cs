namespace CovidCt.Metrics;

/// <summary>
/// An Obuchowski–Rockette analysis of reader AUCs with Hillis's denominator degrees of freedom, readers and cases random
/// (<see cref="ObuchowskiRockette"/>).
/// </summary>
/// <param name="Readers">The readers, in the order of <see cref="MrmcModality.ReaderAucs"/>.</param>
/// <param name="Cases">Cases read (each by every reader in every modality).</param>
/// <param name="Modalities">Each modality's reader-averaged AUC with its own interval.</param>
/// <param name="Components">Variance components and error covariances.</param>
/// <param name="ModalityMeanSquare">MS(T), the modality mean square; 0 with one modality.</param>
/// <param name="ReaderByModalityMeanSquare">MS(T:R), the modality-by-reader mean square; 0 with one modality.</param>
/// <param name="Test">The global F test that every modality has the same mean AUC; null with one modality.</param>
/// <param name="Differences">Every pair of modalities, first minus second, in input order.</param>
/// <param name="Caveats">Conditions a reader of the result should know (a constraint applied, infinite degrees of freedom).</param>
public sealed record MrmcResult(
    IReadOnlyList<string> Readers, int Cases, IReadOnlyList<MrmcModality> Modalities, MrmcVarianceComponents Components,
    double ModalityMeanSquare, double ReaderByModalityMeanSquare, MrmcTest? Test, IReadOnlyList<MrmcDifference> Differences,
    IReadOnlyList<string> Caveats);

/// <summary>One modality's reader-averaged AUC, analysed on its own data (Hillis 2007, single-modality interval).</summary>
/// <param name="Name">The modality.</param>
/// <param name="MeanAuc">The AUC averaged over readers.</param>
/// <param name="ReaderAucs">Each reader's empirical (Wilcoxon) AUC, in the order of <see cref="MrmcResult.Readers"/>.</param>
/// <param name="ReaderMeanSquare">MS(R) within this modality.</param>
/// <param name="Cov2">The covariance of two readers' AUCs in this modality.</param>
/// <param name="StandardError">√((MS(R) + r·max(Cov2, 0)) / r).</param>
/// <param name="DegreesOfFreedom">Hillis's degrees of freedom; +∞ when MS(R) is 0.</param>
/// <param name="Interval">The t interval of the mean AUC.</param>
public sealed record MrmcModality(
    string Name, double MeanAuc, IReadOnlyList<double> ReaderAucs, double ReaderMeanSquare, double Cov2,
    double StandardError, double DegreesOfFreedom, ConfidenceInterval Interval);

/// <summary>The difference of two modalities' reader-averaged AUCs.</summary>
/// <param name="First">The first modality.</param>
/// <param name="Second">The second modality.</param>
/// <param name="Estimate">Mean AUC of the first minus that of the second.</param>
/// <param name="StandardError">√(2/r · (MS(T:R) + r·max(Cov2 − Cov3, 0))).</param>
/// <param name="DegreesOfFreedom">Hillis's denominator degrees of freedom; +∞ when MS(T:R) is 0.</param>
/// <param name="T">Estimate / standard error; null when the standard error is 0.</param>
/// <param name="P">Two-sided p value; null when <paramref name="T"/> is.</param>
/// <param name="Interval">The t interval of the difference.</param>
public sealed record MrmcDifference(
    string First, string Second, double Estimate, double StandardError, double DegreesOfFreedom, double? T, double? P, ConfidenceInterval Interval);

/// <summary>The Obuchowski–Rockette F test with Hillis (2008) denominator degrees of freedom.</summary>
/// <param name="F">MS(T) / (MS(T:R) + r·max(Cov2 − Cov3, 0)); null when that denominator is 0.</param>
/// <param name="NumeratorDegreesOfFreedom">t − 1.</param>
/// <param name="DenominatorDegreesOfFreedom">Hillis's ddf; +∞ when MS(T:R) is 0.</param>
/// <param name="P">P(F(t − 1, ddf) &gt; F); null when F is.</param>
/// <param name="UndefinedReason">Why F is undefined, or null.</param>
public sealed record MrmcTest(double? F, double NumeratorDegreesOfFreedom, double DenominatorDegreesOfFreedom, double? P, string? UndefinedReason);

/// <summary>
/// The Obuchowski–Rockette variance components. Var, Cov1, Cov2 and Cov3 are averages of the case-jackknife error
/// covariances of reader AUCs: Var of one AUC with itself, Cov1 same reader in two modalities, Cov2 two readers in one
/// modality, Cov3 two readers in two modalities.
/// </summary>
/// <param name="ReaderVariance">σ²_R = (MS(R) − σ²_TR − Var − (t − 1)·Cov1 + Cov2 + (t − 1)·Cov3) / t (Hillis 2005); with one modality σ²_TR cannot be separated and is included; may be negative.</param>
/// <param name="ReaderByModalityVariance">σ²_TR = MS(T:R) − Var + Cov1 + Cov2 − Cov3; null with one modality; may be negative.</param>
/// <param name="ErrorVariance">Var.</param>
/// <param name="Cov1">Cov1; null with one modality.</param>
/// <param name="Cov2">Cov2.</param>
/// <param name="Cov3">Cov3; null with one modality.</param>
public sealed record MrmcVarianceComponents(double ReaderVariance, double? ReaderByModalityVariance, double ErrorVariance, double? Cov1, double Cov2, double? Cov3);
