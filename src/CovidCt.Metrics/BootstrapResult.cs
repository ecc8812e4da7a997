namespace CovidCt.Metrics;

/// <summary>A metric with its patient-cluster bootstrap percentile interval.</summary>
/// <param name="Value">The metric on the original data; null when undefined there.</param>
/// <param name="Interval">Percentile interval over the resamples where the metric was defined; null when it was defined in none.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="UndefinedResamples">Resamples in which the metric was undefined (for example no diseased patient drawn); they are excluded from the interval and reported here rather than hidden.</param>
/// <param name="Seed">The random seed; the same seed and data give the same result.</param>
public sealed record BootstrapResult(double? Value, ConfidenceInterval? Interval, int Resamples, int UndefinedResamples, int Seed);
