namespace CovidCt.Metrics;

/// <summary>
/// Two binary decisions on the same cases, compared by McNemar's test separately on the diseased cases
/// (a difference in sensitivity) and on the non-diseased cases (a difference in specificity).
/// </summary>
/// <param name="Sensitivity">Test among diseased cases; "correct" means called positive.</param>
/// <param name="Specificity">Test among non-diseased cases; "correct" means called negative.</param>
public sealed record PairedDecisionComparison(McNemarResult Sensitivity, McNemarResult Specificity);
