using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;
using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ModelComparisonHtmlTests
{
    private static readonly bool?[] CovidTruth = [false, true, true, true, false];
    private static readonly bool?[] ControlTruth = [false, false, false, false, false];

    private static ModelRun Run(string name, params PatientOutcome[] outcomes) => new(name, PipelineEvaluation.Compute(outcomes));

    [Fact]
    public void A_row_per_pair_and_level_with_DeLong_and_McNemar_for_sensitivity_and_specificity()
    {
        var a = Run("unetpp-v1", Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Positive("p2"), true, CovidTruth),
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));
        var b = Run("unet-baseline", Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Negative("p2"), true, CovidTruth),
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));

        var html = ModelComparisonHtml.Comparison(ModelComparison.Compute([a, b]));

        Assert.Contains("<td>per patient</td><td>unetpp-v1</td><td>unet-baseline</td><td class=\"n\">4</td><td class=\"n\">1.0000</td><td class=\"n\">0.7500</td>", html);
        Assert.Contains("<td class=\"n\">1 / 0</td><td class=\"n\">1.0000</td><td class=\"n\">0 / 0</td><td class=\"n\">1.0000</td>", html);
        Assert.Contains("<td>per image</td>", html);
        Assert.Contains("Patients with different decisions: p2.", html);
        // Reclassification per patient: unet-baseline moves p2 down (diseased −1/2) and no control.
        Assert.Contains("<td>per patient</td><td>unetpp-v1</td><td>unet-baseline</td><td>NRI -0.5000 (95% CI ", html);
        Assert.Contains("diseased -0.5000, non-diseased 0.0000</td>", html);
        // The summary: unet-baseline finds 1 of 2 COVID-19 patients and calls both controls negative.
        Assert.Contains("<td>unet-baseline</td><td class=\"n\">50.00% (1/2), 9.45–90.55%</td><td class=\"n\">100.00% (2/2), 34.24–100.00%</td><td class=\"n\">0.7500</td>", html);
    }

    [Fact]
    public void The_lesion_row_says_why_it_is_absent_and_small_reclassification_rows_carry_their_caveat()
    {
        var a = Run("unetpp-v1", Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Positive("p2"), true, CovidTruth),
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));
        var b = Run("unet-baseline", Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Negative("p2"), true, CovidTruth),
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));

        var html = ModelComparisonHtml.Comparison(ModelComparison.Compute([a, b]));

        // These runs were made without matching boxes against truth masks.
        Assert.Contains("<td>unetpp-v1</td><td>unet-baseline</td><td>not compared: the run of unetpp-v1 has no lesion-level results", html);
        Assert.Contains("Caveat: per patient, unetpp-v1 against unet-baseline, reclassification: n below 10 per class (2 diseased, 2 not)", html);
    }

    [Fact]
    public void An_undefined_summary_metric_shows_its_reason()
    {
        // Two control patients only: per-patient sensitivity has no denominator.
        ModelRun Controls(string name) => Run(name,
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));

        var html = ModelComparisonHtml.Comparison(ModelComparison.Compute([Controls("A"), Controls("B")]));

        Assert.Contains("<td>A</td><td class=\"n\"><span class=\"undefined\">undefined:", html);
    }

    [Fact]
    public void An_undefined_DeLong_test_shows_its_reason()
    {
        ModelRun OnePerClass(string name) => Run(name,
            Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Negative("n1"), false, ControlTruth));

        var html = ModelComparisonHtml.Comparison(ModelComparison.Compute([OnePerClass("A"), OnePerClass("B")]));

        Assert.Contains("undefined: the paired DeLong test needs at least two cases of each class", html);
        Assert.Contains("Every model makes the same decision for every patient.", html);
    }
    [Fact]
    public void Degenerate_aucs_and_paired_tests_carry_their_caveats_under_the_tables()
    {
        // Both models separate 2 COVID-19 patients from 2 controls perfectly: AUC 1 (1–1) each, a paired difference 0 (0 to 0), p 1.
        ModelRun Perfect(string name) => Run(name,
            Detections.Outcome(Detections.Positive("p1"), true, CovidTruth), Detections.Outcome(Detections.Positive("p2"), true, CovidTruth),
            Detections.Outcome(Detections.Negative("n1"), false, ControlTruth), Detections.Outcome(Detections.Negative("n2"), false, ControlTruth));

        var html = ModelComparisonHtml.Comparison(ModelComparison.Compute([Perfect("A"), Perfect("B")]));

        Assert.Contains("Caveat: A, patient AUC: zero-width interval", html);
        Assert.Contains("Caveat: B, patient AUC: n below 10 per class (2 diseased, 2 not)", html);
        Assert.Contains("Caveat: per patient, A against B: zero-width interval: the variance of the difference is 0", html);
    }
}
