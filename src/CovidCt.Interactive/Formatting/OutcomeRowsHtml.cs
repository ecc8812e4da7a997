using CovidCt.Interactive.Html;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for a list of patient outcomes (<c>evaluation.Patients</c>): one line per patient with its label, the pipeline's
/// decision, whether it was right and whether a small move of a box would flip it (<see cref="FragileCallText"/>), instead of .NET Interactive's nested dump; a single outcome keeps its timeline.
/// </summary>
public static class OutcomeRowsHtml
{
    /// <summary>One line per patient, in the order given, under a count of the right and wrong decisions.</summary>
    public static string Rows(IEnumerable<PatientOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var all = outcomes.ToList();
        var wrong = all.Count(o => o.Result.Decision.IsPositive != o.IsCovid);
        var table = Markup.Table(null, ["Patient", "Label", "Decision", "Verdict", "Score", "Positive slices", "Slices", "Fragile call"], all.Select(Row));
        return Markup.Block(Markup.Paragraph($"{all.Count} patient(s), {wrong} decided wrongly."), table);
    }

    private static IReadOnlyList<Cell> Row(PatientOutcome outcome)
    {
        var d = outcome.Result.Decision;
        var verdict = (d.IsPositive, outcome.IsCovid) switch
        {
            (true, true) => "true positive",
            (false, false) => "true negative",
            (true, false) => "false positive",
            (false, true) => "false negative",
        };
        return
        [
            Markup.Encode(outcome.Result.PatientId), outcome.IsCovid ? "COVID-19" : "control", d.IsPositive ? "positive" : "negative", verdict,
            Cell.Numeric(Markup.Number(d.Score)), Cell.Numeric(Markup.Count(d.PositiveSlices)), Cell.Numeric(Markup.Count(outcome.Result.Slices.Count)),
            d.Fragility is { } fragile ? Markup.Encode(FragileCallText.Reason(fragile)) : "",
        ];
    }
}
