using CovidCt.Interactive.Html;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Explorer;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// A sweep in a notebook: its warnings (<see cref="SweepResult.Warnings"/>: a scoring batch above the memory budget,
/// geometry the files did not state, framing, cache failures), then a short summary (settings, cases, the study's row and the Pareto
/// fronts' sizes) above the live operating-point explorer, the same fragment report.html shows. The explorer runs in the output
/// itself: moving a slider never goes back to the kernel.
/// </summary>
public static class ExplorerHtml
{
    /// <summary>The warnings, the summary and the explorer of <paramref name="sweep"/>, at the level of its own intervals.</summary>
    public static string Sweep(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var level = sweep.Rows[0].Patient.Level;
        var grid = sweep.Grid;
        var study = sweep.StudyDefaults;
        IReadOnlyList<Cell>[] rows =
        [
            ["Settings", Cell.Numeric($"{Markup.Count(grid.Count)} = {grid.Thresholds.Count} thresholds × {grid.MinPixels.Count} minimum sizes × {grid.ConsecutiveSlices.Count} k × {grid.SameQuadrant.Count} quadrant rules × {grid.Assignments.Count} assignments")],
            ["Patients / slices", Cell.Numeric($"{Markup.Count(sweep.Patients)} / {Markup.Count(sweep.Slices)}")],
            ["Pareto front (patient / image)", Cell.Numeric($"{sweep.ParetoFront(SweepLevel.Patient).Count} / {sweep.ParetoFront(SweepLevel.Image).Count} points")],
            ["Study's setting", Cell.Numeric(study is null ? Markup.Undefined("not in this grid") : "held (the explorer starts there)")],
        ];
        // Said before any number, as the command line says them.
        var warnings = sweep.Warnings.Select(w => Markup.Paragraph($"Warning: {w}"));
        return Markup.Block([.. warnings, Markup.Table("Post-processing sweep", ["", "Value"], rows)]) + OperatingPointExplorer.Html(sweep, level);
    }
}
