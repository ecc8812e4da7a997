using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// The one set of quadrant names. People read "upper left" (console, report.html, notebooks); machine files keep the enum
/// names joined by '|' ("UpperLeft|LowerRight"), which scripts already parse.
/// </summary>
public static class QuadrantNames
{
    /// <summary>The four quadrants in display order (top row first), with the label a person reads.</summary>
    public static IReadOnlyList<(Quadrant Quadrant, string Label)> Rows { get; } =
        [(Quadrant.UpperLeft, "upper left"), (Quadrant.UpperRight, "upper right"), (Quadrant.LowerLeft, "lower left"), (Quadrant.LowerRight, "lower right")];

    /// <summary>"upper left", or "upper left and lower right" for several; "none" for none.</summary>
    public static string Label(Quadrant quadrants)
    {
        var labels = Rows.Where(r => quadrants.HasFlag(r.Quadrant)).Select(r => r.Label).ToArray();
        return labels.Length == 0 ? "none" : string.Join(" and ", labels);
    }

    /// <summary>"UpperLeft|LowerRight" for machine files; empty for none.</summary>
    public static string Key(Quadrant quadrants) =>
        string.Join('|', Enum.GetValues<Quadrant>().Where(q => q != Quadrant.None && quadrants.HasFlag(q)));
}
