namespace CovidCt.Metrics;

/// <summary>McNemar's test on the discordant pairs of two paired binary decisions.</summary>
/// <param name="Cases">Cases compared (concordant and discordant).</param>
/// <param name="OnlyACorrect">Discordant cases that decision A got right and B got wrong.</param>
/// <param name="OnlyBCorrect">Discordant cases that decision B got right and A got wrong.</param>
/// <param name="PValue">Exact two-sided p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, 1/2); 1 when there are no discordant pairs.</param>
/// <param name="MidPValue">Mid-p = 2·P(X ≤ min(b, c)) − P(X = min(b, c)) (Fagerland, Lydersen and Laake 2013); 1 when there are no discordant pairs.</param>
public sealed record McNemarResult(long Cases, long OnlyACorrect, long OnlyBCorrect, double PValue, double MidPValue);
