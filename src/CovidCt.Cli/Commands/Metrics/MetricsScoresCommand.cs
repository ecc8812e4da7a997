using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics scores FILE.csv</c>: AUC with DeLong interval, the threshold table, the Youden point,
/// and, with a patient column, Obuchowski's clustered AUC interval, Rao–Scott clustered sensitivity and specificity
/// and patient-bootstrap intervals for the per-image metrics at the operating point.
/// </summary>
internal static class MetricsScoresCommand
{
    // Bootstrap intervals settle well before 10⁵ resamples; more only costs memory and minutes.
    private const int MaxResamples = 100_000;

    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "CSV with columns id,label,score[,patient]; label 1 = diseased, 0 = not." };
        var threshold = new Option<double?>("--threshold") { Description = "Operating point: call positive when score ≥ T (default: the Youden-optimal threshold)." };
        var aucCi = new Option<string>("--auc-ci") { Description = "AUC interval shown in text: plain (default, as pROC) or logit.", DefaultValueFactory = _ => "plain" }
            .AcceptOnlyFromAmong("plain", "logit");
        var rows = new Option<int>("--rows") { Description = "Threshold-table rows shown in text output, evenly spread (JSON: see --thresholds).", DefaultValueFactory = _ => 15 };
        var thresholds = ThresholdsOption.Create();
        var atSpecificity = new Option<double?>("--at-specificity") { Description = "Also report the highest sensitivity with specificity ≥ this rate (for example 0.95), with intervals." };
        var atSensitivity = new Option<double?>("--at-sensitivity") { Description = "Also report the highest specificity with sensitivity ≥ this rate (for example 0.95), with intervals." };
        var partialAuc = new Option<double?>("--partial-auc") { Description = "Also report the partial AUC over specificity from this value to 1 (for example 0.8), raw and McClish-standardised." };
        var resamples = new Option<int>("--resamples") { Description = "Patient-bootstrap resamples.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Patient-bootstrap seed.", DefaultValueFactory = _ => 20200225 };
        var ci = MetricsOptions.Ci();
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("scores", "ROC analysis of scores: AUC (DeLong CI), threshold table, Youden point, patient-bootstrap CIs.")
        {
            file, threshold, aucCi, rows, thresholds, atSpecificity, atSensitivity, partialAuc, resamples, seed, ci, level, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(resamples) is < 1 or > MaxResamples)
            {
                throw new UsageException($"--resamples must be between 1 and {MaxResamples:N0}; got {parse.GetValue(resamples):N0}");
            }
            var cases = MetricsScoreFile.Read(path, "score");
            var analysis = ScoreAnalysis.Run(cases, parse.GetValue(threshold), MetricsOptions.Method(parse.GetValue(ci)!),
                MetricsOptions.CheckedLevel(parse.GetValue(level)), parse.GetValue(resamples), parse.GetValue(seed),
                parse.GetValue(atSpecificity), parse.GetValue(atSensitivity), parse.GetValue(partialAuc));
            if (parse.GetValue(json)) ScoreAnalysisOutput.Json(output, path, analysis, ThresholdsOption.Parse(parse.GetValue(thresholds)!));
            else ScoreAnalysisOutput.Text(output, path, analysis, parse.GetValue(aucCi) == "logit", parse.GetValue(rows));
            return CliApp.Success;
        });
        return command;
    }
}
