namespace CovidCt.Data.Cohorts;

/// <summary>
/// The one conversion between <see cref="CohortSplit"/> and the names written in manifests, cohort cards, output files
/// and on the command line: <c>train</c>, <c>val</c>, <c>test</c>, and <c>all</c> for no split filter.
/// </summary>
public static class CohortSplitNames
{
    /// <summary>The name that stands for every patient, whatever their split (a null <see cref="CohortSplit"/>).</summary>
    public const string All = "all";

    /// <summary>The name of <paramref name="split"/>: <c>train</c>, <c>val</c> or <c>test</c>.</summary>
    /// <param name="split">The split.</param>
    public static string Name(this CohortSplit split) => split switch
    {
        CohortSplit.Train => "train",
        CohortSplit.Val => "val",
        CohortSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "not a cohort split"),
    };

    /// <summary>The name of <paramref name="split"/>, or <see cref="All"/> when it is null.</summary>
    /// <param name="split">The split, or null for every patient.</param>
    public static string NameOrAll(CohortSplit? split) => split?.Name() ?? All;

    /// <summary>Reads <c>train</c>, <c>val</c> or <c>test</c>, in any letter case.</summary>
    /// <param name="name">The name to read.</param>
    /// <param name="split">The split named, when the name is one.</param>
    /// <returns>Whether <paramref name="name"/> names a split.</returns>
    public static bool TryParse(string? name, out CohortSplit split)
    {
        foreach (var candidate in Enum.GetValues<CohortSplit>())
        {
            if (string.Equals(name, candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                split = candidate;
                return true;
            }
        }
        split = default;
        return false;
    }

    /// <summary>Reads a split name or <see cref="All"/> (null), in any letter case.</summary>
    /// <param name="name">The name to read.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is neither a split nor <see cref="All"/>.</exception>
    public static CohortSplit? ParseOrAll(string name) =>
        string.Equals(name, All, StringComparison.OrdinalIgnoreCase) ? null
        : TryParse(name, out var split) ? split
        : throw new ArgumentException($"'{name}' is not a split; expected train, val, test or {All}", nameof(name));
}
