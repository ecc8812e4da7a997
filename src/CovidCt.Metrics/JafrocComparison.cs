namespace CovidCt.Metrics;

/// <summary>
/// Two detectors' JAFROC figures of merit on the same cases, compared by the paired jackknife: the difference A − B, its
/// standard error from the leave-one-cluster-out differences, and a two-sided t test with clusters − 1 degrees of freedom
/// (with one reader this is the fixed-reader, random-case analysis of Dorfman, Berbaum and Metz 1992 that JAFROC runs).
/// </summary>
/// <param name="A">Detector A's figure of merit and its own interval.</param>
/// <param name="B">Detector B's figure of merit and its own interval.</param>
/// <param name="Difference">A − B, or null when <see cref="UndefinedReason"/> says why.</param>
/// <param name="StandardError">The jackknife standard error of the difference, or null when undefined.</param>
/// <param name="DegreesOfFreedom">Clusters − 1.</param>
/// <param name="T">Difference / standard error; 0 when both are 0, ±∞ when only the standard error is 0 (then <see cref="Caveats"/> says so); null when undefined.</param>
/// <param name="PValue">Two-sided p-value of the t test, or null when undefined.</param>
/// <param name="DifferenceInterval">Difference ± t quantile × standard error (method <c>jackknife</c>), or null when undefined.</param>
/// <param name="UndefinedReason">Why the comparison cannot be made, or null.</param>
/// <param name="Caveats">Conditions a reader should know; empty when none.</param>
public sealed record JafrocComparison(JafrocResult A, JafrocResult B, double? Difference, double? StandardError, double DegreesOfFreedom, double? T, double? PValue,
    ConfidenceInterval? DifferenceInterval, string? UndefinedReason, IReadOnlyList<string> Caveats);
