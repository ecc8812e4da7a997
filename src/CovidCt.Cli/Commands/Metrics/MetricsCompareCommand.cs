using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics compare FILE.csv --threshold T</c>: two detectors scored on the same cases —
/// paired DeLong test of the AUCs and McNemar tests of the decisions (score ≥ T) for sensitivity and specificity;
/// net reclassification of the decisions and of the scores (and, for probabilities, integrated discrimination) of B over A, as
/// <c>covidct compare</c> computes and writes them (<see cref="ReclassificationOutput"/>);
/// with a patient column also their clustered versions (<see cref="ClusteredComparison"/>, and patient-bootstrap intervals of the reclassification).
/// </summary>
internal static class MetricsCompareCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "CSV with columns id,label,score_a,score_b[,patient]; label 1 = diseased." };
        var threshold = new Option<double>("--threshold") { Description = "Decision threshold for both detectors: positive when score ≥ T.", Required = true };
        var ci = MetricsOptions.Ci();
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("compare", "Compare detectors A and B on the same cases: paired DeLong (AUC), McNemar (sensitivity, specificity), NRI and IDI of B over A.")
        {
            file, threshold, ci, level, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var t = parse.GetValue(threshold);
            var method = MetricsOptions.Method(parse.GetValue(ci)!);
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var cases = MetricsScoreFile.Read(path, "score_a", "score_b");
            var labels = cases.Select(c => c.Diseased).ToArray();
            var a = cases.Select(c => c.Scores[0]).ToArray();
            var b = cases.Select(c => c.Scores[1]).ToArray();
            var paired = DeLong.HasEnoughCases(labels) ? DeLong.Paired(a, b, labels, lvl) : null;
            var decisionsA = a.Select(s => s >= t).ToArray();
            var decisionsB = b.Select(s => s >= t).ToArray();
            var mcnemar = McNemar.CompareDecisions(decisionsA, decisionsB, labels);
            var differences = PairedProportionDifference.CompareDecisions(decisionsA, decisionsB, labels, lvl);
            var metricsA = DiagnosticMetrics.Compute(ConfusionCounts.FromDecisions(labels, decisionsA), method, lvl);
            var metricsB = DiagnosticMetrics.Compute(ConfusionCounts.FromDecisions(labels, decisionsB), method, lvl);
            var patients = cases[0].Patient is null ? null : cases.Select(c => c.Patient!).ToArray();
            var reclassification = ReclassificationOutput.Compute(a, b, labels, decisionsA, decisionsB, patients, t, lvl);
            var clustered = patients is null ? null : ClusteredComparison.Compute(a, b, labels, patients, decisionsA, decisionsB, lvl);
            if (parse.GetValue(json)) Json(output, path, cases.Count, clustered, t, paired, mcnemar, differences, metricsA, metricsB, reclassification);
            else Text(output, path, cases.Count, clustered, t, paired, mcnemar, differences, metricsA, metricsB, reclassification);
            return CliApp.Success;
        });
        return command;
    }

    private const string NoDeLong = "needs at least two diseased and two non-diseased cases";

    private static void Text(TextWriter output, string path, int cases, ClusteredComparison? clustered, double threshold, PairedDeLongResult? paired,
        PairedDecisionComparison mcnemar, (Estimate Sensitivity, Estimate Specificity) differences, DiagnosticMetrics a, DiagnosticMetrics b,
        ReclassificationOutput reclassification)
    {
        var console = TextConsole.Create(output);
        console.Line($"{path}: {TextFormat.Count(cases)} cases ({TextFormat.Count(a.Counts.Positives)} diseased, {TextFormat.Count(a.Counts.Negatives)} not); decisions: score ≥ {TextFormat.Number(threshold, "0.####")}");
        console.Line(paired is null
            ? $"Paired DeLong: undefined ({NoDeLong})"
            : $"Paired DeLong: AUC A {TextFormat.Number(paired.AucA, "0.0000")}, AUC B {TextFormat.Number(paired.AucB, "0.0000")}, difference {TextFormat.Number(paired.Difference, "0.0000")} "
              + $"({TextFormat.Level(paired.DifferenceInterval.Level)} CI {TextFormat.SignedInterval(paired.DifferenceInterval)}), "
              + $"z {TextFormat.Number(paired.Z, "0.000")}, p {TextFormat.Number(paired.PValue, "0.0000")}");
        var table = TextConsole.Table("", "A", "B", "Only A right", "Only B right", "McNemar exact p", "mid-p");
        table.AddTextRow("Sensitivity", TextFormat.Value("sensitivity", a.Sensitivity), TextFormat.Value("sensitivity", b.Sensitivity),
            TextFormat.Count(mcnemar.Sensitivity.OnlyACorrect), TextFormat.Count(mcnemar.Sensitivity.OnlyBCorrect),
            TextFormat.Number(mcnemar.Sensitivity.PValue, "0.0000"), TextFormat.Number(mcnemar.Sensitivity.MidPValue, "0.0000"));
        table.AddTextRow("Specificity", TextFormat.Value("specificity", a.Specificity), TextFormat.Value("specificity", b.Specificity),
            TextFormat.Count(mcnemar.Specificity.OnlyACorrect), TextFormat.Count(mcnemar.Specificity.OnlyBCorrect),
            TextFormat.Number(mcnemar.Specificity.PValue, "0.0000"), TextFormat.Number(mcnemar.Specificity.MidPValue, "0.0000"));
        console.Write(table);
        console.Line($"Differences A − B (Newcombe's paired interval): sensitivity {Difference(differences.Sensitivity)}; specificity {Difference(differences.Specificity)}");
        reclassification.Text(console);
        clustered?.Text(console);
    }

    private static void Json(TextWriter output, string path, int cases, ClusteredComparison? clustered, double threshold, PairedDeLongResult? paired,
        PairedDecisionComparison mcnemar, (Estimate Sensitivity, Estimate Specificity) differences, DiagnosticMetrics a, DiagnosticMetrics b,
        ReclassificationOutput reclassification) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        w.WriteString("file", path);
        w.WriteNumber("cases", cases);
        if (clustered is not null) w.WriteNumber("patients", clustered.Patients);
        else w.WriteNull("patients");
        j.Number("threshold", threshold);
        j.PairedDeLong("delong", paired, NoDeLong);
        w.WriteStartObject("mcnemar");
        j.McNemar("sensitivity", mcnemar.Sensitivity);
        j.McNemar("specificity", mcnemar.Specificity);
        w.WriteEndObject();
        w.WriteStartObject("differences");
        j.Estimate("sensitivity", differences.Sensitivity);
        j.Estimate("specificity", differences.Specificity);
        w.WriteEndObject();
        j.Metrics("metrics_a", a);
        j.Metrics("metrics_b", b);
        reclassification.Json(j);
        if (clustered is not null) clustered.Json(j);
        else w.WriteNull("clustered");
    });

    private static string Difference(Estimate e) => e.Value is { } v && e.Interval is { } ci
        ? $"{TextFormat.Number(v, "+0.0000;-0.0000;0.0000")} ({TextFormat.Level(ci.Level)} CI {TextFormat.SignedInterval(ci)})"
        : $"undefined ({e.UndefinedReason})";
}
