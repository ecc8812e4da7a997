namespace CovidCt.Metrics;

/// <summary>A proportion over clustered units, with its clustered (Rao–Scott Wilson) interval beside the naive Wilson interval.</summary>
/// <param name="Proportion">x/n over all units; its interval is the clustered one (method <c>wilson-rao-scott</c>), or the naive one when <see cref="Caveat"/> says so.</param>
/// <param name="NaiveInterval">Wilson's interval treating every unit as independent; null without units.</param>
/// <param name="DesignEffect">Clustered variance / binomial variance; NaN when undefined (no units, one cluster, or p̂ = 0 or 1).</param>
/// <param name="EffectiveTrials">n / max(1, design effect): the number of independent units the clustered data are worth.</param>
/// <param name="Clusters">Clusters holding at least one unit.</param>
/// <param name="Caveat">Why the interval is degenerate or unusual, or null.</param>
public sealed record ClusteredProportionResult(Estimate Proportion, ConfidenceInterval? NaiveInterval, double DesignEffect, double EffectiveTrials, int Clusters, string? Caveat);
