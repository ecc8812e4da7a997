using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Files;

/// <summary>
/// Calibration of probability scores, as <c>covidct metrics calibration --json</c> and metrics.json's
/// <c>per_image.calibration</c> both write it: the Brier score against the prevalence's, the calibration intercept and slope
/// (undefined, with the count, where scores of exactly 0 or 1 have no logit and no rounding grid is known), the reliability
/// curve and the decision curve (net benefit against treat-all; treat-none is 0).
/// </summary>
/// <param name="Cases">The cases.</param>
/// <param name="Brier">The Brier score.</param>
/// <param name="ReferenceBrier">The Brier score of always predicting the prevalence.</param>
/// <param name="Intercept">The calibration intercept (0 when calibrated in the large).</param>
/// <param name="Slope">The calibration slope (1 when calibrated).</param>
/// <param name="ExactZeroOrOne">Cases whose score is exactly 0 or 1.</param>
/// <param name="ScoreStep">The grid the scores were rounded to, or null when unknown.</param>
/// <param name="Caveat">What to keep in mind reading the intercept and slope, or null.</param>
/// <param name="Reliability">The reliability curve, bin by bin.</param>
/// <param name="DecisionCurve">Net benefit at each threshold.</param>
public sealed record CalibrationDocument(long Cases, double Brier, double ReferenceBrier, EstimateDocument Intercept, EstimateDocument Slope, long ExactZeroOrOne,
    double? ScoreStep, string? Caveat, IReadOnlyList<ReliabilityBinDocument> Reliability, IReadOnlyList<NetBenefitDocument> DecisionCurve)
{
    /// <summary>
    /// The calibration of <paramref name="e"/>'s image score against the slices' truth (slices with a known truth; the scores lie
    /// on the 8-bit grid every probability map is rounded to, cached or not, <see cref="ProbabilityMapCache.ProbabilityStep"/>),
    /// at the evaluation's level, with 10 reliability bins and the default decision-curve thresholds; null when no slice has a truth.
    /// </summary>
    public static CalibrationDocument? OfImages(PipelineEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var cases = ComparedCases.Of(e, ComparisonLevel.Image);
        if (cases.Truth.Count == 0) return null;
        var level = e.ImageMetrics.Level;
        return Of(Calibration.Compute(cases.Scores, cases.Truth, level, ProbabilityMapCache.ProbabilityStep),
            ReliabilityCurve.Compute(cases.Scores, cases.Truth, level: level), Metrics.DecisionCurve.Compute(cases.Scores, cases.Truth, Metrics.DecisionCurve.DefaultThresholds));
    }

    /// <summary>The document of a calibration, its reliability curve and its decision curve.</summary>
    public static CalibrationDocument Of(CalibrationResult calibration, IReadOnlyList<ReliabilityBin> reliability, IReadOnlyList<NetBenefitPoint> decisionCurve)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(reliability);
        ArgumentNullException.ThrowIfNull(decisionCurve);
        return new(calibration.Cases, calibration.Brier, calibration.ReferenceBrier, EstimateDocument.Of(calibration.Intercept), EstimateDocument.Of(calibration.Slope),
            calibration.ExactZeroOrOne, calibration.QuantisationStep, calibration.Caveat,
            [.. reliability.Select(b => new ReliabilityBinDocument(b.Lower, b.Upper, b.Cases, b.MeanPredicted, EstimateDocument.Of(b.Observed)))],
            [.. decisionCurve.Select(p => new NetBenefitDocument(p.Threshold, CountsDocument.Of(p.Counts), p.NetBenefit, p.TreatAll, 0))]);
    }
}

/// <summary>One bin of a reliability curve.</summary>
/// <param name="Lower">The bin's lower edge.</param>
/// <param name="Upper">The bin's upper edge.</param>
/// <param name="Cases">Cases in the bin.</param>
/// <param name="MeanPredicted">The mean score in the bin; null when it is empty.</param>
/// <param name="Observed">The observed proportion of disease in the bin, with its interval.</param>
public sealed record ReliabilityBinDocument(double Lower, double Upper, long Cases, double? MeanPredicted, EstimateDocument Observed);

/// <summary>One point of a decision curve.</summary>
/// <param name="Threshold">The threshold probability.</param>
/// <param name="Counts">The confusion table of treating the cases at or above it.</param>
/// <param name="NetBenefit">The net benefit of the model.</param>
/// <param name="TreatAll">The net benefit of treating every case.</param>
/// <param name="TreatNone">The net benefit of treating none: 0.</param>
public sealed record NetBenefitDocument(double Threshold, CountsDocument Counts, double NetBenefit, double TreatAll, double TreatNone);
