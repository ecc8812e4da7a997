namespace CovidCt.Metrics;

/// <summary>Bootstrap percentile intervals of a partial AUC (see <see cref="PartialAucBootstrap"/>).</summary>
/// <param name="Area">The raw partial area with its interval.</param>
/// <param name="McClish">The McClish-standardised value with its interval (the same resamples).</param>
public sealed record PartialAucInterval(BootstrapResult Area, BootstrapResult McClish);
