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
        var thresholds = new Option<string>("--threshold") { Description = "Thresholds: FROM:TO:STEP or a comma list.", DefaultValueFactory = _ => SweepAxes.DefaultThresholds };
        var minPixels = new Option<string>("--min-pixels") { Description = "Minimum component sizes (a box needs more pixels): comma list or A..B.", DefaultValueFactory = _ => SweepAxes.DefaultMinPixels };
        var consecutive = new Option<string>("--consecutive") { Description = "k of the patient rule: A..B or a comma list.", DefaultValueFactory = _ => SweepAxes.DefaultConsecutive };
        var quadrants = new Option<string>("--quadrants") { Description = "Quadrant rule: on (same quadrant, the study's), off (any box), or on,off.", DefaultValueFactory = _ => SweepAxes.DefaultQuadrants };
        var assignment = new Option<string>("--assignment") { Description = "Quadrants a box counts for: centroid (default), overlap, or centroid,overlap.", DefaultValueFactory = _ => SweepAxes.DefaultAssignments };
        var tuneOn = new Option<string?>("--tune-on") { Description = "Choose the operating point on this split (train, val, test); needs --report-on." }.AcceptOnlyFromAmong("train", "val", "test");
        var reportOn = new Option<string?>("--report-on") { Description = "Report the chosen operating point once on this split." }.AcceptOnlyFromAmong("train", "val", "test");
        var activation = PipelineChoice.ActivationOption();
        var shared = new EvaluationOptions();
        var command = new Command("sweep", "Evaluate every post-processing setting (threshold x minimum pixels x k x quadrant rule) from cached probability maps: sweep.csv, Pareto fronts, tuned operating point.")
        {
            model, outFolder, thresholds, minPixels, consecutive, quadrants, assignment, tuneOn, reportOn, activation,
        };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var grid = SweepAxes.Grid(parse.GetValue(thresholds)!, parse.GetValue(minPixels)!, parse.GetValue(consecutive)!, parse.GetValue(quadrants)!, parse.GetValue(assignment)!);
            var (tune, report) = (SplitOf(parse.GetValue(tuneOn)), SplitOf(parse.GetValue(reportOn)));
            if (tune.HasValue != report.HasValue) throw new UsageException("--tune-on and --report-on go together: name the split to choose on and the split to report on");
            if (tune is not null && tune == report) throw new UsageException($"--tune-on and --report-on are both '{parse.GetValue(tuneOn)}': tuning and reporting on one split overstates the result; choose two splits");
            if (tune is not null && parse.GetResult(shared.Split) is { Implicit: false }) throw new UsageException("--split cannot be combined with --tune-on/--report-on, which name the splits themselves");
            var (method, level, choice) = (shared.Method(parse), shared.CheckedLevel(parse), ModelFiles.Choose(parse.GetValue(model)));
            var loaded = shared.Manifest(parse);
            var windows = shared.FitWindows(parse, loaded);
            var manifest = windows?.Manifest ?? loaded;
            var split = tune ?? shared.SplitOf(parse);
            if (tune is not null && !CohortLevelText.HasPatientTable(manifest))
            {
                throw new UsageException($"{manifest.Path} is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J, and {CohortLevelText.NoPatientRule}; read the per-image Pareto front instead");
            }
            RequirePatients(manifest, split, tune is null ? "--split" : "--tune-on");
            if (report is not null) RequirePatients(manifest, report, "--report-on");
            if (tune is not null) RequireBothLabels(manifest, tune.Value);
            var settings = new SweepSettings(method, level, parse.GetValue(shared.Json), parse.GetValue(shared.Quiet), choice, manifest, split, report, grid, parse.GetValue(outFolder)!.FullName, shared.CacheRoot(parse),
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

    private static CohortSplit? SplitOf(string? name) => CohortSplitNames.TryParse(name, out var split) ? split : null;

    private static void RequirePatients(CohortManifest manifest, CohortSplit? split, string option)
    {
        if (manifest.InSplit(split).Any()) return;
        var name = CohortSplitNames.NameOrAll(split);
        throw new UsageException($"{manifest.Path} has no patients in split '{name}' ({option}). The embedded default cohort holds the test split only; " +
            "build the full default cohort with 'covidct cohort build --spec datasets/specs/default.json --out .cache/cohorts/default' " +
            "and pass --cohort .cache/cohorts/default/manifest.csv");
    }

    private static void RequireBothLabels(CohortManifest manifest, CohortSplit split)
    {
        var labels = manifest.InSplit(split).Select(e => e.Label).Distinct().Count();
        if (labels < 2)
        {
            throw new UsageException($"{manifest.Path}: split '{CohortSplitNames.NameOrAll(split)}' (--tune-on) needs both COVID-19 and control patients to choose an operating point by Youden's J");
        }
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
