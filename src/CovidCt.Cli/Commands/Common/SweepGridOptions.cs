using System.CommandLine;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The five axes of the post-processing grid (<c>--threshold --min-pixels --consecutive --quadrants --assignment</c>), defined once
/// for <c>sweep</c> and <c>compare --tune-on</c> so that both sweep the same defaults and read the values the same way.
/// </summary>
internal sealed class SweepGridOptions
{
    /// <param name="descriptionPrefix">Put before each description, e.g. "With --tune-on, " where the grid is used only then.</param>
    public SweepGridOptions(string descriptionPrefix = "")
    {
        Thresholds = new Option<string>("--threshold") { Description = $"{descriptionPrefix}thresholds swept: FROM:TO:STEP or a comma list.", DefaultValueFactory = _ => SweepAxes.DefaultThresholds };
        MinPixels = new Option<string>("--min-pixels") { Description = $"{descriptionPrefix}minimum component sizes swept (a box needs more pixels): comma list or A..B.", DefaultValueFactory = _ => SweepAxes.DefaultMinPixels };
        Consecutive = new Option<string>("--consecutive") { Description = $"{descriptionPrefix}k of the patient rule swept: A..B or a comma list.", DefaultValueFactory = _ => SweepAxes.DefaultConsecutive };
        Quadrants = new Option<string>("--quadrants") { Description = $"{descriptionPrefix}quadrant rules swept: on (same quadrant, the study's), off (any box), or on,off.", DefaultValueFactory = _ => SweepAxes.DefaultQuadrants };
        Assignment = new Option<string>("--assignment") { Description = $"{descriptionPrefix}quadrants a box counts for: centroid (default), overlap, or centroid,overlap.", DefaultValueFactory = _ => SweepAxes.DefaultAssignments };
    }

    public Option<string> Thresholds { get; }

    public Option<string> MinPixels { get; }

    public Option<string> Consecutive { get; }

    public Option<string> Quadrants { get; }

    public Option<string> Assignment { get; }

    /// <summary>The five options, in the order help lists them.</summary>
    public IReadOnlyList<Option> All => [Thresholds, MinPixels, Consecutive, Quadrants, Assignment];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <exception cref="UsageException">When a value cannot be read or the grid is not valid.</exception>
    public SweepGrid Grid(ParseResult parse) => SweepAxes.Grid(parse.GetValue(Thresholds)!, parse.GetValue(MinPixels)!, parse.GetValue(Consecutive)!, parse.GetValue(Quadrants)!, parse.GetValue(Assignment)!);
}
