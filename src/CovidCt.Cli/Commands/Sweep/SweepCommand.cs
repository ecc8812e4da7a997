using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct sweep [--model M] [--cohort MANIFEST] --threshold 0.30:0.80:0.05 --min-pixels 0,10,25,50,100,200 --consecutive 1..5
/// [--quadrants on,off] [--tune-on val --report-on test]</c>: scores each patient once (probability cache), evaluates every
/// post-processing setting, writes sweep.csv, prints the Pareto fronts, the study's setting and the tuned operating point.
/// </summary>
internal static class SweepCommand
{
    public const string DefaultOut = "out/sweep";

    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model") { Description = $"Lesion model (ONNX). Default: models/{ShippedAssets.DefaultModelName} (the newest shipped model when it is absent)." };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Output folder for sweep.csv (created when missing).", DefaultValueFactory = _ => new DirectoryInfo(DefaultOut) };
        var grid = new SweepGridOptions("");
        var tuneOn = new Option<string?>("--tune-on") { Description = "Choose the operating point on this split (train, val, test); needs --report-on." }.AcceptOnlyFromAmong("train", "val", "test");
        var reportOn = new Option<string?>("--report-on") { Description = "Report the chosen operating point once on this split." }.AcceptOnlyFromAmong("train", "val", "test");
        var activation = PipelineChoice.ActivationOption();
        var shared = new EvaluationOptions();
        var command = new Command("sweep", "Evaluate every post-processing setting (threshold x minimum pixels x k x quadrant rule) from cached probability maps: sweep.csv, Pareto fronts, tuned operating point.")
        {
            model, outFolder,
        };
        grid.AddTo(command);
        foreach (var option in new Option[] { tuneOn, reportOn, activation }) command.Options.Add(option);
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var sweepGrid = grid.Grid(parse);
            var splits = TuningSplits.Parse(parse.GetValue(tuneOn), parse.GetValue(reportOn));
            if (splits is not null && parse.GetResult(shared.Split) is { Implicit: false }) throw new UsageException("--split cannot be combined with --tune-on/--report-on, which name the splits themselves");
            var (method, level, choice) = (shared.Method(parse), shared.CheckedLevel(parse), ModelFiles.Choose(parse.GetValue(model)));
            var loaded = shared.Manifest(parse);
            var windows = shared.FitWindows(parse, loaded);
            var manifest = windows?.Manifest ?? loaded;
            var split = splits?.TuneOn ?? shared.SplitOf(parse);
            if (splits is { } tuning) TuningSplits.Require(manifest, tuning.TuneOn, tuning.ReportOn);
            else TuningSplits.RequirePatients(manifest, split, "--split");
            var settings = new SweepSettings(method, level, parse.GetValue(shared.Json), parse.GetValue(shared.Quiet), choice, manifest, split, splits?.ReportOn, sweepGrid, parse.GetValue(outFolder)!.FullName, shared.CacheRoot(parse),
                shared.WithMemoryBudget(parse, PipelineChoice.Apply(shared.ValidArea.Options(parse), parse.GetValue(activation), parse.GetValue(shared.ImageScore),
                    parse.GetValue(shared.Framing))));
            shared.WriteFolders(parse, settings.CacheRoot, settings.OutFolder);
            shared.WriteWindowNotes(parse, settings.Manifest, settings.Split, windows);
            var writers = CommandWriters.Of(parse);
            SweepConsole.Write(writers.Output, settings, SweepHandler.Run(settings, writers.Log(settings.Json)));
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary>What <c>sweep</c> was asked to do.</summary>
/// <param name="Method">Proportion-interval method.</param>
/// <param name="Level">Confidence level.</param>
/// <param name="Json">Print JSON instead of text.</param>
/// <param name="Quiet">No progress and no tables.</param>
/// <param name="Model">The model.</param>
/// <param name="Manifest">The cohort.</param>
/// <param name="Split">The split swept (the tuning split with --tune-on), null for all.</param>
/// <param name="ReportOn">The split the tuned operating point is reported on, or null without --tune-on.</param>
/// <param name="Grid">The settings.</param>
/// <param name="OutFolder">Where sweep.csv goes.</param>
/// <param name="CacheRoot">The probability-map cache.</param>
/// <param name="Options">The pipeline options the sweep starts from (--valid-area, --output-activation, --image-score), or null for the study's.</param>
internal sealed record SweepSettings(ProportionInterval Method, double Level, bool Json, bool Quiet, ModelChoice Model, CohortManifest Manifest, CohortSplit? Split,
    CohortSplit? ReportOn, SweepGrid Grid, string OutFolder, string CacheRoot, PipelineOptions? Options);

/// <summary>What one sweep command produced, for the text and JSON writers.</summary>
/// <param name="Model">The model used.</param>
/// <param name="Manifest">The cohort.</param>
/// <param name="Split">The split swept (the tuning split with --tune-on), null for all.</param>
/// <param name="Grid">The settings.</param>
/// <param name="OutFolder">Where sweep.csv goes.</param>
/// <param name="Result">The sweep (of the tuning split with --tune-on).</param>
/// <param name="Tuned">The tuned operating point, or null without --tune-on.</param>
/// <param name="Elapsed">Wall time of scoring and sweeping.</param>
internal sealed record SweepRun(ModelChoice Model, CohortManifest Manifest, CohortSplit? Split, SweepGrid Grid, string OutFolder, SweepResult? Result,
    TunedOperatingPoint? Tuned, TimeSpan Elapsed)
{
    public string CsvPath => Path.Combine(OutFolder, "sweep.csv");
}
