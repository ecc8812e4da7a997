namespace CovidCt.Metrics;

/// <summary>
/// The AFROC's sum of ψ over (normal case, lesion) pairs for the whole study and with each cluster left out, in
/// O(n log n): leaving cluster p out removes its lesions' row sums and its normal cases' column sums, and adds back the
/// pairs inside p that both removed.
/// </summary>
internal sealed class JafrocSums
{
    private JafrocSums(double total, double normals, double weight, double[] leaveOutTotal, double[] leaveOutNormals, double[] leaveOutWeight)
    {
        Total = total;
        Normals = normals;
        Weight = weight;
        LeaveOutTotal = leaveOutTotal;
        LeaveOutNormals = leaveOutNormals;
        LeaveOutWeight = leaveOutWeight;
    }

    /// <summary>Σ over normal cases k and lesions l of w_l ψ(highest mark on k, rating of l).</summary>
    public double Total { get; }

    public double Normals { get; }

    public double Weight { get; }

    public double[] LeaveOutTotal { get; }

    public double[] LeaveOutNormals { get; }

    public double[] LeaveOutWeight { get; }

    public double FigureOfMerit => Total / (Normals * Weight);

    /// <summary>The figure with cluster <paramref name="p"/> left out; NaN when that leaves no normal case or no lesion weight.</summary>
    public double LeaveOut(int p) => LeaveOutNormals[p] > 0 && LeaveOutWeight[p] > 0 ? LeaveOutTotal[p] / (LeaveOutNormals[p] * LeaveOutWeight[p]) : double.NaN;

    public static JafrocSums Compute(JafrocData data)
    {
        var normals = (double[])data.NormalScores.Clone();
        Array.Sort(normals);
        var lesionOrder = Enumerable.Range(0, data.LesionScores.Length).OrderBy(l => data.LesionScores[l]).ToArray();
        var sortedLesions = lesionOrder.Select(l => data.LesionScores[l]).ToArray();
        var prefixWeight = new double[sortedLesions.Length + 1];
        for (var i = 0; i < sortedLesions.Length; i++) prefixWeight[i + 1] = prefixWeight[i] + data.LesionWeights[lesionOrder[i]];
        var clusters = data.ClusterNames.Length;
        var removed = new double[clusters];
        var clusterNormals = new double[clusters];
        var clusterWeight = new double[clusters];
        var total = 0.0;
        // Row sums: each lesion against every normal case.
        for (var l = 0; l < data.LesionScores.Length; l++)
        {
            var row = data.LesionWeights[l] * Wins(normals, data.LesionScores[l]);
            total += row;
            removed[data.LesionClusters[l]] += row;
            clusterWeight[data.LesionClusters[l]] += data.LesionUnits[l];
        }
        // Column sums: each normal case against every lesion (weights above its score, half of those equal to it).
        var allWeight = prefixWeight[^1];
        for (var k = 0; k < data.NormalScores.Length; k++)
        {
            var score = data.NormalScores[k];
            int below = LowerBound(sortedLesions, score), upTo = UpperBound(sortedLesions, score);
            removed[data.NormalClusters[k]] += allWeight - prefixWeight[upTo] + 0.5 * (prefixWeight[upTo] - prefixWeight[below]);
            clusterNormals[data.NormalClusters[k]]++;
        }
        // Pairs inside one cluster were removed twice.
        var inside = InsideSums(data, clusters);
        var leaveOutTotal = new double[clusters];
        var leaveOutNormals = new double[clusters];
        var leaveOutWeight = new double[clusters];
        var weight = data.LesionUnits.Sum();
        for (var p = 0; p < clusters; p++)
        {
            leaveOutTotal[p] = total - removed[p] + inside[p];
            leaveOutNormals[p] = data.NormalScores.Length - clusterNormals[p];
            leaveOutWeight[p] = weight - clusterWeight[p];
        }
        return new JafrocSums(total, data.NormalScores.Length, weight, leaveOutTotal, leaveOutNormals, leaveOutWeight);
    }

    private static double[] InsideSums(JafrocData data, int clusters)
    {
        var normalsOf = new List<double>[clusters];
        for (var k = 0; k < data.NormalScores.Length; k++) (normalsOf[data.NormalClusters[k]] ??= []).Add(data.NormalScores[k]);
        foreach (var list in normalsOf) list?.Sort();
        var inside = new double[clusters];
        for (var l = 0; l < data.LesionScores.Length; l++)
        {
            if (normalsOf[data.LesionClusters[l]] is { } own) inside[data.LesionClusters[l]] += data.LesionWeights[l] * Wins(own, data.LesionScores[l]);
        }
        return inside;
    }

    /// <summary>Σ over the sorted normal scores of ψ(normal, lesion): 1 below the lesion's score, ½ equal to it (−∞ equals −∞).</summary>
    private static double Wins(IReadOnlyList<double> sortedNormals, double lesion)
    {
        int below = LowerBound(sortedNormals, lesion), upTo = UpperBound(sortedNormals, lesion);
        return below + 0.5 * (upTo - below);
    }

    /// <summary>How many sorted values are strictly below <paramref name="x"/>.</summary>
    private static int LowerBound(IReadOnlyList<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>How many sorted values are at most <paramref name="x"/>.</summary>
    private static int UpperBound(IReadOnlyList<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
