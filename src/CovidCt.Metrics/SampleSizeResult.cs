namespace CovidCt.Metrics;

/// <summary>
/// How many cases a planned study needs (<see cref="SampleSize"/>). Counts are rounded up to whole cases.
/// </summary>
/// <param name="Diseased">Diseased cases needed; null when only non-diseased cases matter (specificity).</param>
/// <param name="NonDiseased">Non-diseased cases needed; null when only diseased cases matter (sensitivity).</param>
/// <param name="Total">Cases to enrol at the stated prevalence to expect that many of each class; null without a prevalence.</param>
/// <param name="Achieved">The half-width (for a width target) or the power (for a test) the rounded counts give.</param>
/// <param name="Method">The formula: <c>buderer</c>, <c>binomial-test</c>, <c>hanley-mcneil</c>, <c>hanley-mcneil-test</c>, <c>obuchowski-2004</c>.</param>
/// <param name="Caveat">A planning caveat (for example a target the normal approximation serves poorly), or null.</param>
public sealed record SampleSizeResult(long? Diseased, long? NonDiseased, long? Total, double Achieved, string Method, string? Caveat);
