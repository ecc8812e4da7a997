using CovidCt.Metrics;
using FsCheck;
using FsCheck.Fluent;

namespace CovidCt.Metrics.Tests;

/// <summary>Generators shared by the property tests: small data sets with many ties, so edge cases are common.</summary>
internal static class Properties
{
    /// <summary>(x, n, method) with 1 ≤ n ≤ 500 and 0 ≤ x ≤ n.</summary>
    public static Arbitrary<(long X, long N, ProportionInterval Method)> Proportion { get; } =
        (from n in Gen.Choose(1, 500)
         from x in Gen.Choose(0, n)
         from m in Gen.Elements(ProportionInterval.Wilson, ProportionInterval.ClopperPearson, ProportionInterval.Jeffreys)
         select ((long)x, (long)n, m)).ToArbitrary();

    /// <summary>Scores on a coarse grid (ties) with labels, 1–60 cases.</summary>
    public static Arbitrary<(double[] Scores, bool[] Labels)> ScoredCases { get; } =
        (from n in Gen.Choose(1, 60)
         from scores in Gen.Choose(0, 12).Select(s => s / 4.0).ArrayOf(n)
         from labels in Gen.Elements(true, false).ArrayOf(n)
         select (scores, labels)).ToArbitrary();

    /// <summary>Like <see cref="ScoredCases"/> but with at least two cases of each class.</summary>
    public static Arbitrary<(double[] Scores, bool[] Labels)> ScoredBothClasses { get; } =
        ScoredCases.Generator.Where(d => d.Labels.Count(l => l) >= 2 && d.Labels.Count(l => !l) >= 2).ToArbitrary();

    /// <summary>Bootstrap seeds.</summary>
    public static Arbitrary<int> Seed { get; } = Gen.Choose(0, 1000).ToArbitrary();

    public static void Check<T>(Arbitrary<T> arbitrary, Func<T, bool> property, int tests = 200) =>
        Prop.ForAll(arbitrary, property).Check(Config.QuickThrowOnFailure.WithMaxTest(tests));
}
