using System.Globalization;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>covidct convert</c> prints: the file written, its geometry, size and time.</summary>
internal static class ConvertConsole
{
    public static void Write(TextWriter output, ConvertResult result)
    {
        var g = result.Geometry;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Path}: {g.Width} x {g.Height} x {g.Depth}, {g.ColumnSpacing:0.######} x {g.RowSpacing:0.######} mm, {result.Bytes / 1048576.0:0.0} MiB in {result.Elapsed.TotalSeconds:0.00} s"));
    }
}
