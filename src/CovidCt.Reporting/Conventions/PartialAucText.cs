using CovidCt.Metrics;

namespace CovidCt.Reporting.Conventions;

/// <summary>How a partial AUC reads in plain text; shared by <c>covidct metrics scores --partial-auc</c> and <c>covidct compare --partial-auc</c>.</summary>
public static class PartialAucText
{
    /// <summary>"specificity 0.8–1".</summary>
    public static string Range(double minimumSpecificity) => $"specificity {TextFormat.Number(minimumSpecificity, "0.###")}–1";

    /// <summary>
    /// "0.1234 of at most 0.2; McClish standardised 0.8500 (0.5 chance, 1 perfect)", or "undefined: reason"; each interval text
    /// (e.g. " (95% CI 0.1–0.2)"), when given, follows its figure.
    /// </summary>
    public static string Describe(PartialAucResult result, string areaInterval = "", string mcClishInterval = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Area.Value is { } area && result.McClish is { } mcClish
            ? $"{TextFormat.Number(area, "0.0000")}{areaInterval} of at most {TextFormat.Number(result.Area.Denominator, "0.####")}; "
              + $"McClish standardised {TextFormat.Number(mcClish, "0.0000")}{mcClishInterval} (0.5 chance, 1 perfect)"
              : $"undefined: {result.Area.UndefinedReason}";
    }
}
