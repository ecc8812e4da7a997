namespace CovidCt.Metrics;

/// <summary>
/// Percentages as a paper prints them (for example 94.34 for 94.34 %), each optional, all with the same
/// number of <see cref="Decimals"/> and <see cref="Rounding"/> rule. "100%" printed without decimals is 100 with any decimals.
/// </summary>
/// <param name="Sensitivity">Published sensitivity in percent.</param>
/// <param name="Specificity">Published specificity in percent.</param>
/// <param name="Accuracy">Published accuracy in percent.</param>
/// <param name="Ppv">Published positive predictive value in percent.</param>
/// <param name="Npv">Published negative predictive value in percent.</param>
/// <param name="Decimals">Decimals the percentages were rounded to (0–6).</param>
/// <param name="Rounding">The rounding rule.</param>
public sealed record PublishedFigures(decimal? Sensitivity, decimal? Specificity, decimal? Accuracy, decimal? Ppv, decimal? Npv, int Decimals, RoundingRule Rounding = RoundingRule.HalfUp)
{
    /// <summary>The given figures with their stable names (sensitivity, specificity, accuracy, ppv, npv), skipping absent ones.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Given =>
        new (string Name, decimal? Value)[] { ("sensitivity", Sensitivity), ("specificity", Specificity), ("accuracy", Accuracy), ("ppv", Ppv), ("npv", Npv) }
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, decimal>(f.Name, f.Value!.Value))
            .ToArray();

    /// <summary>Half the last printed unit, in percentage points: the largest deviation an exact match can have.</summary>
    public double HalfUnit => 0.5 * Math.Pow(10, -Decimals);
}
