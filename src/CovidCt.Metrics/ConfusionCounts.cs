namespace CovidCt.Metrics;

/// <summary>
/// A 2×2 confusion table: decisions (positive/negative) against the truth (diseased/non-diseased).
/// </summary>
/// <param name="TruePositives">Diseased cases called positive.</param>
/// <param name="FalsePositives">Non-diseased cases called positive.</param>
/// <param name="TrueNegatives">Non-diseased cases called negative.</param>
/// <param name="FalseNegatives">Diseased cases called negative.</param>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>Diseased cases: TP + FN.</summary>
    public long Positives => TruePositives + FalseNegatives;

    /// <summary>Non-diseased cases: TN + FP.</summary>
    public long Negatives => TrueNegatives + FalsePositives;

    /// <summary>Cases called positive: TP + FP.</summary>
    public long CalledPositive => TruePositives + FalsePositives;

    /// <summary>Cases called negative: TN + FN.</summary>
    public long CalledNegative => TrueNegatives + FalseNegatives;

    /// <summary>All cases.</summary>
    public long Total => Positives + Negatives;

    /// <summary>Counts the decisions against the truth, case by case.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ConfusionCounts FromDecisions(IReadOnlyList<bool> truth, IReadOnlyList<bool> decisions)
    {
        if (truth.Count != decisions.Count) throw new ArgumentException($"{truth.Count} labels but {decisions.Count} decisions", nameof(decisions));
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i]) { if (decisions[i]) tp++; else fn++; }
            else if (decisions[i]) fp++;
            else tn++;
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /// <summary>The element-wise sum.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.TrueNegatives + b.TrueNegatives, a.FalseNegatives + b.FalseNegatives);
}
