using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct compare --model A --model B [--model C ...]</c>: every model on one cohort, the tables side by side, paired McNemar
/// (sensitivity and specificity separately) and paired DeLong for each pair, and the patients on which the models disagree.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var models = new Option<FileInfo[]>("--model") { Description = "A lesion model (ONNX); give two or more.", Required = true, AllowMultipleArgumentsPerToken = false };
        var shared = new EvaluationOptions();
        var command = new Command("compare", "Compare models on one cohort: metrics side by side, paired McNemar and DeLong tests, patients they disagree on.") { models };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var files = parse.GetValue(models)!;
            if (files.Length < 2) throw new UsageException($"compare needs at least two --model options; got {files.Length}");
            var settings = new CompareSettings(shared.Method(parse), shared.CheckedLevel(parse), parse.GetValue(shared.Json), parse.GetValue(shared.Quiet),
                files.Select(ModelFiles.RequireFile).ToArray(), shared.Manifest(parse), shared.SplitOf(parse), shared.CacheRoot(parse));
            var writers = CommandWriters.Of(parse);
            CompareConsole.Write(writers.Output, settings, CompareHandler.Run(settings, writers.Log(settings.Json)));
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary>What <c>compare</c> was asked to do.</summary>
internal sealed record CompareSettings(ProportionInterval Method, double Level, bool Json, bool Quiet, IReadOnlyList<string> Models, CohortManifest Manifest,
    CohortSplit? Split, string CacheRoot);
