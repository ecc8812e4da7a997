namespace CovidCt.Metrics;

/// <summary>
/// Paired reading times of one modality against a reference modality, summarised as the ratio of geometric means
/// (<see cref="ReadingTimeRatio"/>).
/// </summary>
/// <param name="Reference">The reference modality (for example reading without the model).</param>
/// <param name="Other">The compared modality (for example reading with the model).</param>
/// <param name="Readers">Readers.</param>
/// <param name="Cases">Cases each reader read in both modalities.</param>
/// <param name="ReferenceGeometricMean">Geometric mean reading time in the reference modality, in the file's unit.</param>
/// <param name="OtherGeometricMean">Geometric mean reading time in the compared modality, in the file's unit.</param>
/// <param name="Ratio">Other / reference geometric mean, with its t interval (numerator and denominator the two geometric means).</param>
/// <param name="LogRatioStandardError">Standard error of the mean log ratio.</param>
/// <param name="DegreesOfFreedom">Satterthwaite degrees of freedom of that standard error.</param>
/// <param name="ReaderVariance">Variance of the log ratio between readers (truncated at 0); null with one reader.</param>
/// <param name="CaseVariance">Variance of the log ratio between cases (truncated at 0); null with one reader.</param>
/// <param name="ResidualVariance">Residual variance of the log ratio (reader-by-case); with one reader, the case-to-case variance.</param>
/// <param name="Caveat">How far the interval generalises when the design limits it, or null.</param>
public sealed record ReadingTimeResult(
    string Reference, string Other, int Readers, int Cases, double ReferenceGeometricMean, double OtherGeometricMean,
    Estimate Ratio, double LogRatioStandardError, double DegreesOfFreedom, double? ReaderVariance, double? CaseVariance,
    double ResidualVariance, string? Caveat)
{
    /// <summary>Ratio − 1: −0.65 means reading took 65% less time in <see cref="Other"/> (geometric means); null when the ratio is undefined.</summary>
    public double? RelativeChange => Ratio.Value - 1;
}
