using System.Globalization;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>covidct inspect</c> prints: the summary as one JSON object, or as text.</summary>
internal static class InspectConsole
{
    /// <summary>Writes <paramref name="summary"/> (a <see cref="VolumeSummary"/> or an <see cref="ImageFolderSummary"/>) as JSON or text.</summary>
    public static void Write(TextWriter output, InspectResult summary, bool json)
    {
        if (json) output.Write(summary.Volume is { } volume ? OutputJson.Serialize(volume) : OutputJson.Serialize(summary.Images!));
        else if (summary.Volume is { } volume) Text(output, volume);
        else Text(output, summary.Images!);
    }

    private static void Text(TextWriter output, VolumeSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        string V(double[] v) => string.Create(c, $"({v[0]:0.####}, {v[1]:0.####}, {v[2]:0.####})");
        // Before the geometry they qualify.
        foreach (var warning in s.Warnings) output.WriteLine($"Warning: {warning}");
        output.WriteLine($"Source:        {s.Source} ({s.Kind})");
        output.WriteLine(string.Create(c, $"Dimensions:    {s.Width} x {s.Height} x {s.Slices} (columns x rows x slices)"));
        output.WriteLine(string.Create(c, $"Pixel spacing: {s.ColumnSpacingMm:0.######} x {s.RowSpacingMm:0.######} mm (between columns x between rows)"));
        output.WriteLine(s.SliceSpacingMm is { } spacing
            ? string.Create(c, $"Slices:        {s.Slices}, thickness {s.SliceThicknessMm:0.###} mm, spacing {spacing:0.###} mm, positions {s.FirstSlicePositionMm:0.###} .. {s.LastSlicePositionMm:0.###} mm (feet to head)")
            : string.Create(c, $"Slices:        1, thickness {s.SliceThicknessMm:0.###} mm, position {s.FirstSlicePositionMm:0.###} mm"));
        output.WriteLine(string.Create(c, $"HU range:      {s.MinHu:0.##} .. {s.MaxHu:0.##} (mean {s.MeanHu:0.#})"));
        output.WriteLine($"Orientation:   {s.Orientation}; rows along {V(s.RowDirection)}, columns along {V(s.ColumnDirection)} (LPS)");
        output.WriteLine($"Origin:        {V(s.Origin)} mm (LPS)");
        output.WriteLine($"Series UID:    {s.SeriesInstanceUid ?? "(none)"}");
        if (s.ReadWindow is null) return;
        output.WriteLine($"Read window:   {s.ReadWindow}{(s.WindowProblems is { Count: > 0 } problems ? $" (implausible: {string.Join("; ", problems)})" : " (plausible)")}");
        output.WriteLine($"Best fit:      {s.FittedWindow ?? "(none: soft tissue is clipped or the slices hold too few unclipped pixels)"}");
    }

    private static void Text(TextWriter output, ImageFolderSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"Source:        {s.Source} (PNG/JPEG slices of different sizes: unrelated images, not one series)");
        output.WriteLine(string.Create(c, $"Images:        {s.Images}, {s.DistinctSizes} sizes, from {s.SmallestSize} to {s.LargestSize} (columns x rows, by area)"));
        output.WriteLine(string.Create(c, $"HU range:      {s.MinHu:0.##} .. {s.MaxHu:0.##} (mean {s.MeanHu:0.#}) over all images"));
        output.WriteLine($"Read window:   {s.ReadWindow}{(s.WindowProblems.Count > 0 ? $" (implausible: {string.Join("; ", s.WindowProblems)})" : " (plausible)")}");
        output.WriteLine($"Best fit:      {s.FittedWindow ?? "(none: soft tissue is clipped or the slices hold too few unclipped pixels)"}");
        output.WriteLine("Evaluate as:   an image-level cohort, each image its own case: covidct evaluate --images FOLDER --masks MASKS --window WIDTH/LEVEL (docs/data.md)");
    }
}
