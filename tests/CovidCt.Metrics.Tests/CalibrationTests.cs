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
    public void A_probability_outside_0_1_is_rejected_with_the_case_number()
    {
        var error = Assert.Throws<ArgumentException>(() => Calibration.Compute([0.5, 1.2], [true, false]));
        Assert.Contains("case 2", error.Message);
        Assert.Throws<ArgumentException>(() => Calibration.Compute([double.NaN, 0.5], [true, false]));
    }

    [Fact]
    public void Exact_0_or_1_leaves_intercept_and_slope_undefined_with_the_count_but_keeps_the_brier_score()
    {
        // 8-bit probability maps give exactly 0 and 1 (k/255); their logit is infinite. Before, this threw.
        double[] p = [.. Probabilities[..18], 1.0, 0.0];
        var result = Calibration.Compute(p, Outcomes);
        Assert.Null(result.Slope.Value);
        Assert.Equal(2, result.ExactZeroOrOne);
        Assert.StartsWith("2 of 20 probabilities are exactly 0 or 1 (1 at 0, 1 at 1): their logit is infinite", result.Slope.UndefinedReason);
        Assert.Equal(result.Slope.UndefinedReason, result.Intercept.UndefinedReason);
        Assert.Equal(p.Select((x, i) => (x - (Outcomes[i] ? 1 : 0)) * (x - (Outcomes[i] ? 1 : 0))).Average(), result.Brier, 15);
        Assert.Null(result.Caveat);
    }

    [Fact]
    public void With_a_quantisation_step_exact_0_and_1_are_read_at_the_edge_of_their_bin_and_counted()
    {
        double[] p = [.. Probabilities[..18], 1.0, 0.0];
        var result = Calibration.Compute(p, Outcomes, quantisationStep: 1.0 / 255);
        var byHand = Calibration.Compute([.. Probabilities[..18], 1 - 1.0 / 510, 1.0 / 510], Outcomes);
        Assert.Equal(byHand.Slope.Value!.Value, result.Slope.Value!.Value, 15);
        Assert.Equal(byHand.Intercept.Interval!.Lower, result.Intercept.Interval!.Lower, 15);
        Assert.Equal("2 of 20 probabilities are exactly 0 or 1 (1 at 0, 1 at 1); the intercept and slope read them as 1/510 and 1 − 1/510, "
            + "the edges of their rounding bins at step 1/255 (the least extreme probabilities they can stand for); the Brier score uses them as given", result.Caveat);
        // The Brier score is that of the probabilities as given, not of the edges.
        Assert.Equal(Calibration.Compute(p, Outcomes).Brier, result.Brier, 15);
    }

    [Fact]
    public void A_quantisation_step_moves_only_exact_0_and_1()
    {
        // 0.001 is below half a step of 1/255 but is not 0: it keeps its own logit.
        double[] p = [.. Probabilities[..19], 0.001];
        var plain = Calibration.Compute(p, Outcomes);
        var stepped = Calibration.Compute(p, Outcomes, quantisationStep: 1.0 / 255);
        Assert.Equal(plain.Slope.Value, stepped.Slope.Value);
        Assert.Equal(0, stepped.ExactZeroOrOne);
        Assert.Null(stepped.Caveat);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(double.NaN)]
    public void A_quantisation_step_outside_0_half_is_refused(double step) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Compute(Probabilities, Outcomes, quantisationStep: step));

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
