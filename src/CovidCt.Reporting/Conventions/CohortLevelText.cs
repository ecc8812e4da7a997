using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Reporting.Conventions;

/// <summary>What the outputs say about a cohort's level, once, so the console, metrics.json and report.html say the same.</summary>
public static class CohortLevelText
{
    /// <summary>Why an image-level cohort has no patient decisions, as a clause.</summary>
    public const string NoPatientRule =
        "this is an image-level cohort (each image is its own case, from unrelated patients), and the study's patient rule needs consecutive slices of one patient";

    /// <summary>Why an image-level cohort has no per-patient table (evaluate, compare and sweep print it, metrics.json and the JSON of compare and sweep give it as <c>per_patient_omitted</c>).</summary>
    public const string NoPatientTable = "No per-patient table: " + NoPatientRule + ".";

    /// <summary>
    /// The cases of <paramref name="evaluation"/> in words: "12 patients (6 COVID-19, 6 control)", or for an image-level cohort
    /// "50 images (48 with lesions, 2 lesion-free)", counted from each image's truth: an image whose mask is empty is
    /// lesion-free, whether it came with an empty mask file or none.
    /// </summary>
    public static string Cases(CohortManifest manifest, PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var cases = evaluation.Patients;
        if (HasPatientTable(manifest))
        {
            var covid = cases.Count(p => p.IsCovid);
            return $"{Plural.Count(cases.Count, "patient")} ({covid} COVID-19, {cases.Count - covid} control)";
        }
        var lesion = cases.Count(p => p.SliceTruth.Any(t => t == true));
        return $"{Plural.Count(cases.Count, "image")} ({lesion} with lesions, {cases.Count - lesion} lesion-free)";
    }

    /// <summary>True when <paramref name="manifest"/>'s evaluation has a per-patient table (a patient-level cohort).</summary>
    public static bool HasPatientTable(CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Level == CohortLevel.Patient;
    }
}
