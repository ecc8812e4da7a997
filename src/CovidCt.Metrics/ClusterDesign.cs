namespace CovidCt.Metrics;

/// <summary>
/// The cluster structure of Obuchowski (1997): per cluster i the number of diseased units m_i and non-diseased units
/// n_i, and how many clusters hold each kind (I10, I01) and in all (I). Sums placement values per cluster and forms the
/// (co)variance S10/M + S01/N + (S11 + S11′)/(M·N) of one AUC or of two AUCs on the same units.
/// </summary>
internal sealed class ClusterDesign
{
    private readonly int[] _clusterOfUnit;
    private readonly bool[] _labels;
    private readonly double[] _diseasedPerCluster;
    private readonly double[] _nonDiseasedPerCluster;
    private readonly int _clustersWithDiseased;
    private readonly int _clustersWithNonDiseased;

    private ClusterDesign(int[] clusterOfUnit, bool[] labels, int clusters)
    {
        _clusterOfUnit = clusterOfUnit;
        _labels = labels;
        Clusters = clusters;
        _diseasedPerCluster = new double[clusters];
        _nonDiseasedPerCluster = new double[clusters];
        for (var u = 0; u < labels.Length; u++) (labels[u] ? _diseasedPerCluster : _nonDiseasedPerCluster)[clusterOfUnit[u]]++;
        _clustersWithDiseased = _diseasedPerCluster.Count(m => m > 0);
        _clustersWithNonDiseased = _nonDiseasedPerCluster.Count(n => n > 0);
        Diseased = labels.Count(l => l);
        NonDiseased = labels.Length - Diseased;
    }

    public int Clusters { get; }

    public int Diseased { get; }

    public int NonDiseased { get; }

    public static ClusterDesign From(IReadOnlyList<bool> labels, IReadOnlyList<string> clusters)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterOfUnit = new int[clusters.Count];
        for (var u = 0; u < clusters.Count; u++)
        {
            if (!index.TryGetValue(clusters[u], out var c)) index[clusters[u]] = c = index.Count;
            clusterOfUnit[u] = c;
        }
        return new ClusterDesign(clusterOfUnit, labels.ToArray(), index.Count);
    }

    /// <summary>Per-cluster deviations V10_i − m_i·θ and V01_i − n_i·θ of one score set.</summary>
    public ClusterSums Sums(PlacementValues placements)
    {
        var x = new double[Clusters];
        var y = new double[Clusters];
        int d = 0, n = 0;
        for (var u = 0; u < _labels.Length; u++)
        {
            if (_labels[u]) x[_clusterOfUnit[u]] += placements.Diseased[d++];
            else y[_clusterOfUnit[u]] += placements.NonDiseased[n++];
        }
        for (var c = 0; c < Clusters; c++)
        {
            x[c] -= _diseasedPerCluster[c] * placements.Auc;
            y[c] -= _nonDiseasedPerCluster[c] * placements.Auc;
        }
        return new ClusterSums(placements.Auc, x, y);
    }

    /// <summary>Obuchowski's covariance of the AUCs behind <paramref name="a"/> and <paramref name="b"/> (their variance when equal).</summary>
    public double Covariance(ClusterSums a, ClusterSums b)
    {
        double xx = 0, yy = 0, xy = 0, yx = 0;
        for (var c = 0; c < Clusters; c++)
        {
            xx += a.Diseased[c] * b.Diseased[c];
            yy += a.NonDiseased[c] * b.NonDiseased[c];
            xy += a.Diseased[c] * b.NonDiseased[c];
            yx += b.Diseased[c] * a.NonDiseased[c];
        }
        double m = Diseased, n = NonDiseased, i10 = _clustersWithDiseased, i01 = _clustersWithNonDiseased, i = Clusters;
        var s10 = i10 / ((i10 - 1) * m) * xx;
        var s01 = i01 / ((i01 - 1) * n) * yy;
        var s11 = i / (i - 1) * (xy + yx);
        return s10 / m + s01 / n + s11 / (m * n);
    }
}

/// <summary>Per-cluster placement sums of one score set, centred: V10_i − m_i·θ and V01_i − n_i·θ.</summary>
internal sealed record ClusterSums(double Auc, double[] Diseased, double[] NonDiseased);
