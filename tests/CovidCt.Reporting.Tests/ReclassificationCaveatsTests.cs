using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Tests;

/// <summary>
/// The rule of <see cref="ReclassificationCaveats"/>: a caveat when a class has fewer than 10 cases, when the clustered intervals
/// resample fewer than 10 patients, and for each interval of zero width; none when there are enough cases and something moved.
/// </summary>
public sealed class ReclassificationCaveatsTests
{
    // n diseased then n not; B calls every other case the opposite of A and scores it differently.
    private static (ComparedCases A, ComparedCases B) Cases(int perClass)
    {
        var truth = Enumerable.Range(0, 2 * perClass).Select(i => i < perClass).ToArray();
        var scoresA = truth.Select((t, i) => t ? 0.6 + 0.01 * (i % 7) : 0.3 + 0.01 * (i % 5)).ToArray();
        var scoresB = scoresA.Select((s, i) => i % 2 == 0 ? 1 - s : s + 0.05).ToArray();
        return (new ComparedCases(truth, scoresA.Select(s => s >= 0.5).ToArray(), scoresA), new ComparedCases(truth, scoresB.Select(s => s >= 0.5).ToArray(), scoresB));
    }

    [Fact]
    public void Ten_cases_of_each_class_that_move_need_no_caveat()
    {
        var (a, b) = Cases(10);

        Assert.Empty(PairedReclassification.Of(a, b, patientOfCase: null, level: 0.95).Caveats);
    }

    [Fact]
    public void Nine_cases_of_a_class_are_too_few()
    {
        var (a, b) = Cases(9);

        var caveat = Assert.Single(PairedReclassification.Of(a, b, patientOfCase: null, level: 0.95).Caveats);
        Assert.StartsWith("n below 10 per class (9 diseased, 9 not): Pencina's z intervals of the NRI and IDI", caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void Clustered_intervals_over_fewer_than_ten_patients_are_too_narrow()
    {
        var (a, b) = Cases(10);
        // 20 slices of 5 patients, four each.
        var patients = Enumerable.Range(0, 20).Select(i => $"p{i % 5}").ToArray();

        var caveats = PairedReclassification.Of(a, b, patients, level: 0.95).Caveats;
        Assert.Contains("the clustered intervals resample only 5 patients (below 10): a bootstrap over so few clusters is too narrow", caveats);
    }

    [Fact]
    public void Two_identical_models_give_zero_width_intervals_and_say_so()
    {
        var (a, _) = Cases(10);

        var caveats = PairedReclassification.Of(a, a, patientOfCase: null, level: 0.95).Caveats;
        Assert.Equal(3, caveats.Count);
        Assert.StartsWith("NRI of the decisions: zero-width interval: no case changed decision between the models", caveats[0], StringComparison.Ordinal);
        Assert.StartsWith("continuous NRI: zero-width interval: no case changed score", caveats[1], StringComparison.Ordinal);
        Assert.StartsWith("IDI: zero-width interval: within each class every case's score changed by the same amount", caveats[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_reclassification_has_its_reason_and_no_caveat()
    {
        var one = new ComparedCases([true, false, false], [true, false, false], [0.9, 0.1, 0.2]);

        var r = PairedReclassification.Of(one, one, patientOfCase: null, level: 0.95);
        Assert.NotNull(r.Undefined);
        Assert.Empty(r.Caveats);
    }
}
