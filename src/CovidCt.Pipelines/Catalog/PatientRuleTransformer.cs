using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 8: maps each patient's detected slice rows to one <see cref="PatientRow"/> (the quadrant rule over the slices in
/// anatomical order), carrying every slice's result so one pass over the cohort gives both of the study's tables.
/// </summary>
public sealed class PatientRuleTransformer : SliceTransformer<DetectedSliceRow, PatientRow>
{
    internal PatientRuleTransformer(MLContext context, ApplyPatientRuleOptions options) : base(context) => Options = options;

    /// <summary>k, gap and quadrant rule (validated when the estimator was made).</summary>
    public ApplyPatientRuleOptions Options { get; }

    /// <inheritdoc/>
    /// <exception cref="Data.IO.InvalidInputException">When a patient has two slices at one position.</exception>
    protected override IEnumerable<PatientRow> Map(IEnumerable<DetectedSliceRow> rows)
    {
        foreach (var patient in PatientGroups.Of(rows))
        {
            var first = patient[0];
            var detections = patient.Select(r => r.Detection()).ToArray();
            var decision = PatientRule.Evaluate(first.Source, first.PatientId, patient.Select(r => r.Position).ToArray(), detections, Options.PatientRule);
            yield return PatientRow.From(patient, detections, decision);
        }
    }
}
