using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Definition;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct evaluate [--model M.onnx | --pipeline pipeline.json] [--cohort MANIFEST.csv] [--split test] [--out DIR]</c>: the study's pipeline on a cohort,
/// the per-image and per-patient tables beside the published ones, and metrics.json, slices.csv, patients.csv, red-box figures of
/// every wrong slice (unless <c>--figures none</c>) and report.html in DIR. With no arguments: the shipped default model on the embedded default cohort.
/// </summary>
internal static class EvaluateCommand
{
    public const string DefaultOut = "out/evaluate";

    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model") { Description = $"Lesion model (ONNX). Default: models/{ShippedAssets.DefaultModelName} (the newest shipped model when it is absent)." };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Output folder (created when missing; its files are replaced).", DefaultValueFactory = _ => new DirectoryInfo(DefaultOut) };
        var pipeline = PipelineChoice.Option();
        var activation = PipelineChoice.ActivationOption();
        var shared = new EvaluationOptions();
        // Clustered runs (#21): the same evaluation with its patients run by the workers of a cluster.
        var cluster = ClusterCommands.ConnectionOption();
        cluster.Description += " Runs the patients on the cluster's workers (covidct cluster worker); the results are those of a single-process run.";
        var chunkSlices = ClusterCommands.ChunkSlicesOption();
        // Off by default: the explorer costs a sweep of the default grid (seconds from the cached maps, but a sweep).
        var explore = new Option<bool>("--explore") { Description = "Also sweep covidct sweep's default post-processing grid on the same cached maps and put the live operating-point explorer in report.html." };
        var figures = new Option<string>("--figures")
        {
            Description = $"{ErrorFigureChoice.Errors}: draw a red-box PNG of every wrong slice into figures/ (report.html's gallery); {ErrorFigureChoice.None}: draw none (faster; report.html and the console say they were not drawn).",
            DefaultValueFactory = _ => ErrorFigureChoice.Errors,
        }.AcceptOnlyFromAmong(ErrorFigureChoice.Errors, ErrorFigureChoice.None);
        var command = new Command("evaluate", "Run a model on a cohort: per-image and per-patient tables with 95% intervals beside Chen et al. 2020, files and an offline HTML report.") { model, outFolder, pipeline, activation, cluster, chunkSlices, explore, figures };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(explore) && parse.GetValue(cluster) is not null)
                throw new UsageException("--explore sweeps the probability maps held in this process's cache; a --cluster run keeps them on its workers. Run 'covidct evaluate --explore' without --cluster, or 'covidct sweep' on the cohort.");
            // The workers read the manifest file as written, so a window fitted in this process would not reach them.
            if (shared.Source.FitsPerImage(parse) && parse.GetValue(cluster) is not null)
                throw new UsageException($"--window {CtSourceOptions.FitPerImage} fits each image in this process, and the workers of a --cluster run read the manifest as written; write 'fit' in the manifest's window column (every reader, workers included, fits those rows the same way), or run without --cluster.");
            if (parse.GetValue(chunkSlices) is not null && parse.GetValue(cluster) is null)
                throw new UsageException("--chunk-slices splits long series over the workers of a cluster; give --cluster too, or leave it out (a single process runs each series whole).");
            var (definition, note) = PipelineChoice.Resolve(parse.GetValue(pipeline), parse.GetValue(model), shared.ValidArea.Options(parse), parse.GetValue(activation),
                parse.GetValue(shared.ImageScore), parse.GetValue(shared.Framing));
            shared.WithMemoryBudget(parse, definition.Options);
            var manifest = shared.Manifest(parse);
            var windows = shared.FitWindows(parse, manifest);
            var settings = new EvaluateSettings(shared.Method(parse), shared.CheckedLevel(parse), parse.GetValue(shared.Json), parse.GetValue(shared.Quiet),
                definition, note, windows?.Manifest ?? manifest, shared.SplitOf(parse), parse.GetValue(outFolder)!.FullName, shared.CacheRoot(parse))
            {
                Windows = windows,
                Cluster = parse.GetValue(cluster) is { } connection ? ClusterCommands.ConnectionOf(connection) : null,
                ChunkSlices = parse.GetValue(chunkSlices),
                Explore = parse.GetValue(explore),
                DrawFigures = parse.GetValue(figures) == ErrorFigureChoice.Errors,
            };
            shared.WriteFolders(parse, settings.CacheRoot, settings.OutFolder);
            shared.WriteWindowNotes(parse, settings.Manifest, settings.Split, windows);
            var writers = CommandWriters.Of(parse);
            EvaluateConsole.Write(writers.Output, settings, EvaluateHandler.Run(settings, writers.Log(settings.Json)));
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary>What <c>evaluate</c> was asked to do.</summary>
internal sealed record EvaluateSettings(ProportionInterval Method, double Level, bool Json, bool Quiet, PipelineDefinition Pipeline, string? ModelNote, CohortManifest Manifest, CohortSplit? Split,
    string OutFolder, string CacheRoot)
{
    /// <summary>The cluster whose workers run the patients (<c>--cluster</c>), or null to run them in this process.</summary>
    public Cluster.ClusterConnection? Cluster { get; init; }

    /// <summary>With --cluster: the chunk size of long series (<c>--chunk-slices</c>), or null for the one the memory budget gives.</summary>
    public int? ChunkSlices { get; init; }

    /// <summary>With --explore: sweep the default post-processing grid on the cached maps, so report.html carries the operating-point explorer.</summary>
    public bool Explore { get; init; }

    /// <summary>Draw a red-box figure of every wrong slice (<c>--figures errors</c>, the default); false with <c>--figures none</c>.</summary>
    public bool DrawFigures { get; init; } = true;

    /// <summary>With --window fit-per-image, each image's window (<see cref="Manifest"/> reads them); else null.</summary>
    public PerImageWindows? Windows { get; init; }

    /// <summary>Warnings known before the run (poor per-image window fits), kept with the run's own.</summary>
    public IReadOnlyList<string> Warnings => Windows?.Warnings ?? [];
}
