using System.CommandLine;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>compare --tune-on val --report-on test</c>: each model's own operating point, chosen on one split by the rule of
/// <c>covidct sweep --tune-on</c> over the same grid options, then the comparison on the other split at those points.
/// </summary>
internal sealed class CompareTuningOptions
{
    public const string DefaultOut = "out/compare";

    private readonly Option<string?> _tuneOn = new Option<string?>("--tune-on")
    {
        Description = "Choose each model's own operating point on this split (train, val, test), as 'covidct sweep --tune-on' does; needs --report-on.",
    }.AcceptOnlyFromAmong("train", "val", "test");

    private readonly Option<string?> _reportOn = new Option<string?>("--report-on")
    {
        Description = "With --tune-on: compare the models on this split, each at the operating point chosen for it.",
    }.AcceptOnlyFromAmong("train", "val", "test");

    private readonly Option<DirectoryInfo> _out = new("--out")
    {
        Description = "With --tune-on: each model's sweep.csv and pipeline.json go to OUT/NAME/ (created when missing).",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultOut),
    };

    private readonly SweepGridOptions _grid = new("With --tune-on, the ");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _tuneOn, _reportOn, _out }) command.Options.Add(option);
        _grid.AddTo(command);
    }

    /// <summary>
    /// The tuning asked for, or null without --tune-on. With it, <paramref name="manifest"/> is checked as sweep checks it
    /// (<see cref="TuningSplits"/>); <paramref name="pipelineFiles"/> must be empty, since a pipeline.json fixes its own operating point.
    /// </summary>
    /// <exception cref="UsageException">A bad pair of splits, --split beside them, --pipeline, a grid option or --out without --tune-on, or a bad grid.</exception>
    public CompareTuning? Parse(ParseResult parse, Option<string> split, CohortManifest manifest, int pipelineFiles)
    {
        var splits = TuningSplits.Parse(parse.GetValue(_tuneOn), parse.GetValue(_reportOn));
        var gridOptions = _grid.All.Append(_out);
        if (splits is null)
        {
            // A grid or an output folder without tuning would be ignored, and an ignored option is a silent default.
            if (gridOptions.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
            {
                throw new UsageException($"{given.Name} chooses what compare --tune-on sweeps and where it writes; it needs --tune-on and --report-on");
            }
            return null;
        }
        if (parse.GetResult(split) is { Implicit: false }) throw new UsageException("--split cannot be combined with --tune-on/--report-on, which name the splits themselves");
        if (pipelineFiles > 0)
        {
            throw new UsageException("--pipeline runs a fixed operating point, while --tune-on chooses one for each model: give --model with --tune-on, "
                + "or compare the pipeline.json files that 'covidct sweep --tune-on' wrote without --tune-on");
        }
        var (tuneOn, reportOn) = splits.Value;
        TuningSplits.Require(manifest, tuneOn, reportOn);
        var grid = _grid.Grid(parse);
        return new CompareTuning(tuneOn, reportOn, grid, parse.GetValue(_out)!.FullName);
    }
}

/// <summary>What <c>compare --tune-on</c> was asked to do.</summary>
/// <param name="TuneOn">The split each model's operating point is chosen on.</param>
/// <param name="ReportOn">The split the models are compared on, each at its chosen point.</param>
/// <param name="Grid">The settings swept on <paramref name="TuneOn"/>.</param>
/// <param name="OutFolder">Where each model's sweep.csv and pipeline.json go (one folder per model).</param>
internal sealed record CompareTuning(CohortSplit TuneOn, CohortSplit ReportOn, SweepGrid Grid, string OutFolder);
