namespace CovidCt.Metrics;

/// <summary>
/// DeLong's placement values by the midrank algorithm of Sun and Xu (2014), O(n log n):
/// for a diseased case, the fraction of non-diseased scores below it (ties count 1/2);
/// for a non-diseased case, the fraction of diseased scores above it. Their mean is the AUC.
/// </summary>
internal sealed class PlacementValues
{
    private PlacementValues(double[] diseased, double[] nonDiseased, double auc, double mannWhitneyU)
    {
        Diseased = diseased;
        NonDiseased = nonDiseased;
        Auc = auc;
        MannWhitneyU = mannWhitneyU;
    }

    /// <summary>V10: one per diseased case, in input order.</summary>
    public double[] Diseased { get; }

    /// <summary>V01: one per non-diseased case, in input order.</summary>
    public double[] NonDiseased { get; }

    public double Auc { get; }

    /// <summary>Pairs (diseased, non-diseased) ordered correctly, ties counted 1/2.</summary>
    public double MannWhitneyU { get; }

    /// <summary>Requires at least one case of each class.</summary>
    public static PlacementValues Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ThresholdSweep.Validate(scores, labels);
        var x = scores.Where((_, i) => labels[i]).ToArray();
        var y = scores.Where((_, i) => !labels[i]).ToArray();
        if (x.Length == 0 || y.Length == 0) throw new ArgumentException("placement values need at least one diseased and one non-diseased case", nameof(labels));
        var combined = MidRanks([.. x, .. y]);
        var withinX = MidRanks(x);
        var withinY = MidRanks(y);
        int m = x.Length, n = y.Length;
        var v10 = new double[m];
        var v01 = new double[n];
        double rankSum = 0;
        for (var i = 0; i < m; i++)
        {
            rankSum += combined[i];
            v10[i] = (combined[i] - withinX[i]) / n;
        }
        for (var j = 0; j < n; j++) v01[j] = 1 - (combined[m + j] - withinY[j]) / m;
        var u = rankSum - m * (m + 1.0) / 2;
        return new PlacementValues(v10, v01, u / ((double)m * n), u);
    }

    // 1-based ranks, ties given the mean of the ranks they span.
    private static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start]) end++;
            var midRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = midRank;
            start = end + 1;
        }
        return ranks;
    }
}
