using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// One level's cases of an evaluation, in cohort order: truth, decision and score per patient, or per slice with a known
/// truth. Comparisons pair two runs' cases by position; the report's threshold sweeps read the scores.
/// </summary>
/// <param name="Truth">The label (patients) or the slice truth (images).</param>
/// <param name="Decisions">The patient rule's decision, or the slice decision (any box).</param>
/// <param name="Scores">The patient score, or the image score (highest box probability).</param>
public sealed record ComparedCases(IReadOnlyList<bool> Truth, IReadOnlyList<bool> Decisions, IReadOnlyList<double> Scores)
{
    /// <summary>The cases of <paramref name="patients"/> at <paramref name="level"/>.</summary>
    public static ComparedCases Of(IReadOnlyList<PatientOutcome> patients, ComparisonLevel level)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (level == ComparisonLevel.Patient)
        {
            return new ComparedCases(patients.Select(p => p.IsCovid).ToArray(), patients.Select(p => p.Result.Decision.IsPositive).ToArray(),
                patients.Select(p => p.Result.Decision.Score).ToArray());
        }
        var known = patients.SelectMany(p => p.Result.Slices.Where(s => TruthOf(p, s.Index) is not null).Select(s => (Truth: TruthOf(p, s.Index)!.Value, s.Detection))).ToArray();
        return new ComparedCases(known.Select(k => k.Truth).ToArray(), known.Select(k => k.Detection.IsPositive).ToArray(), known.Select(k => k.Detection.Score).ToArray());
    }

    /// <summary>The cases of <paramref name="evaluation"/> at <paramref name="level"/>.</summary>
    public static ComparedCases Of(PipelineEvaluation evaluation, ComparisonLevel level) => Of(evaluation?.Patients ?? throw new ArgumentNullException(nameof(evaluation)), level);

    /// <summary>The truth of slice <paramref name="index"/> of <paramref name="patient"/>; null when unknown (or past the truth's end).</summary>
    public static bool? TruthOf(PatientOutcome patient, int index) =>
        index < patient.SliceTruth.Count ? patient.SliceTruth[index] : null;
}
