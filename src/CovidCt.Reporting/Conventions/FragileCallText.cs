using System.Globalization;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// The one wording of a fragile patient call (<see cref="FragileCall"/>) for every front end: console, patients.csv,
/// metrics.json, report.html, <c>covidct detect</c>, the notebooks and the web service. Slices are numbered from 1, as people read them.
/// </summary>
public static class FragileCallText
{
    /// <summary>The machine key of the reason: <c>near_line_would_complete</c> or <c>near_line_holds_run</c>.</summary>
    public static string Key(FragileReason reason) => reason switch
    {
        FragileReason.NearLineWouldComplete => "near_line_would_complete",
        FragileReason.NearLineHoldsRun => "near_line_holds_run",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "expected a fragile-call reason"),
    };

    /// <summary>
    /// Why the call would flip, in one clause without commas (it sits in a CSV cell): "negative, but ..." reads as two calls,
    /// so the clause names only the perturbation and the run.
    /// </summary>
    public static string Reason(FragileCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var run = $"{QuadrantNames.Label(call.Quadrant)} ({SliceNumbers.Range(call.FirstSlice, call.LastSlice)})";
        var box = string.Create(CultureInfo.InvariantCulture, $"a box within {FragileCall.WithinPixels:0.0} px of a quadrant split line");
        return call.Reason == FragileReason.NearLineWouldComplete
            ? $"negative but {box} would complete a run in {run}"
            : $"positive on a run in {run} that rests on {box}";
    }

    /// <summary>The patients of <paramref name="evaluation"/> whose call is fragile, in cohort order.</summary>
    public static IReadOnlyList<(string Patient, FragileCall Call)> Of(PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Patients.Where(p => p.Result.Decision.Fragility is not null).Select(p => (p.Result.PatientId, p.Result.Decision.Fragility!)).ToArray();
    }

    /// <summary>
    /// The warning printed before the numbers, or null when no call is fragile: how many patients' calls would flip under a move
    /// of a box by <see cref="FragileCall.WithinPixels"/> px, and each one's reason.
    /// </summary>
    public static string? Warning(PipelineEvaluation evaluation)
    {
        var fragile = Of(evaluation);
        if (fragile.Count == 0) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Plural.Count(fragile.Count, "patient call")} of {evaluation.Patients.Count} {(fragile.Count == 1 ? "is" : "are")} fragile (a box moved by {FragileCall.WithinPixels:0.0} px would flip {(fragile.Count == 1 ? "it" : "them")}): ")
            + string.Join("; ", fragile.Select(f => $"{f.Patient} {Reason(f.Call)}"));
    }
}
