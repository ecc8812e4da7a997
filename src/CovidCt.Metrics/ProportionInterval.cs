namespace CovidCt.Metrics;

/// <summary>Confidence-interval methods for a binomial proportion x/n.</summary>
public enum ProportionInterval
{
    /// <summary>Wilson score interval (the default; good coverage for small n).</summary>
    Wilson,

    /// <summary>Clopper–Pearson "exact" interval from Beta quantiles; conservative.</summary>
    ClopperPearson,

    /// <summary>Jeffreys interval: equal-tailed Beta(x + 1/2, n − x + 1/2) quantiles, with the bound pinned to 0 at x = 0 and to 1 at x = n.</summary>
    Jeffreys,
}
