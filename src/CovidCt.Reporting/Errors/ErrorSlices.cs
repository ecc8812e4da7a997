using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;

namespace CovidCt.Reporting.Errors;

/// <summary>
/// The one definition of the per-image errors: false positives (a box on a slice whose truth says no lesion) and false
/// negatives (no box on a lesion slice). Slices of unknown truth are neither. report.html draws every error; a notebook
/// gallery shows a few of each, spread over patients.
/// </summary>
public static class ErrorSlices
{
    /// <summary>Every error slice of one patient, in anatomical order.</summary>
    public static IReadOnlyList<ErrorSlice> Of(PatientOutcome patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.Result.Slices
            .Where(s => ComparedCases.TruthOf(patient, s.Index) is { } truth && truth != s.Detection.IsPositive)
            .Select(s => new ErrorSlice(patient.Result.PatientId, s, s.Detection.IsPositive))
            .ToArray();
    }

    /// <summary>
    /// At most <paramref name="perKind"/> false positives (the most confident first) and as many false negatives, one slice per
    /// patient before a second from the same patient; false positives first.
    /// </summary>
    public static IReadOnlyList<ErrorSlice> Sample(PipelineEvaluation evaluation, int perKind)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentOutOfRangeException.ThrowIfNegative(perKind);
        var all = evaluation.Patients.SelectMany(Of).ToArray();
        var falsePositives = Spread(all.Where(e => e.FalsePositive).OrderByDescending(e => e.Slice.Detection.Score), perKind);
        var falseNegatives = Spread(all.Where(e => !e.FalsePositive), perKind);
        return [.. falsePositives, .. falseNegatives];
    }

    // Up to `count` errors: first each patient's first (in the given order), then each one's second, and so on.
    private static IEnumerable<ErrorSlice> Spread(IEnumerable<ErrorSlice> ordered, int count) =>
        ordered.GroupBy(e => e.PatientId)
            .SelectMany(patient => patient.Select((error, round) => (error, round)))
            .OrderBy(e => e.round) // stable: within a round, patients keep the order of their first error
            .Take(count)
            .Select(e => e.error);
}
