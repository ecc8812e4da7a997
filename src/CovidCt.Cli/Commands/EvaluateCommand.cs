using System.CommandLine;
using CovidCt.Cli.Output;
using CovidCt.Cli.Reporting;
using CovidCt.Data.IO;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct evaluate [--model M.onnx] [--cohort MANIFEST.csv] [--split test] [--out DIR]</c>: the study's pipeline on a cohort,
/// the per-image and per-patient tables beside the published ones, and metrics.json, slices.csv, patients.csv, red-box figures of
/// every wrong slice and report.html in DIR. With no arguments: the shipped default model on the embedded default cohort.
/// </summary>
internal static class EvaluateCommand
{
    public const string DefaultOut = "out/evaluate";

    public static Command Create(TextWriter output)
    {
        var model = new Option<FileInfo?>("--model") { Description = $"Lesion model (ONNX). Default: models/{ShippedAssets.DefaultModelName} (the newest shipped model when it is absent)." };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Output folder (created when missing; its files are replaced).", DefaultValueFactory = _ => new DirectoryInfo(DefaultOut) };
        var pipeline = PipelineChoice.Option();
        var shared = new EvaluationOptions();
        var command = new Command("evaluate", "Run a model on a cohort: per-image and per-patient tables with 95% intervals beside Chen et al. 2020, files and an offline HTML report.") { model, outFolder, pipeline };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var method = shared.Method(parse);
            var level = shared.CheckedLevel(parse);
            var json = parse.GetValue(shared.Json);
            var quiet = parse.GetValue(shared.Quiet);
            var (definition, note) = PipelineChoice.Resolve(parse.GetValue(pipeline), parse.GetValue(model));
            var choice = new ModelChoice(definition.ModelPath, note);
            var manifest = shared.Manifest(parse);
            var split = shared.SplitOf(parse);
            var target = parse.GetValue(outFolder)!.FullName;
            if (choice.Note is not null && !quiet) (json ? Console.Error : output).WriteLine(choice.Note);
            Directory.CreateDirectory(target);
            var figures = new ErrorFigures(target);
            var run = EvaluationRun.Run(definition, manifest, split, shared.CacheRoot(parse), method, level, RunProgress.For(json ? Console.Error : output, quiet), figures.Add);

            var metricsJson = new StringWriter();
            JsonOutput.Write(metricsJson, j => Document(j, run, manifest, split, choice.Note));
            AtomicFile.WriteAllText(Path.Combine(target, "metrics.json"), metricsJson.ToString());
            ResultTables.WriteSlices(Path.Combine(target, "slices.csv"), run.Evaluation);
            ResultTables.WritePatients(Path.Combine(target, "patients.csv"), run.Evaluation);
            // The report goes last, so it appears only once every file it describes is complete; an interrupted run leaves the previous one whole.
            AtomicFile.WriteAllText(Path.Combine(target, "report.html"), ReportPage.Build(run, manifest, split, target, figures.Figures, choice.Note));

            if (json) output.Write(metricsJson.ToString());
            else if (!quiet) EvaluationText.Write(output, run, manifest, split, target, figures.Figures.Count);
            return CliApp.Success;
        });
        return command;
    }

    private static void Document(JsonOutput j, ModelRun run, Data.Cohorts.CohortManifest manifest, Data.Cohorts.CohortSplit? split, string? note)
    {
        j.Writer.WriteNumber("format_version", EvaluationJson.FormatVersion);
        if (note is not null) j.Writer.WriteString("model_note", note);
        else j.Writer.WriteNull("model_note");
        EvaluationJson.Cohort(j, manifest, split, run);
        EvaluationJson.Run(j, run);
        EvaluationJson.Published(j);
    }

    /// <summary>The full path of <paramref name="file"/>, or an input error naming it when it does not exist.</summary>
    public static string RequireFile(FileInfo file) =>
        file.Exists ? file.FullName : throw new InvalidInputException(file.FullName, "no such model file; expected an ONNX lesion model (.onnx)");
}
