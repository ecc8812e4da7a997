using CovidCt.Metrics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Coverage of the intervals of issue #17 on simulated data whose truth is known: binormal scores (non-diseased N(0, 1 + σ²),
/// diseased N(δ, 1 + σ²)) where σ² is the variance of a per-patient random effect shared by the patient's slices. With
/// σ² = 0 and one slice per patient the design is unclustered. Reports how often each 95% interval holds the truth and
/// how often each paired test rejects a true null (two detectors with the same distribution). Lesions are simulated beside
/// the slices: per patient 1 lesion (unclustered) or 1 + Poisson(3) lesions, each hit with probability expit(0.8 + u), where
/// the patient effect u ~ N(0, σ²) is shared by the patient's lesions. The JAFROC rows draw marks on the same layout
/// (<see cref="CoverageSimulationMarks"/>). Bootstraps use <see cref="Resamples"/> resamples.
/// </summary>
internal sealed class CoverageSimulation(int patients, int slicesPerPatient, double patientVariance, int seed)
{
    /// <summary>Patient-bootstrap resamples per dataset: enough for a 95% percentile interval's coverage, and 10× cheaper than the CLI's 2,000.</summary>
    public const int Resamples = 200;

    private const double Separation = 1.5;
    private const double Threshold = 0.75;
    private const double HitLogit = 0.8;
    private const double FixedSpecificity = 0.8;

    public string Design => slicesPerPatient == 1 && patientVariance == 0
        ? $"unclustered: {patients} patients × 1 image"
        : $"clustered: {patients} patients × {slicesPerPatient} images, patient variance {patientVariance}";

