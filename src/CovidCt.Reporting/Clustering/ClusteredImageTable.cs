using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Clustering;

/// <summary>
/// The per-image statistics with slices clustered by patient, shown beside the plain ones that treat slices as independent:
/// Obuchowski's clustered AUC interval (1997) and the Rao–Scott Wilson interval of sensitivity and specificity. Slices of
/// one patient are correlated, so the plain intervals are too narrow whenever patients contribute several slices; the
/// clustered ones are the intervals to quote. Built only when some patient contributes more than one slice with a known
/// truth: in an image-level cohort each image is its own case and the plain intervals are right (<see cref="NotClustered"/>).
/// </summary>
/// <param name="Patients">Patients contributing slices with a known truth.</param>
/// <param name="Auc">The AUC of the image score with the clustered variance; null when <paramref name="AucUndefined"/> says why.</param>
/// <param name="AucUndefined">Why the clustered AUC variance is undefined; null when it is defined.</param>
/// <param name="Sensitivity">Per-slice sensitivity with the clustered interval beside the naive Wilson one.</param>
/// <param name="Specificity">Per-slice specificity with the clustered interval beside the naive Wilson one.</param>
public sealed record ClusteredImageTable(int Patients, ClusteredAucResult? Auc, string? AucUndefined, ClusteredProportionResult Sensitivity, ClusteredProportionResult Specificity)
{
    /// <summary>Below this many contributing patients the clustered variance is itself imprecise, and the outputs say so.</summary>
    public const int FewPatients = 10;

    /// <summary>Why the per-image intervals are not clustered when every case holds one image.</summary>
    public const string NotClustered =
        "Per-image intervals are not clustered: each case holds one image with known truth (an image-level cohort), so the images are independent cases and the plain Wilson and DeLong intervals are right.";

    /// <summary>The methods in one line.</summary>
    public string Method => $"clustered by patient ({Patients} patients): Obuchowski 1997 for the AUC, Rao–Scott Wilson for sensitivity and specificity";

    /// <summary>The patient of each slice with a known truth, in the order of <see cref="ComparedCases.Of(PipelineEvaluation, ComparisonLevel)"/> at image level.</summary>
    public static IReadOnlyList<string> PatientOfImages(IReadOnlyList<PatientOutcome> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        return patients.SelectMany(p => p.Result.Slices.Where(s => ComparedCases.TruthOf(p, s.Index) is not null).Select(_ => p.Result.PatientId)).ToArray();
    }

    /// <summary>True when some patient contributes more than one image, so the images are clustered.</summary>
    public static bool AreClustered(IReadOnlyList<string> patientOfImage)
    {
        ArgumentNullException.ThrowIfNull(patientOfImage);
        return patientOfImage.Distinct(StringComparer.Ordinal).Count() < patientOfImage.Count;
    }

    /// <summary>The clustered per-image statistics of <paramref name="evaluation"/> at its level; null when the images are not clustered (<see cref="NotClustered"/>).</summary>
    public static ClusteredImageTable? Of(PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var patients = PatientOfImages(evaluation.Patients);
        if (!AreClustered(patients)) return null;
        var cases = ComparedCases.Of(evaluation, ComparisonLevel.Image);
        var level = evaluation.ImageMetrics.Level;
        var reason = ClusteredAuc.WhyUndefined(cases.Truth, patients);
        return new ClusteredImageTable(patients.Distinct(StringComparer.Ordinal).Count(),
            reason is null ? ClusteredAuc.Compute(cases.Scores, cases.Truth, patients, level) : null, reason,
            ClusteredProportion.Sensitivity(cases.Truth, cases.Decisions, patients, level),
            ClusteredProportion.Specificity(cases.Truth, cases.Decisions, patients, level));
    }

    /// <summary>What to keep in mind reading the clustered intervals: an undefined AUC variance, a floored design effect, few patients.</summary>
    public IReadOnlyList<string> Caveats
    {
        get
        {
            var caveats = new List<string>();
            if (AucUndefined is not null) caveats.Add($"clustered AUC interval undefined: {AucUndefined}");
            else if (Auc is { } auc && double.IsNaN(auc.DesignEffect)) caveats.Add("AUC design effect undefined: the score separates the classes, so DeLong's variance is 0");
            else if (Auc is { } narrower && narrower.DesignEffect < 1)
            {
                // Obuchowski's variance is not floored (it is the published estimator), so the outputs say when it came out below DeLong's.
                caveats.Add($"AUC: estimated design effect {Conventions.TextFormat.Number(narrower.DesignEffect, "0.###")} < 1 (from {Patients} patients), so the clustered interval is narrower than DeLong's; with few patients this mostly reflects noise in the variance, and the wider of the two is the cautious one to quote");
            }
            Add(caveats, "sensitivity", Sensitivity);
            Add(caveats, "specificity", Specificity);
            return caveats;
        }
    }

    private static void Add(List<string> caveats, string name, ClusteredProportionResult result)
    {
        if (result.Caveat is { } caveat) caveats.Add($"{name}: {caveat}");
        else if (result.Proportion.Value is null) caveats.Add($"{name}: {result.Proportion.UndefinedReason}");
        if (result.Proportion.Value is not null && result.Clusters < FewPatients)
        {
            caveats.Add($"{name}: only {result.Clusters} patients contribute slices; with fewer than {FewPatients} the clustered variance is itself imprecise");
        }
    }
}
