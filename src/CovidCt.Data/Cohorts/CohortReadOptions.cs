namespace CovidCt.Data.Cohorts;

/// <summary>How <see cref="CohortReader"/> reads patients.</summary>
public sealed record CohortReadOptions
{
    /// <summary>How images are read (series choice, slice-folder window); null for the defaults of <see cref="CtReader"/>.</summary>
    public CtReadOptions? Images { get; init; }

    /// <summary>Lesion pixels a slice's mask needs for the slice to count as lesion-positive; at least 1, default 1.</summary>
    public int MinimumLesionPixels { get; init; } = 1;
}
