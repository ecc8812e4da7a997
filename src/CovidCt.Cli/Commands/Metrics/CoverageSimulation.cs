using CovidCt.Metrics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Coverage of the intervals of issue #17 on simulated data whose truth is known: binormal scores (non-diseased N(0, 1 + σ²),
/// diseased N(δ, 1 + σ²)) where σ² is the variance of a per-patient random effect shared by the patient's slices. With
/// σ² = 0 and one slice per patient the design is unclustered. Reports how often each 95% interval holds the truth and
/// how often each paired test rejects a true null (two detectors with the same distribution).
/// </summary>
internal sealed class CoverageSimulation(int patients, int slicesPerPatient, double patientVariance, int seed)
{
    private const double Separation = 1.5;
    private const double Threshold = 0.75;

    public string Design => slicesPerPatient == 1 && patientVariance == 0
        ? $"unclustered: {patients} patients × 1 image"
        : $"clustered: {patients} patients × {slicesPerPatient} images, patient variance {patientVariance}";

    /// <summary>Runs <paramref name="datasets"/> datasets; each row is an interval or test with the share of datasets where it held (or rejected).</summary>
    public IReadOnlyList<CoverageRow> Run(int datasets)
    {
        var random = new Random(seed);
        var counts = new Dictionary<string, (int Hits, int Defined)>(StringComparer.Ordinal);
        void Count(string name, bool? hit)
        {
            counts.TryGetValue(name, out var c);
            counts[name] = hit is { } h ? (c.Hits + (h ? 1 : 0), c.Defined + 1) : c;
        }
        var sd = Math.Sqrt(1 + patientVariance);
        var sensitivity = Normal.CDF(0, 1, (Separation - Threshold) / sd);
        var specificity = Normal.CDF(0, 1, Threshold / sd);
        for (var d = 0; d < datasets; d++)
        {
            var data = Draw(random);
            var truthAuc = TrueAuc(data.Labels, data.Patients);
            Count("AUC: DeLong (independent images)", DeLong.Compute(data.A, data.Labels)?.PlainInterval.Contains(truthAuc));
            Count("AUC: Obuchowski (clustered)", ClusteredAuc.Compute(data.A, data.Labels, data.Patients)?.PlainInterval.Contains(truthAuc));
            var decisionsA = data.A.Select(s => s >= Threshold).ToArray();
            var decisionsB = data.B.Select(s => s >= Threshold).ToArray();
            var table = ConfusionCounts.FromDecisions(data.Labels, decisionsA);
            Count("Sensitivity: Wilson (independent images)", ProportionIntervals.Compute(table.TruePositives, table.Positives)?.Contains(sensitivity));
            Count("Sensitivity: Rao–Scott Wilson (clustered)", ClusteredProportion.Sensitivity(data.Labels, decisionsA, data.Patients).Proportion.Interval?.Contains(sensitivity));
            Count("Specificity: Wilson (independent images)", ProportionIntervals.Compute(table.TrueNegatives, table.Negatives)?.Contains(specificity));
            Count("Specificity: Rao–Scott Wilson (clustered)", ClusteredProportion.Specificity(data.Labels, decisionsA, data.Patients).Proportion.Interval?.Contains(specificity));
            Count("DOR: log (Haldane at a zero cell)", RatioSummaries.DiagnosticOddsRatio(table).Estimate.Interval?.Contains(sensitivity / (1 - sensitivity) * (specificity / (1 - specificity))));
            Count("LR+: log (Haldane at a zero cell)", RatioSummaries.PositiveLikelihoodRatio(table).Estimate.Interval?.Contains(sensitivity / (1 - specificity)));
            Count("Null rejected at 5%: paired DeLong", DeLong.HasEnoughCases(data.Labels) ? DeLong.Paired(data.A, data.B, data.Labels).PValue < 0.05 : null);
            Count("Null rejected at 5%: clustered paired AUC", ClusteredAuc.WhyUndefined(data.Labels, data.Patients) is null ? ClusteredAuc.Paired(data.A, data.B, data.Labels, data.Patients).PValue < 0.05 : null);
            Count("Null rejected at 5%: McNemar exact (sensitivity)", McNemar.CompareDecisions(decisionsA, decisionsB, data.Labels).Sensitivity.PValue < 0.05);
            Count("Null rejected at 5%: Durkalski clustered McNemar (sensitivity)", ClusteredMcNemar.CompareDecisions(decisionsA, decisionsB, data.Labels, data.Patients).Sensitivity.PValue < 0.05);
        }
        return counts.Select(c => new CoverageRow(c.Key, c.Value.Defined, c.Value.Defined == 0 ? null : (double)c.Value.Hits / c.Value.Defined)).ToArray();
    }

    // Half the patients are diseased and half their slices show disease; detectors A and B share the patient effect and
    // the slice's truth but have independent noise, so they have the same AUC, sensitivity and specificity (a true null).
    private (double[] A, double[] B, bool[] Labels, string[] Patients) Draw(Random random)
    {
        var n = patients * slicesPerPatient;
        var (a, b, labels, ids) = (new double[n], new double[n], new bool[n], new string[n]);
        for (var p = 0; p < patients; p++)
        {
            var effect = Math.Sqrt(patientVariance) * Gaussian(random);
            var diseasedPatient = p % 2 == 0;
            for (var s = 0; s < slicesPerPatient; s++)
            {
                var u = p * slicesPerPatient + s;
                labels[u] = slicesPerPatient == 1 ? random.NextDouble() < 0.3 : diseasedPatient && random.NextDouble() < 0.5;
                var mean = (labels[u] ? Separation : 0) + effect;
                a[u] = mean + Gaussian(random);
                b[u] = mean + Gaussian(random);
                ids[u] = $"p{p}";
            }
        }
        return (a, b, labels, ids);
    }

    // E[AUC estimate | labels, clusters]: pairs from different patients have AUC Φ(δ/√(2 + 2σ²)); pairs within a patient
    // share its effect and have Φ(δ/√2).
    private double TrueAuc(bool[] labels, string[] patients)
    {
        var diseased = labels.Count(l => l);
        var pairs = (double)diseased * (labels.Length - diseased);
        var within = labels.Select((l, i) => (l, p: patients[i])).GroupBy(x => x.p).Sum(g => (double)g.Count(x => x.l) * g.Count(x => !x.l));
        var between = Normal.CDF(0, 1, Separation / Math.Sqrt(2 + 2 * patientVariance));
        var inside = Normal.CDF(0, 1, Separation / Math.Sqrt(2));
        return (within * inside + (pairs - within) * between) / pairs;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>One interval or test of a <see cref="CoverageSimulation"/>: datasets where it was defined, and the share that covered the truth (or rejected).</summary>
internal sealed record CoverageRow(string Name, int Datasets, double? Rate);
