namespace CovidCt.Metrics;

/// <summary>A JAFROC figure of merit with its case-level jackknife interval.</summary>
/// <param name="Figure">Which figure of merit.</param>
/// <param name="FigureOfMerit">
/// The figure of merit as wins / comparisons: the numerator sums ψ (1 when the lesion's rating is above the normal case's
/// highest mark, ½ when equal, 0 below) times the lesion's weight over every normal case and lesion; the denominator is
/// normal cases × the total weight (diseased cases for the wAFROC, lesions for the AFROC). Undefined, with the reason,
/// without a normal case or a lesion. Its interval is the jackknife one (method <c>jackknife</c>), or null when
/// <see cref="IntervalUndefinedReason"/> says why.
/// </param>
/// <param name="NormalCases">Cases without lesions.</param>
/// <param name="DiseasedCases">Cases with at least one lesion.</param>
/// <param name="Lesions">True lesions.</param>
/// <param name="UnmarkedLesions">Lesions no mark hits (rated −∞).</param>
/// <param name="Clusters">Units the jackknife leaves out one at a time (patients, or cases when they are independent).</param>
/// <param name="StandardError">The jackknife standard error, or null when the interval is undefined.</param>
/// <param name="IntervalUndefinedReason">Why there is no interval (fewer than two clusters, or a cluster whose removal leaves no normal case or no lesion), or null.</param>
/// <param name="Caveats">Conditions a reader should know, such as a zero-width interval; empty when none.</param>
public sealed record JafrocResult(JafrocFigure Figure, Estimate FigureOfMerit, int NormalCases, int DiseasedCases, int Lesions, int UnmarkedLesions, int Clusters,
    double? StandardError, string? IntervalUndefinedReason, IReadOnlyList<string> Caveats);
