using System.Globalization;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Cli.Commands;

/// <summary>Reads the sweep's axes from the command line: <c>FROM:TO:STEP</c> or lists for thresholds, <c>A..B</c> or lists for integers.</summary>
internal static class SweepAxes
{
    public const string DefaultThresholds = "0.30:0.80:0.05";
    // The library's default grid (slice pixels bracketing the study's 25, see SweepGrid.Default), so the two never differ.
    public static readonly string DefaultMinPixels = string.Join(',', SweepGrid.Default.MinPixels);
    public const string DefaultConsecutive = "1..5";
    public const string DefaultQuadrants = "on,off";
    public const string DefaultAssignments = "centroid";

    /// <summary>At most this many settings in one sweep (every combination of the axes): a million already takes hours.</summary>
    public const long MaxSettings = 1_000_000;

    /// <exception cref="UsageException">When a value cannot be read or the grid is not valid.</exception>
    public static SweepGrid Grid(string thresholds, string minPixels, string consecutive, string quadrants, string assignments)
    {
        var t = Thresholds(thresholds);
        var m = Integers("--min-pixels", minPixels);
        var k = Integers("--consecutive", consecutive);
        var q = Items("--quadrants", quadrants, name => name switch { "on" => true, "off" => false, _ => (bool?)null }, "on or off");
        var a = Items("--assignment", assignments, name => name switch
        {
            "centroid" => QuadrantAssignment.Centroid,
            "overlap" => QuadrantAssignment.Overlap,
            _ => (QuadrantAssignment?)null,
        }, "centroid or overlap");
        var settings = (long)t.Count * m.Count * k.Count * q.Count * a.Count;
        if (settings > MaxSettings)
        {
            throw new UsageException($"the sweep grid has {settings:N0} settings ({t.Count:N0} thresholds x {m.Count:N0} minimum sizes x {k.Count:N0} run lengths x {q.Count} x {a.Count}); at most {MaxSettings:N0} are allowed");
        }
        try
        {
            return new SweepGrid(t, m, k, q.ToArray(), a.ToArray());
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"sweep grid: {e.Message}");
        }
    }

    private static IReadOnlyList<double> Thresholds(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 3)
        {
            var (from, to, step) = (Number("--threshold", parts[0]), Number("--threshold", parts[1]), Number("--threshold", parts[2]));
            if (step > 0 && (to - from) / step + 1 > MaxSettings)
            {
                throw new UsageException($"--threshold: {text} gives {Math.Floor((to - from) / step) + 1:N0} thresholds; at most {MaxSettings:N0} are allowed");
            }
            try
            {
                return SweepGrid.Range(from, to, step);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--threshold: {e.Message}");
            }
        }
        return Items("--threshold", text, s => (double?)Number("--threshold", s), "numbers").ToArray();
    }

    private static IReadOnlyList<int> Integers(string option, string text)
    {
        var range = text.Split("..");
        if (range.Length == 2)
        {
            var (from, to) = (Integer(option, range[0]), Integer(option, range[1]));
            if (to < from) throw new UsageException($"{option}: range {text} ends before it starts");
            if ((long)to - from + 1 > MaxSettings) throw new UsageException($"{option}: range {text} has {(long)to - from + 1:N0} values; at most {MaxSettings:N0} are allowed");
            return Enumerable.Range(from, to - from + 1).ToArray();
        }
        return Items(option, text, s => (int?)Integer(option, s), "integers").ToArray();
    }

    private static List<T> Items<T>(string option, string text, Func<string, T?> parse, string expected) where T : struct
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0) throw new UsageException($"{option}: give at least one value ({expected}, comma-separated)");
        return items.Select(item => parse(item.ToLowerInvariant()) ?? throw new UsageException($"{option}: '{item}' is not allowed; expected {expected}, comma-separated")).ToList();
    }

    private static double Number(string option, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"{option}: '{text}' is not a number (use a dot as the decimal separator)");

    private static int Integer(string option, string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"{option}: '{text}' is not an integer");
}
