using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class OutcomeRowsHtmlTests
{
    private static PatientOutcome Outcome(string id, bool positive, bool covid) =>
        new(new PatientResult(id, [], new PatientDecision(positive, positive ? 0.97 : 0.12, positive ? Quadrant.UpperLeft : Quadrant.None, 0, 2, positive ? 3 : 0, 24)), covid, []);

    [Fact]
    public void One_line_per_patient_with_its_verdict()
    {
        var html = OutcomeRowsHtml.Rows([Outcome("sim-003", true, true), Outcome("sim-008", true, false)]);

        Assert.Contains("2 patient(s), 1 decided wrongly.", html);
        Assert.Contains("<td>sim-003</td><td>COVID-19</td><td>positive</td><td>true positive</td><td class=\"n\">0.970</td><td class=\"n\">3</td>", html);
        Assert.Contains("<td>sim-008</td><td>control</td><td>positive</td><td>false positive</td>", html);
    }

    [Fact]
    public void A_fragile_call_shows_its_reason_in_the_row()
    {
        var fragile = new PatientDecision(false, 0, Quadrant.None, -1, -1, 3, 24) { Fragility = new FragileCall(FragileReason.NearLineWouldComplete, Quadrant.UpperRight, 13, 15) };
        var html = OutcomeRowsHtml.Rows([new PatientOutcome(new PatientResult("real-002", [], fragile), false, []), Outcome("sim-008", false, false)]);

        Assert.Contains("<th>Fragile call</th>", html);
        Assert.Contains("<td>negative but a box within 1.5 px of a quadrant split line would complete a run in upper right (slices 14", html);
        Assert.Contains("<td>sim-008</td><td>control</td><td>negative</td><td>true negative</td><td class=\"n\">0.120</td><td class=\"n\">0</td><td class=\"n\">0</td><td></td>", html);
    }

    [Fact]
    public void A_list_of_outcomes_displays_as_the_table()
    {
        CovidCtFormatters.Register();

        IReadOnlyList<PatientOutcome> outcomes = new List<PatientOutcome> { Outcome("sim-010", false, true) };
        Assert.Contains("<td>false negative</td>", outcomes.ToDisplayString(CovidCtFormatters.MimeType));
    }
}
