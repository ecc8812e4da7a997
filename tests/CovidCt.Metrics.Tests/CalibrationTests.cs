using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class CalibrationTests
{
    // The 20 cases of References/calibration.R; reference values from R's glm (calibration.out).
    private static readonly double[] Probabilities = [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30];
    private static readonly bool[] Outcomes = [false, false, true, false, false, true, false, false, true, true, false, true, true, true, false, true, true, true, true, false];

    [Fact]
    public void Brier_intercept_and_slope_match_R_glm()
    {
        var result = Calibration.Compute(Probabilities, Outcomes);
        Assert.Equal(0.17824999999999999, result.Brier, 15);
        Assert.Equal(0.55 * 0.45, result.ReferenceBrier, 15);
        Assert.Equal(0.33945374165603298, result.Intercept.Value!.Value, 12);
        Assert.Equal(1.032947730539566, result.Slope.Value!.Value, 12);
        // glm's standard errors come from the working weights of its last iteration, one step before the estimate;
        // the Fisher information at the estimate itself (computed here, and by hand at R's estimate) differs by 3e-9.
        var z = ProportionIntervals.TwoSidedZ(0.95);
        Assert.InRange(result.Slope.Interval!.Lower - (1.032947730539566 - z * 0.50069765893501572), -1e-8, 1e-8);
        Assert.InRange(result.Intercept.Interval!.Upper - (0.33945374165603298 + z * 0.53293225658828147), -1e-8, 1e-8);
    }

    [Fact]
    public void A_probability_of_exactly_1_is_rejected_with_the_case_number()
    {
        var error = Assert.Throws<ArgumentException>(() => Calibration.Compute([0.5, 1.0], [true, false]));
        Assert.Contains("case 2", error.Message);
    }

    [Fact]
    public void Outcomes_all_the_same_leave_intercept_and_slope_undefined()
    {
        var result = Calibration.Compute([0.2, 0.7], [true, true]);
        Assert.Contains("no finite solution", result.Slope.UndefinedReason);
        Assert.Equal((0.64 + 0.09) / 2, result.Brier, 15);
    }

    [Fact]
    public void Reliability_bins_tile_0_1_and_keep_empty_bins()
    {
        var bins = ReliabilityCurve.Compute(Probabilities, Outcomes, bins: 4);
        Assert.Equal(4, bins.Count);
        Assert.Equal(Probabilities.Length, bins.Sum(b => b.Cases));
        // [0.75, 1]: 0.75 0.80 0.85 0.90 0.95 with outcomes 0 1 1 1 1.
        Assert.Equal((5L, 0.85, 0.8), (bins[3].Cases, Math.Round(bins[3].MeanPredicted!.Value, 12), bins[3].Observed.Value!.Value));
        var sparse = ReliabilityCurve.Compute([0.05, 1.0], [false, true], bins: 3);
        Assert.Equal("no predictions in this bin", sparse[1].Observed.UndefinedReason);
        Assert.Equal(1, sparse[2].Cases);
    }

    [Fact]
    public void Net_benefit_follows_Vickers_and_Elkin()
    {
        // Vickers and Elkin (2006): NB = TP/n − FP/n · pt/(1 − pt). At pt = 0.5 the cases ≥ 0.5 are the last 10 listed
        // before the final 0.30: outcomes 1 0 1 1 1 0 1 1 1 1, so TP 8 and FP 2 of n = 20: NB = 8/20 − 2/20 · 1 = 0.3;
        // treat-all: 11/20 − 9/20 · 1 = 0.1.
        var point = DecisionCurve.Compute(Probabilities, Outcomes, [0.5]).Single();
        Assert.Equal(0.3, point.NetBenefit, 15);
        Assert.Equal(0.1, point.TreatAll, 15);
        // At pt = 0.2 (odds 1/4): ≥ 0.2 are 17 cases (0.20 to 0.95 and the final 0.30) holding 10 events: TP 10, FP 7,
        // NB = 10/20 − 7/20 · 1/4 = 0.4125.
        Assert.Equal(0.4125, DecisionCurve.Compute(Probabilities, Outcomes, [0.2]).Single().NetBenefit, 15);
    }
}
