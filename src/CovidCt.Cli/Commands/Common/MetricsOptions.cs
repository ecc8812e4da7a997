using System.CommandLine;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>Options shared by the metrics commands and the paper command.</summary>
internal static class MetricsOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write the result as JSON (fields in docs/metrics.md)." };

    public static Option<string> Ci() => new Option<string>("--ci")
    {
        Description = "Interval for proportions: wilson (default), exact (Clopper–Pearson) or jeffreys.",
        DefaultValueFactory = _ => "wilson",
    }.AcceptOnlyFromAmong("wilson", "exact", "jeffreys");

    public static Option<double> Level() => new("--level")
    {
        Description = "Confidence level in (0, 1).",
        DefaultValueFactory = _ => 0.95,
    };

    public static ProportionInterval Method(string name) => name switch
    {
        "exact" => ProportionInterval.ClopperPearson,
        "jeffreys" => ProportionInterval.Jeffreys,
        _ => ProportionInterval.Wilson,
    };

    /// <summary>The level, or a usage error when outside (0, 1).</summary>
    public static double CheckedLevel(double level) =>
        level is > 0 and < 1 ? level : throw new UsageException($"--level must lie strictly between 0 and 1, got {level}");
}
