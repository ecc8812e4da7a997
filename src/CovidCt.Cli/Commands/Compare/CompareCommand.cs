using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Definition;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct compare --model A --model B [--model C | --pipeline P.json ...] [--tune-on val --report-on test]</c>: every model on one
/// cohort, the tables side by side, paired McNemar (sensitivity and specificity separately), paired DeLong, net reclassification and
/// integrated discrimination (and with --partial-auc the partial AUC difference) for each pair, the paired wAFROC (JAFROC) difference at the lesion level, and the patients on which the models disagree. With --tune-on each model first gets its own operating point, chosen as sweep chooses it.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var models = new Option<FileInfo[]>("--model") { Description = "A lesion model (ONNX), run with the study's options (with --tune-on, at the operating point chosen for it); give two or more models and pipelines in all.", AllowMultipleArgumentsPerToken = false };
        var pipelines = new Option<FileInfo[]>("--pipeline") { Description = $"A {PipelineChoice.FileName} to run exactly (model, SHA-256 checked, and every option); may be repeated and mixed with --model.", AllowMultipleArgumentsPerToken = false };
        var shared = new EvaluationOptions();
        var activation = PipelineChoice.ActivationOption();
        var partialAuc = new Option<double?>("--partial-auc")
        {
            Description = "Also compare the partial AUCs over specificity from this value to 1 (for example 0.8), raw and McClish-standardised, "
                + "with a patient-bootstrap interval of the difference.",
        };
        var tuning = new CompareTuningOptions();
        var command = new Command("compare", "Compare models on one cohort: metrics side by side, paired McNemar and DeLong tests, patients they disagree on; "
            + "with --tune-on val --report-on test, each model at its own operating point chosen on val.") { models, pipelines, activation, partialAuc };
        shared.AddTo(command);
        tuning.AddTo(command);
        command.SetAction(parse =>
        {
            var (imageScore, framing) = (parse.GetValue(shared.ImageScore), parse.GetValue(shared.Framing));
            var pipelineFiles = parse.GetValue(pipelines) ?? [];
            var definitions = pipelineFiles.Select(f => PipelineChoice.Resolve(f, null, shared.ValidArea.Options(parse), imageScore: imageScore, framing: framing).Definition)
                .Concat((parse.GetValue(models) ?? []).Select(f => PipelineChoice.Resolve(null, f, shared.ValidArea.Options(parse), parse.GetValue(activation), imageScore, framing).Definition)).ToArray();
            foreach (var definition in definitions) shared.WithMemoryBudget(parse, definition.Options);
            if (definitions.Length < 2) throw new UsageException($"compare needs at least two --model or --pipeline options; got {definitions.Length}");
            var manifest = shared.Manifest(parse);
            var windows = shared.FitWindows(parse, manifest);
            var tuned = tuning.Parse(parse, shared.Split, windows?.Manifest ?? manifest, pipelineFiles.Length);
            var settings = new CompareSettings(shared.Method(parse), shared.CheckedLevel(parse), parse.GetValue(shared.Json), parse.GetValue(shared.Quiet),
                definitions, windows?.Manifest ?? manifest, tuned?.ReportOn ?? shared.SplitOf(parse), shared.CacheRoot(parse))
            {
                PipelineFiles = [.. pipelineFiles.Select(f => f.FullName), .. definitions.Skip(pipelineFiles.Length).Select(_ => (string?)null)],
                Tuning = tuned,
                PartialAucMinimumSpecificity = PartialAucOutput.Checked(parse.GetValue(partialAuc)),
            };
            shared.WriteFolders(parse, settings.CacheRoot, tuned?.OutFolder);
            shared.WriteWindowNotes(parse, settings.Manifest, settings.Split, windows);
            var writers = CommandWriters.Of(parse);
            CompareConsole.Write(writers.Output, settings, CompareHandler.Run(settings, writers.Log(settings.Json)));
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary>What <c>compare</c> was asked to do; <see cref="Split"/> is the report split with --tune-on.</summary>
internal sealed record CompareSettings(ProportionInterval Method, double Level, bool Json, bool Quiet, IReadOnlyList<PipelineDefinition> Pipelines, CohortManifest Manifest,
    CohortSplit? Split, string CacheRoot)
{
    /// <summary>The pipeline.json each of <see cref="Pipelines"/> was read from (--pipeline), or null for a --model.</summary>
    public IReadOnlyList<string?> PipelineFiles { get; init; } = [];

    /// <summary>The tuning asked for with --tune-on, or null.</summary>
    public CompareTuning? Tuning { get; init; }

    /// <summary>The lowest specificity of the partial AUC range (--partial-auc), or null when no partial AUC was asked for.</summary>
    public double? PartialAucMinimumSpecificity { get; init; }
}
