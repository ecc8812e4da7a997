namespace CovidCt.Metrics;

/// <summary>How a published percentage was rounded to its number of decimals.</summary>
public enum RoundingRule
{
    /// <summary>Ties away from zero (0.125 → 0.13), the usual rule in papers and spreadsheets.</summary>
    HalfUp,

    /// <summary>Ties to the even digit (0.125 → 0.12), banker's rounding, as numpy and R's round do.</summary>
    HalfEven,
}
