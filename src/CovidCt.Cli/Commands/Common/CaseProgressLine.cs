using System.Globalization;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The progress line of one case while a model runs over a cohort: a patient's label, slice count and patient-rule decision,
/// or, in an image-level cohort, whether the image has a lesion mask and whether any box survived (the rule needs consecutive
/// slices of one patient, which an image does not have).
/// </summary>
internal static class CaseProgressLine
{
    /// <summary>What a cohort of <paramref name="level"/> calls <paramref name="count"/> of its cases: "12 patients", "1 image" or "50 images".</summary>
    public static string Cases(CohortLevel level, int count) => Plural.Count(count, level == CohortLevel.Image ? "image" : "patient");

    public static string Of(CohortLevel level, string id, PatientOutcome outcome, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var result = outcome.Result;
        if (level == CohortLevel.Image)
        {
            var boxes = result.Slices.Any(s => s.Detection.IsPositive);
            return string.Create(c, $"{id,-12} image  {(outcome.IsCovid ? "lesion" : "no lesion"),-9} {(boxes ? "positive" : "negative"),-8} {elapsed.TotalSeconds,6:0.0} s");
        }
        return string.Create(c, $"{id,-12} {(outcome.IsCovid ? "covid" : "control"),-7} {result.Slices.Count,4} slices  {(result.Decision.IsPositive ? "positive" : "negative"),-8} {elapsed.TotalSeconds,6:0.0} s");
    }
}
