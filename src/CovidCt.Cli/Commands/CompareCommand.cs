using System.CommandLine;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Cli.Reporting;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct compare --model A --model B [--model C ...]</c>: every model on one cohort, the tables side by side, paired McNemar
/// (sensitivity and specificity separately) and paired DeLong for each pair, and the patients on which the models disagree.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output)
    {
        var models = new Option<FileInfo[]>("--model") { Description = "A lesion model (ONNX), run with the study's options; give two or more models and pipelines in all.", AllowMultipleArgumentsPerToken = false };
        var pipelines = new Option<FileInfo[]>("--pipeline") { Description = $"A {PipelineChoice.FileName} to run exactly (model, SHA-256 checked, and every option); may be repeated and mixed with --model.", AllowMultipleArgumentsPerToken = false };
        var shared = new EvaluationOptions();
        var command = new Command("compare", "Compare models on one cohort: metrics side by side, paired McNemar and DeLong tests, patients they disagree on.") { models, pipelines };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var definitions = (parse.GetValue(pipelines) ?? []).Select(f => PipelineChoice.Resolve(f, null).Definition)
                .Concat((parse.GetValue(models) ?? []).Select(f => PipelineChoice.Resolve(null, f).Definition)).ToArray();
            if (definitions.Length < 2) throw new UsageException($"compare needs at least two --model or --pipeline options; got {definitions.Length}");
            var method = shared.Method(parse);
            var level = shared.CheckedLevel(parse);
            var json = parse.GetValue(shared.Json);
            var quiet = parse.GetValue(shared.Quiet);
            var manifest = shared.Manifest(parse);
            var split = shared.SplitOf(parse);
            var progress = RunProgress.For(json ? Console.Error : output, quiet);
            var runs = definitions.Select(d => EvaluationRun.Run(d, manifest, split, shared.CacheRoot(parse), method, level, progress)).ToArray();
            var names = Names(runs);
            var pairs = Pairs(runs, level);
            if (json) Json(output, manifest, split, runs, names, pairs);
            else if (!quiet) Text(output, manifest, split, runs, names, pairs);
            return CliApp.Success;
        });
        return command;
    }

    private sealed record Pair(int A, int B, PairedTests Patients, PairedTests Images);

    private static Pair[] Pairs(ModelRun[] runs, double level)
    {
        var pairs = new List<Pair>();
        for (var a = 0; a < runs.Length; a++)
        {
            for (var b = a + 1; b < runs.Length; b++)
            {
                var (ea, eb) = (runs[a].Evaluation, runs[b].Evaluation);
                pairs.Add(new Pair(a, b,
                    PairedTests.Of(ComparedCases.Patients(ea), ComparedCases.Patients(eb), level),
                    PairedTests.Of(ComparedCases.Images(ea), ComparedCases.Images(eb), level)));
            }
        }
        return pairs.ToArray();
    }

    // File names, unless two models share one: then the full paths.
    private static string[] Names(ModelRun[] runs)
    {
        var names = runs.Select(r => Path.GetFileNameWithoutExtension(r.ModelPath)).ToArray();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : runs.Select(r => r.ModelPath).ToArray();
    }

    private static IEnumerable<int> Disagreements(ModelRun[] runs) =>
        Enumerable.Range(0, runs[0].Evaluation.Patients.Count).Where(i => runs.Select(r => r.Evaluation.Patients[i].Result.Decision.IsPositive).Distinct().Count() > 1);

    private static void Text(TextWriter output, CohortManifest manifest, CohortSplit? split, ModelRun[] runs, string[] names, Pair[] pairs)
    {
        var console = TextConsole.Create(output);
        var e0 = runs[0].Evaluation;
        console.Line();
        console.Line($"Cohort: {manifest.Path}, split {EvaluationRun.SplitName(split)}: {e0.Patients.Count} patients ({e0.Patients.Count(p => p.IsCovid)} COVID-19), {e0.ImageCounts.Total} slices with known truth");
        for (var i = 0; i < runs.Length; i++) console.Line($"{names[i]}: {runs[i].ModelPath} ({runs[i].Pipeline.Architecture} {runs[i].Pipeline.Version})");
        SideBySide(console, "Per patient", runs.Select(r => (r.Evaluation.PatientMetrics, (Estimate?)r.Evaluation.PatientRoc.Auc)).ToArray(), names);
        SideBySide(console, "Per image", runs.Select(r => (r.Evaluation.ImageMetrics, r.Evaluation.ImageRoc?.Auc)).ToArray(), names);
        console.Line();
        console.Line("Paired tests (two-sided; McNemar exact on the discordant cases, DeLong on the AUCs of the same cases):");
        var table = TextConsole.Table("Pair", "Level", "Sensitivity: only A / only B correct, p", "Specificity: only A / only B correct, p", "AUC A − B (95% CI), p");
        foreach (var pair in pairs)
        {
            foreach (var (level, tests) in new[] { ("patient", pair.Patients), ("image", pair.Images) })
            {
                table.AddTextRow($"{names[pair.A]} vs {names[pair.B]}", level, McNemarText(tests.Decisions.Sensitivity), McNemarText(tests.Decisions.Specificity), DeLongText(tests));
            }
        }
        console.Write(table);
        var disagree = Disagreements(runs).ToArray();
        console.Line();
        if (disagree.Length == 0)
        {
            console.Line("The models agree on every patient.");
            return;
        }
        console.Line($"Patients on which they disagree ({disagree.Length}):");
        var patients = TextConsole.Table(["Patient", "Label", .. names]);
        foreach (var i in disagree)
        {
            var p = e0.Patients[i];
            patients.AddTextRow([p.Result.PatientId, p.IsCovid ? "covid" : "control", .. runs.Select(r => r.Evaluation.Patients[i].Result.Decision.IsPositive ? "positive" : "negative")]);
        }
        console.Write(patients);
    }

    private static void SideBySide(IAnsiConsole console, string title, (DiagnosticMetrics Metrics, Estimate? Auc)[] columns, string[] names)
    {
        console.Line();
        console.Line($"{title} ({TextFormat.Level(columns[0].Metrics.Level)} CI, {ProportionIntervals.Name(columns[0].Metrics.Method)}; AUC: DeLong)");
        var table = TextConsole.Table(["Metric", .. names]);
        foreach (var name in StudyColumns.Metrics)
        {
            table.AddTextRow([TextFormat.Label(name), .. columns.Select(c => Cell(name, c.Metrics.All.First(m => m.Key == name).Value))]);
        }
        table.AddTextRow(["AUC", .. columns.Select(c => c.Auc is { } auc ? Cell("auc", auc) : "undefined: no slice with known truth")]);
        table.AddTextRow(["TP/FN/TN/FP", .. columns.Select(c => $"{c.Metrics.Counts.TruePositives}/{c.Metrics.Counts.FalseNegatives}/{c.Metrics.Counts.TrueNegatives}/{c.Metrics.Counts.FalsePositives}")]);
        console.Write(table);
    }

    private static string Cell(string metric, Estimate estimate) => estimate.Value is null
        ? $"undefined ({estimate.UndefinedReason})"
        : $"{TextFormat.Value(metric, estimate)} ({TextFormat.Interval(metric, estimate)})";

    private static string McNemarText(McNemarResult r) => string.Create(CultureInfo.InvariantCulture, $"{r.OnlyACorrect} / {r.OnlyBCorrect}, {P(r.PValue)}");

    private static string DeLongText(PairedTests tests) => tests.DeLong is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Difference:0.000} ({TextFormat.SignedInterval(d.DifferenceInterval, "0.000")}), {P(d.PValue)}")
        : tests.DeLongUndefined!;

    private static string P(double p) => p < 0.0001 ? "p < 0.0001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.0000}");

    private static void Json(TextWriter output, CohortManifest manifest, CohortSplit? split, ModelRun[] runs, string[] names, Pair[] pairs) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        w.WriteNumber("format_version", EvaluationJson.FormatVersion);
        EvaluationJson.Cohort(j, manifest, split, runs[0]);
        w.WriteStartArray("models");
        for (var i = 0; i < runs.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", names[i]);
            EvaluationJson.Run(j, runs[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var pair in pairs)
        {
            w.WriteStartObject();
            w.WriteString("a", names[pair.A]);
            w.WriteString("b", names[pair.B]);
            PairJson(j, "per_patient", pair.Patients);
            PairJson(j, "per_image", pair.Images);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var i in Disagreements(runs))
        {
            var p = runs[0].Evaluation.Patients[i];
            w.WriteStartObject();
            w.WriteString("patient", p.Result.PatientId);
            w.WriteString("label", p.IsCovid ? "covid" : "control");
            w.WriteStartObject("positive");
            for (var m = 0; m < runs.Length; m++) w.WriteBoolean(names[m], runs[m].Evaluation.Patients[i].Result.Decision.IsPositive);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static void PairJson(JsonOutput j, string name, PairedTests tests)
    {
        j.Writer.WriteStartObject(name);
        j.McNemar("mcnemar_sensitivity", tests.Decisions.Sensitivity);
        j.McNemar("mcnemar_specificity", tests.Decisions.Specificity);
        j.PairedDeLong("delong", tests.DeLong, tests.DeLongUndefined);
        j.Writer.WriteEndObject();
    }
}
