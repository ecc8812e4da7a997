using CovidCt.Metrics;

namespace CovidCt.Metrics.Tests;

public sealed class PatientBootstrapTests
{
    // Patient "a" holds the only diseased images, so resamples without "a" leave sensitivity undefined.
    private static readonly string[] Patients = ["a", "a", "a", "b", "b", "c", "c", "d"];
    private static readonly bool[] Truth = [true, true, true, false, false, false, false, false];
    private static readonly bool[] Decisions = [true, false, true, false, true, false, false, false];

    [Fact]
    public void Same_seed_gives_the_same_intervals() =>
        Properties.Check(Properties.Seed, seed =>
        {
            var first = new PatientBootstrap(Patients, 200, seed).ConfusionMetrics(Truth, Decisions);
            var second = new PatientBootstrap(Patients, 200, seed).ConfusionMetrics(Truth, Decisions);
            return first.SequenceEqual(second);
        }, tests: 50);

    [Fact]
    public void Resamples_without_diseased_patients_are_counted_as_undefined()
    {
        var sensitivity = new PatientBootstrap(Patients, 500, 7).ConfusionMetrics(Truth, Decisions).Single(m => m.Key == "sensitivity").Value;
        Assert.Equal(2.0 / 3, sensitivity.Value);
        // P(patient a never drawn in 4 draws) = (3/4)^4 ≈ 0.32, so about 158 of 500.
        Assert.InRange(sensitivity.UndefinedResamples, 100, 220);
        Assert.True(sensitivity.Interval!.Lower <= 2.0 / 3 && sensitivity.Interval.Upper >= 2.0 / 3);
    }

    [Fact]
    public void Confusion_intervals_equal_the_generic_interval_on_case_indices()
    {
        var bootstrap = new PatientBootstrap(Patients, 300, 11);
        var fast = bootstrap.ConfusionMetrics(Truth, Decisions).Single(m => m.Key == "specificity").Value;
        var generic = bootstrap.Interval(cases =>
        {
            var counts = ConfusionCounts.FromDecisions(cases.Select(i => Truth[i]).ToArray(), cases.Select(i => Decisions[i]).ToArray());
            return DiagnosticMetrics.Compute(counts).Specificity.Value;
        });
        Assert.Equal(generic.Value, fast.Value);
        Assert.Equal(generic.UndefinedResamples, fast.UndefinedResamples);
        Assert.Equal(generic.Interval!.Lower, fast.Interval!.Lower, 14);
        Assert.Equal(generic.Interval.Upper, fast.Interval.Upper, 14);
    }

    [Fact]
    public void Different_seeds_give_different_resamples()
    {
        var a = new PatientBootstrap(Patients, 200, 1).ConfusionMetrics(Truth, Decisions).Single(m => m.Key == "sensitivity").Value;
        var b = new PatientBootstrap(Patients, 200, 2).ConfusionMetrics(Truth, Decisions).Single(m => m.Key == "sensitivity").Value;
        Assert.NotEqual(a.UndefinedResamples, b.UndefinedResamples);
    }
}
