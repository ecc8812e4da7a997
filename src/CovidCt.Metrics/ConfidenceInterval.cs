namespace CovidCt.Metrics;

/// <summary>A two-sided confidence interval at <see cref="Level"/> (for example 0.95), computed by <see cref="Method"/>.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Coverage level in (0, 1).</param>
/// <param name="Method">The method, as a short name used in output ("wilson", "clopper-pearson", "jeffreys", "delong", ...).</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level, string Method)
{
    /// <summary>True when <paramref name="value"/> lies within the bounds (inclusive).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
