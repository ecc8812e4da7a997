using System.Globalization;
using CovidCt.Data;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>inspect</c> reports about a volume; the JSON field names are the property names in snake_case.</summary>
internal sealed record VolumeSummary(
    int SchemaVersion,
    string Source,
    string Kind,
    int Width,
    int Height,
    int Slices,
    double ColumnSpacingMm,
    double RowSpacingMm,
    double SliceThicknessMm,
    double? SliceSpacingMm,
    double FirstSlicePositionMm,
    double LastSlicePositionMm,
    float MinHu,
    float MaxHu,
    double MeanHu,
    string Orientation,
    double[] RowDirection,
    double[] ColumnDirection,
    double[] Origin,
    string? SeriesInstanceUid)
{
    /// <summary>For PNG/JPEG slices: the window they were read with; null for DICOM and NIfTI.</summary>
    public string? ReadWindow { get; init; }

    /// <summary>For PNG/JPEG slices: the window that puts air, fat and soft tissue closest to their HU; null when none can be read from them.</summary>
    public string? FittedWindow { get; init; }

    /// <summary>For PNG/JPEG slices: why the read window is implausible; empty when it fits.</summary>
    public IReadOnlyList<string>? WindowProblems { get; init; }

    public static VolumeSummary Of(CtVolume volume, CtSourceKind kind)
    {
        var g = volume.Geometry;
        var (min, max, sum) = (float.PositiveInfinity, float.NegativeInfinity, 0.0);
        foreach (var v in volume.Hounsfield)
        {
            if (v < min) min = v;
            if (v > max) max = v;
            sum += v;
        }
        var p = g.SlicePositions;
        double? spacing = p.Count > 1 ? (p[^1] - p[0]) / (p.Count - 1) : null;
        return new VolumeSummary(Reporting.Files.OutputJson.SchemaVersion, volume.Source, kind.ToString(), g.Width, g.Height, g.Depth, g.ColumnSpacing, g.RowSpacing, g.SliceThickness, spacing,
            p[0], p[^1], min, max, sum / volume.Hounsfield.Length, Plane(g.SliceNormal),
            [g.RowDirection.X, g.RowDirection.Y, g.RowDirection.Z], [g.ColumnDirection.X, g.ColumnDirection.Y, g.ColumnDirection.Z],
            [g.Origin.X, g.Origin.Y, g.Origin.Z], volume.SeriesInstanceUid);
    }

    private static string Plane(Vector3D normal)
    {
        var (x, y, z) = (Math.Abs(normal.X), Math.Abs(normal.Y), Math.Abs(normal.Z));
        return z >= x && z >= y ? "axial" : y >= x ? "coronal" : "sagittal";
    }

    public void WriteText(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        string V(double[] v) => string.Create(c, $"({v[0]:0.####}, {v[1]:0.####}, {v[2]:0.####})");
        output.WriteLine($"Source:        {Source} ({Kind})");
        output.WriteLine(string.Create(c, $"Dimensions:    {Width} x {Height} x {Slices} (columns x rows x slices)"));
        output.WriteLine(string.Create(c, $"Pixel spacing: {ColumnSpacingMm:0.######} x {RowSpacingMm:0.######} mm (between columns x between rows)"));
        output.WriteLine(SliceSpacingMm is { } s
            ? string.Create(c, $"Slices:        {Slices}, thickness {SliceThicknessMm:0.###} mm, spacing {s:0.###} mm, positions {FirstSlicePositionMm:0.###} .. {LastSlicePositionMm:0.###} mm (feet to head)")
            : string.Create(c, $"Slices:        1, thickness {SliceThicknessMm:0.###} mm, position {FirstSlicePositionMm:0.###} mm"));
        output.WriteLine(string.Create(c, $"HU range:      {MinHu:0.##} .. {MaxHu:0.##} (mean {MeanHu:0.#})"));
        output.WriteLine($"Orientation:   {Orientation}; rows along {V(RowDirection)}, columns along {V(ColumnDirection)} (LPS)");
        output.WriteLine($"Origin:        {V(Origin)} mm (LPS)");
        output.WriteLine($"Series UID:    {SeriesInstanceUid ?? "(none)"}");
        if (ReadWindow is null) return;
        output.WriteLine($"Read window:   {ReadWindow}{(WindowProblems is { Count: > 0 } problems ? $" (implausible: {string.Join("; ", problems)})" : " (plausible)")}");
        output.WriteLine($"Best fit:      {FittedWindow ?? "(none: soft tissue is clipped or the slices hold too few unclipped pixels)"}");
    }
}
