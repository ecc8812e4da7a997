namespace CovidCt.Metrics;

/// <summary>Durkalski's clustered McNemar test, with the clustered difference in proportions correct.</summary>
/// <param name="Units">Units compared (concordant and discordant).</param>
/// <param name="Clusters">Clusters among those units.</param>
/// <param name="OnlyACorrect">Units A got right and B wrong (b).</param>
/// <param name="OnlyBCorrect">Units B got right and A wrong (c).</param>
/// <param name="ChiSquare">(Σᵢ (bᵢ − cᵢ))² / Σᵢ (bᵢ − cᵢ)²; 0 when no cluster has a net discordance.</param>
/// <param name="PValue">P(χ²₁ ≥ X²); 1 when no cluster has a net discordance.</param>
/// <param name="Difference">(b − c)/n, the difference A − B in proportion correct, with its clustered Wald interval (method <c>clustered-wald</c>, clipped to [−1, 1]).</param>
public sealed record ClusteredMcNemarResult(long Units, int Clusters, long OnlyACorrect, long OnlyBCorrect, double ChiSquare, double PValue, Estimate Difference);
