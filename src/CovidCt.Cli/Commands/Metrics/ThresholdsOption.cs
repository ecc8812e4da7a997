using System.CommandLine;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>--thresholds all|N</c>: how many ROC thresholds JSON output lists. A million distinct scores would otherwise
/// write a 200 MB file; the default lists 200 points evenly spread over the curve (always its first and last) and
/// says how many there are in all.
/// </summary>
internal static class ThresholdsOption
{
    public const int Default = 200;

    public static Option<string> Create() => new("--thresholds")
    {
        Description = $"ROC thresholds listed in JSON: all, or at most N evenly spread (default {Default}); 'threshold_count' gives the total.",
        DefaultValueFactory = _ => Default.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Null for <c>all</c>; otherwise N ≥ 2, or a usage error.</summary>
    public static int? Parse(string value)
    {
        if (value == "all") return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 2) return n;
        throw new UsageException($"--thresholds must be 'all' or a whole number of at least 2 (the first and last thresholds are always listed); got '{value}'");
    }
}
