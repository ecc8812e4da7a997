namespace CovidCt.Cli.Commands;

/// <summary>
/// The counts of a coverage simulation: per interval or test, the datasets where it was defined and those where it held
/// the truth (or rejected the null). Rows keep the order in which they were first counted.
/// </summary>
internal sealed class CoverageSimulationTally
{
    private readonly Dictionary<string, (int Hits, int Defined)> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Counts one dataset: <paramref name="hit"/> true or false when the interval or test was defined, null when it was not.</summary>
    public void Count(string name, bool? hit)
    {
        if (!_counts.TryGetValue(name, out var c)) _order.Add(name);
        _counts[name] = hit is { } h ? (c.Hits + (h ? 1 : 0), c.Defined + 1) : c;
    }

    /// <summary>One row per interval or test, in the order first counted; the rate is undefined when no dataset defined it.</summary>
    public IReadOnlyList<CoverageRow> Rows() => _order
        .Select(name => (name, c: _counts[name]))
        .Select(x => new CoverageRow(x.name, x.c.Defined, x.c.Defined == 0 ? null : (double)x.c.Hits / x.c.Defined))
        .ToArray();
}

/// <summary>One interval or test of a coverage simulation: datasets where it was defined, and the share that covered the truth (or rejected).</summary>
internal sealed record CoverageRow(string Name, int Datasets, double? Rate);
