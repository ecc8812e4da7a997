using System.Globalization;

namespace CovidCt.Metrics;

/// <summary>
/// The free-response cases reduced to what the AFROC compares: each normal case's highest non-lesion score (−∞ without a
/// mark), each lesion's score (−∞ unmarked) and weight, and the cluster of each. Checks the input once, naming the case.
/// </summary>
internal sealed class JafrocData
{
    /// <summary>How far a case's lesion weights may sum from 1: they are typically typed in as decimals (0.333).</summary>
    private const double WeightSumTolerance = 1e-6;

    private JafrocData(double[] normalScores, int[] normalClusters, double[] lesionScores, double[] lesionWeights, double[] lesionUnits, int[] lesionClusters, string[] clusterNames, int diseased)
    {
        LesionUnits = lesionUnits;
        NormalScores = normalScores;
        NormalClusters = normalClusters;
        LesionScores = lesionScores;
        LesionWeights = lesionWeights;
        LesionClusters = lesionClusters;
        ClusterNames = clusterNames;
        DiseasedCases = diseased;
    }

    public double[] NormalScores { get; }

    public int[] NormalClusters { get; }

    public double[] LesionScores { get; }

    public double[] LesionWeights { get; }

    public int[] LesionClusters { get; }

    /// <summary>
    /// Each lesion's share of the denominator as a whole number: 1 per lesion for the AFROC; for the wAFROC 1 on a case's
    /// first lesion and 0 on the others, so the denominator counts diseased cases exactly (K₂, as RJafroc divides by)
    /// rather than summing weights that may round to 82.999999999.
    /// </summary>
    public double[] LesionUnits { get; }

    public string[] ClusterNames { get; }

    public int DiseasedCases { get; }

    public int UnmarkedLesions => LesionScores.Count(double.IsNegativeInfinity);

    public static JafrocData From(IReadOnlyList<FreeResponseCase> cases, JafrocFigure figure)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var clusterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        List<double> normalScores = [], lesionScores = [], lesionWeights = [], lesionUnits = [];
        List<int> normalClusters = [], lesionClusters = [];
        var diseased = 0;
        foreach (var c in cases)
        {
            ArgumentNullException.ThrowIfNull(c);
            if (string.IsNullOrEmpty(c.Id)) throw new ArgumentException("a case has an empty id", nameof(cases));
            if (!ids.Add(c.Id)) throw new ArgumentException($"case '{c.Id}' appears twice; each case must appear once", nameof(cases));
            if (string.IsNullOrEmpty(c.Cluster)) throw new ArgumentException($"case '{c.Id}' has an empty cluster (patient) id", nameof(cases));
            foreach (var s in c.NonLesionScores)
            {
                if (!double.IsFinite(s)) throw new ArgumentException($"case '{c.Id}': a non-lesion mark's score is {s.ToString(CultureInfo.InvariantCulture)}; expected a finite number", nameof(cases));
            }
            if (!clusterIndex.TryGetValue(c.Cluster, out var cluster)) clusterIndex.Add(c.Cluster, cluster = clusterIndex.Count);
            if (c.IsNormal)
            {
                normalScores.Add(c.NonLesionScores.Count == 0 ? double.NegativeInfinity : c.NonLesionScores.Max());
                normalClusters.Add(cluster);
                continue;
            }
            diseased++;
            var weights = Weights(c, figure);
            for (var l = 0; l < c.Lesions.Count; l++)
            {
                var score = c.Lesions[l].Score;
                if (score is { } s && !double.IsFinite(s))
                {
                    throw new ArgumentException($"case '{c.Id}', lesion {l + 1}: score {s.ToString(CultureInfo.InvariantCulture)}; expected a finite number, or none for an unmarked lesion", nameof(cases));
                }
                lesionScores.Add(score ?? double.NegativeInfinity);
                lesionWeights.Add(weights[l]);
                lesionUnits.Add(figure == JafrocFigure.Afroc || l == 0 ? 1 : 0);
                lesionClusters.Add(cluster);
            }
        }
        return new JafrocData([.. normalScores], [.. normalClusters], [.. lesionScores], [.. lesionWeights], [.. lesionUnits], [.. lesionClusters],
            [.. clusterIndex.OrderBy(p => p.Value).Select(p => p.Key)], diseased);
    }

    /// <summary>The weights the figure gives the case's lesions: 1 each for the AFROC; the given ones or equal shares for the wAFROC.</summary>
    private static double[] Weights(FreeResponseCase c, JafrocFigure figure)
    {
        var given = c.Lesions.Count(l => l.Weight is not null);
        if (given != 0 && given != c.Lesions.Count)
        {
            throw new ArgumentException($"case '{c.Id}': {given} of its {c.Lesions.Count} lesions have a weight; give every lesion of a case a weight, or none", nameof(c));
        }
        if (given > 0)
        {
            if (c.Lesions.FirstOrDefault(l => !(l.Weight > 0 && double.IsFinite(l.Weight!.Value))) is { } w)
            {
                throw new ArgumentException($"case '{c.Id}': lesion weight {w.Weight!.Value.ToString(CultureInfo.InvariantCulture)}; expected a finite number above 0", nameof(c));
            }
            var sum = c.Lesions.Sum(l => l.Weight!.Value);
            if (Math.Abs(sum - 1) > WeightSumTolerance)
            {
                throw new ArgumentException($"case '{c.Id}': its lesion weights sum to {sum.ToString("R", CultureInfo.InvariantCulture)}; the weights of one case must sum to 1", nameof(c));
            }
        }
        if (figure == JafrocFigure.Afroc) return [.. c.Lesions.Select(_ => 1.0)];
        return given > 0 ? [.. c.Lesions.Select(l => l.Weight!.Value)] : [.. c.Lesions.Select(_ => 1.0 / c.Lesions.Count)];
    }
}
