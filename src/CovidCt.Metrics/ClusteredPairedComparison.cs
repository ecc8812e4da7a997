namespace CovidCt.Metrics;

/// <summary>Two binary decisions on the same clustered units, compared among diseased units (sensitivity) and non-diseased units (specificity).</summary>
/// <param name="Sensitivity">Test among diseased units; "correct" means called positive.</param>
/// <param name="Specificity">Test among non-diseased units; "correct" means called negative.</param>
public sealed record ClusteredPairedComparison(ClusteredMcNemarResult Sensitivity, ClusteredMcNemarResult Specificity);
