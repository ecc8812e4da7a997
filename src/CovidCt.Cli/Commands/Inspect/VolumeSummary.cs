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

    /// <summary>The geometry the reader assumed because the source did not state it (<see cref="CtVolume.Assumptions"/>); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

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
            [g.Origin.X, g.Origin.Y, g.Origin.Z], volume.SeriesInstanceUid) { Warnings = [.. volume.Assumptions.Select(a => a.Warning)] };
    }

    private static string Plane(Vector3D normal)
    {
        var (x, y, z) = (Math.Abs(normal.X), Math.Abs(normal.Y), Math.Abs(normal.Z));
        return z >= x && z >= y ? "axial" : y >= x ? "coronal" : "sagittal";
    }
}
