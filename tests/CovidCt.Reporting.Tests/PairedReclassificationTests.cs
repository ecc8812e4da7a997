using CovidCt.Metrics;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Tests;

/// <summary>
/// <see cref="PairedReclassification"/> and <see cref="PairedPartialAuc"/>, which <c>covidct compare</c> shows per pair and level,
/// against counts worked out by hand from Pencina et al. 2008's definitions (NRI, IDI) and Pencina, D'Agostino and Steyerberg 2011's
/// category-free NRI, and against <see cref="PartialAuc"/> on each model alone.
/// </summary>
public sealed class PairedReclassificationTests
{
    // Three diseased cases, then three not. A calls cases 1 and 4 positive; B calls 1, 2 and 6.
    private static readonly ComparedCases A = new([true, true, true, false, false, false], [true, false, false, true, false, false], [0.9, 0.4, 0.2, 0.7, 0.1, 0.3]);
    private static readonly ComparedCases B = new([true, true, true, false, false, false], [true, true, false, false, false, true], [0.95, 0.6, 0.1, 0.2, 0.1, 0.8]);

    [Fact]
    public void The_nri_of_the_decisions_counts_the_cases_each_model_moves()
    {
        var r = PairedReclassification.Of(A, B, patientOfCase: null, level: 0.95);

        // Diseased: B moves case 2 up, none down: +1/3. Not diseased: B moves case 4 down and case 6 up: 0.
        Assert.Null(r.Undefined);
        Assert.Equal(1.0 / 3, r.Categorical!.Diseased, 12);
        Assert.Equal(0, r.Categorical.NonDiseased, 12);
        Assert.Equal(1.0 / 3, r.Categorical.Value, 12);
        // Pencina's variance: (1/3 + 0)/3 + (1/3 + 1/3)/3 = 1/3.
        Assert.Equal(1.0 / 3 + 1.959963984540054 * Math.Sqrt(1.0 / 3), r.Categorical.Interval.Upper, 9);
        Assert.Null(r.Categorical.ClusteredInterval);
    }

    [Fact]
    public void The_continuous_nri_moves_a_case_up_when_B_scores_it_higher_and_a_tie_stays()
    {
        var r = PairedReclassification.Of(A, B, patientOfCase: null, level: 0.95);

        // Diseased: B higher on cases 1 and 2, lower on 3: 2/3 − 1/3. Not diseased: lower on 4, tied on 5, higher on 6: 1/3 − 1/3.
        Assert.Equal(1.0 / 3, r.Continuous!.Diseased, 12);
        Assert.Equal(0, r.Continuous.NonDiseased, 12);
        // Variance: (2/3 + 1/3)/3 + (1/3 + 1/3)/3 = 5/9.
        Assert.Equal(1.0 / 3 - 1.959963984540054 * Math.Sqrt(5.0 / 9), r.Continuous.Interval.Lower, 9);
    }

    [Fact]
    public void The_idi_is_the_gain_in_mean_probability_among_the_diseased_minus_that_among_the_others()
    {
        var r = PairedReclassification.Of(A, B, patientOfCase: null, level: 0.95);

        // Diseased gains +0.05, +0.2, −0.1 (mean 0.05); the others −0.5, 0, +0.5 (mean 0).
        Assert.Equal(0.05, r.Idi!.Value, 12);
        Assert.Equal(Reclassification.Compute(A.Scores, B.Scores, A.Truth, 0.5).IdiPValue, r.Idi.PValue, 12);
    }

    [Fact]
    public void Scores_outside_zero_to_one_leave_the_idi_undefined_but_not_the_nri()
    {
        var logits = B with { Scores = [2.0, 1.5, -1, -2, -3, 1] };

        var r = PairedReclassification.Of(A, logits, patientOfCase: null, level: 0.95);

        Assert.NotNull(r.Categorical);
        Assert.Null(r.Idi);
        Assert.Contains("not all probabilities in [0, 1]", r.IdiUndefined);
        Assert.StartsWith("undefined (the scores", ReclassificationText.Idi(r.Idi, r.IdiUndefined));
    }

    [Fact]
    public void Fewer_than_two_cases_of_a_class_leave_everything_undefined_with_the_reason()
    {
        var few = new ComparedCases([true, false, false], [true, false, false], [0.9, 0.1, 0.2]);

        var r = PairedReclassification.Of(few, few, patientOfCase: null, level: 0.95);

        Assert.Null(r.Categorical);
        Assert.Null(r.Continuous);
        Assert.Null(r.Idi);
        Assert.Equal("needs at least two diseased and two non-diseased cases; got 1 and 2", r.Undefined);
    }

    [Fact]
    public void With_patients_each_statistic_gets_a_patient_bootstrap_interval_beside_pencina_s()
    {
        string[] patients = ["p1", "p1", "p2", "n1", "n1", "n2"];

        var r = PairedReclassification.Of(A, B, patients, level: 0.95, resamples: 200);

        foreach (var interval in new[] { r.Categorical!.ClusteredInterval, r.Continuous!.ClusteredInterval, r.Idi!.ClusteredInterval })
        {
            Assert.Equal("patient-bootstrap-percentile", interval!.Method);
            Assert.True(interval.Lower <= interval.Upper);
        }
        // The values and Pencina's intervals are those without patients.
        Assert.Equal(PairedReclassification.Of(A, B, null, 0.95).Categorical!.Interval, r.Categorical.Interval);
        Assert.Contains("; clustered by patient ", ReclassificationText.Nri(r.Categorical));
    }

    [Fact]
    public void The_partial_auc_difference_is_that_of_each_model_alone_with_a_bootstrap_interval()
    {
        string[] patients = ["p1", "p2", "p3", "n1", "n2", "n3"];

        var p = PairedPartialAuc.Of(A, B, patients, minimumSpecificity: 0.5, level: 0.95, resamples: 200);

        var alone = (A: PartialAuc.Compute(Roc.FromScores(labels: A.Truth, scores: A.Scores), 0.5), B: PartialAuc.Compute(Roc.FromScores(labels: B.Truth, scores: B.Scores), 0.5));
        Assert.Equal(alone.A, p.A);
        Assert.Equal(alone.B, p.B);
        Assert.Equal((alone.A.Area.Value - alone.B.Area.Value)!.Value, p.Difference.Value!.Value, 12);
        Assert.Equal((alone.A.McClish - alone.B.McClish)!.Value, p.McClishDifference!.Value, 12);
        Assert.Equal(200, p.Difference.Resamples);
        Assert.True(p.Difference.UndefinedResamples > 0, "six cases: some resamples lack a class and are counted, not hidden");
        Assert.Equal("patient-bootstrap-percentile", p.Difference.Interval!.Method);
    }
}
