namespace CovidCt.Pipelines.Caching;

/// <summary>
/// The probability-map cache as an option of the scoring step: where the maps live and which cohort they belong to. The rest
/// of the <see cref="ProbabilityCacheKey"/> (model SHA-256, resolved preprocessing, output read) comes from the scorer.
/// </summary>
/// <param name="Root">The folder holding every key's maps (created when missing).</param>
/// <param name="CohortSha256">A SHA-256 that changes whenever the cohort's images change (<see cref="CohortFingerprint.Compute"/>).</param>
public sealed record ProbabilityCacheOptions(string Root, string CohortSha256);
