namespace CovidCt.Metrics;

/// <summary>
/// The confusion table at every distinct score threshold in O(n log n): one sort, then running counts.
/// A case is called positive when its score is ≥ the threshold, so tied scores always move together.
/// </summary>
public static class ThresholdSweep
{
    /// <summary>
    /// One point per distinct score, from the highest threshold to the lowest. The lowest point calls
    /// every case positive; the "nothing positive" point (threshold +∞) is not included.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or a score is not finite.</exception>
    public static IReadOnlyList<ThresholdPoint> Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = SortDescending(scores, labels);
        long positives = labels.Count(l => l), negatives = labels.Count - positives;
        var points = new List<ThresholdPoint>();
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]]) tp++;
            else fp++;
            var last = i + 1 == order.Length || scores[order[i + 1]] != scores[order[i]];
            if (last) points.Add(new ThresholdPoint(scores[order[i]], new ConfusionCounts(tp, fp, negatives - fp, positives - tp)));
        }
        return points;
    }

    internal static void Validate(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count) throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels", nameof(labels));
        if (scores.Count == 0) throw new ArgumentException("no cases", nameof(scores));
        for (var i = 0; i < scores.Count; i++)
        {
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"score {i} is {scores[i]}; scores must be finite", nameof(scores));
        }
    }

    private static int[] SortDescending(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Validate(scores, labels);
        var keys = new double[scores.Count];
        var order = new int[scores.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -scores[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }
}