    /// <summary>Runs <paramref name="datasets"/> datasets; each row is an interval or test with the share of datasets where it held (or rejected).</summary>
    public IReadOnlyList<CoverageRow> Run(int datasets)
    {
        var random = new Random(seed);
        // Lesions, marks and bootstraps draw from their own streams, so the slice datasets, and the rows above them, stay as they were.
        var lesionRandom = new Random(seed + 1);
        var markRandom = new Random(seed + 2);
        var marks = new CoverageSimulationMarks(patients, slicesPerPatient, patientVariance);
        var tally = new CoverageSimulationTally();
        void Count(string name, bool? hit) => tally.Count(name, hit);
        var sd = Math.Sqrt(1 + patientVariance);
        var sensitivity = Normal.CDF(0, 1, (Separation - Threshold) / sd);
        var specificity = Normal.CDF(0, 1, Threshold / sd);
        // Slice prevalence: 0.3 unclustered; half the patients diseased with half their slices, 0.25, clustered.
        var prevalence = slicesPerPatient == 1 ? 0.3 : 0.25;
        var (tp, fp, fn) = (prevalence * sensitivity, (1 - prevalence) * (1 - specificity), prevalence * (1 - sensitivity));
        var f1 = 2 * tp / (2 * tp + fp + fn);
        var averagePrecision = CoverageSimulationTruths.AveragePrecision(Separation, sd, prevalence);
        var atSpecificity = Normal.CDF(0, 1, (Separation - sd * Normal.InvCDF(0, 1, FixedSpecificity)) / sd);
        var hitRate = CoverageSimulationTruths.MeanExpit(HitLogit, patientVariance);
        // The population partial area of the slices' marginal binormal curve (a = δ/√(1 + σ²)), which the estimate approaches as patients grow.
        var partialArea = CoverageSimulationTruths.BinormalPartialAuc(Separation / sd, FixedSpecificity);
        var partialMcClish = CoverageSimulationTruths.McClish(partialArea, FixedSpecificity);
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
            var metrics = DiagnosticMetrics.Compute(table);
            Count("Youden's J and balanced accuracy: MOVER-Wilson (independent images)", metrics.YoudenJ.Interval?.Contains(sensitivity + specificity - 1));
            Count("F1: Wilson on the Jaccard index (independent images)", metrics.F1.Interval?.Contains(f1));
            var bootstrap = new PatientBootstrap(data.Patients, Resamples, seed + d);
            var boot = bootstrap.ConfusionMetrics(data.Labels, decisionsA).ToDictionary(m => m.Key, m => m.Value.Interval);
            Count("Youden's J: patient bootstrap", boot["youden_j"]?.Contains(sensitivity + specificity - 1));
            Count("F1: patient bootstrap", boot["f1"]?.Contains(f1));
            Count("PR-AUC: logit (independent images)", PrecisionRecall.AveragePrecision(data.Labels, data.A).AveragePrecision.Interval?.Contains(averagePrecision));
            Count("PR-AUC: patient bootstrap", PrecisionRecall.Bootstrap(data.Labels, data.A, bootstrap).Interval?.Contains(averagePrecision));
            var curve = Roc.FromScores(data.Labels, data.A);
            Count("Sensitivity at specificity ≥ 0.8: Wilson, threshold fixed", FixedRate.SensitivityAtSpecificity(curve, FixedSpecificity).Rate.Interval?.Contains(atSpecificity));
            Count("Sensitivity at specificity ≥ 0.8: bootstrap re-choosing the threshold",
                FixedRate.SensitivityAtSpecificityBootstrap(data.Labels, data.A, FixedSpecificity, bootstrap).Interval?.Contains(atSpecificity));
            var stratified = PartialAucBootstrap.Stratified(data.Labels, data.A, FixedSpecificity, Resamples, seed + d);
            var byPatient = PartialAucBootstrap.ByPatient(data.Labels, data.A, FixedSpecificity, bootstrap);
            Count("Partial AUC, specificity ≥ 0.8: stratified bootstrap (independent images)", stratified.Area.Interval?.Contains(partialArea));
            Count("Partial AUC, specificity ≥ 0.8: patient bootstrap", byPatient.Area.Interval?.Contains(partialArea));
            Count("McClish partial AUC, specificity ≥ 0.8: stratified bootstrap (independent images)", stratified.McClish.Interval?.Contains(partialMcClish));
            Count("McClish partial AUC, specificity ≥ 0.8: patient bootstrap", byPatient.McClish.Interval?.Contains(partialMcClish));
            var (hits, lesionPatients) = Lesions(lesionRandom);
            var lesionRate = ClusteredProportion.Compute(hits, lesionPatients);
            Count("Lesion hit rate: Wilson (lesions independent)", lesionRate.NaiveInterval?.Contains(hitRate));
            Count("Lesion hit rate: Rao–Scott Wilson (clustered by patient)", lesionRate.Proportion.Interval?.Contains(hitRate));
            var marked = marks.Draw(markRandom);
            // One paired comparison per design: it holds A's own wAFROC (A), so A is not fitted a second time.
            var (byCase, byCluster) = (Jafroc.Compare(marked.AByCase, marked.BByCase), Jafroc.Compare(marked.AByPatient, marked.BByPatient));
            Count("wAFROC: jackknife over images (independent images)", byCase.A.FigureOfMerit.Interval?.Contains(marked.TrueWafroc));
            Count("wAFROC: jackknife over patients (clustered)", byCluster.A.FigureOfMerit.Interval?.Contains(marked.TrueWafroc));
            Count("Null rejected at 5%: paired DeLong", DeLong.HasEnoughCases(data.Labels) ? DeLong.Paired(data.A, data.B, data.Labels).PValue < 0.05 : null);
            Count("Null rejected at 5%: clustered paired AUC", ClusteredAuc.WhyUndefined(data.Labels, data.Patients) is null ? ClusteredAuc.Paired(data.A, data.B, data.Labels, data.Patients).PValue < 0.05 : null);
            Count("Null rejected at 5%: McNemar exact (sensitivity)", McNemar.CompareDecisions(decisionsA, decisionsB, data.Labels).Sensitivity.PValue < 0.05);
            Count("Null rejected at 5%: Durkalski clustered McNemar (sensitivity)", ClusteredMcNemar.CompareDecisions(decisionsA, decisionsB, data.Labels, data.Patients).Sensitivity.PValue < 0.05);
            Count("Null rejected at 5%: paired wAFROC, jackknife over images", byCase.PValue is { } pCase ? pCase < 0.05 : null);
            Count("Null rejected at 5%: paired wAFROC, jackknife over patients", byCluster.PValue is { } pPatient ? pPatient < 0.05 : null);
        }
        return tally.Rows();
    }

    // Half the patients are diseased and half their slices show disease; detectors A and B share the patient effect and
    // the slice's truth but have independent noise, so they have the same AUC, sensitivity and specificity (a true null).
    private (double[] A, double[] B, bool[] Labels, string[] Patients) Draw(Random random)
    {
        var n = patients * slicesPerPatient;
        var (a, b, labels, ids) = (new double[n], new double[n], new bool[n], new string[n]);
        for (var p = 0; p < patients; p++)
        {
            var effect = Math.Sqrt(patientVariance) * CoverageSimulationTruths.Gaussian(random);
            var diseasedPatient = p % 2 == 0;
            for (var s = 0; s < slicesPerPatient; s++)
            {
                var u = p * slicesPerPatient + s;
                labels[u] = slicesPerPatient == 1 ? random.NextDouble() < 0.3 : diseasedPatient && random.NextDouble() < 0.5;
                var mean = (labels[u] ? Separation : 0) + effect;
                a[u] = mean + CoverageSimulationTruths.Gaussian(random);
                b[u] = mean + CoverageSimulationTruths.Gaussian(random);
                ids[u] = $"p{p}";
            }
        }
        return (a, b, labels, ids);
    }

    // Each patient's lesions, hit with probability expit(HitLogit + u), u the patient's effect.
    private (bool[] Hits, string[] Patients) Lesions(Random random)
    {
        var hits = new List<bool>();
        var ids = new List<string>();
        for (var p = 0; p < patients; p++)
        {
            var probability = 1 / (1 + Math.Exp(-(HitLogit + Math.Sqrt(patientVariance) * CoverageSimulationTruths.Gaussian(random))));
            var count = slicesPerPatient == 1 ? 1 : 1 + Poisson.Sample(random, 3);
            for (var l = 0; l < count; l++)
            {
                hits.Add(random.NextDouble() < probability);
                ids.Add($"p{p}");
            }
        }
        return (hits.ToArray(), ids.ToArray());
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
}
