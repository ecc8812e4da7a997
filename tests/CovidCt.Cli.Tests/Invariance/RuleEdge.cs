namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// Whether a patient's reference decision sits on the edge of the patient rule (boxes in one quadrant on k consecutive
/// slices), so that a change of pixel values that moves one box can tip it. Negative in the reference: it already has boxes
/// on k consecutive slices, only not in one quadrant (a centroid crossing a split line completes the run), or one quadrant
/// has a run of k - 1 (one more box completes it). Positive: its longest run in one quadrant is exactly k (one box fewer at
/// either end breaks it). Only such a patient's flip is tolerated on the forms that change the pixels.
/// </summary>
public static class RuleEdge
{
    /// <summary>True when <paramref name="slices"/> (one patient's, in slice order), <paramref name="positive"/> or not in the reference, are one box or one quadrant from the other decision.</summary>
    public static bool IsOnEdge(IReadOnlyList<SliceScore> slices, bool positive, int k)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var quadrants = slices.Select(s => s.Quadrants.Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)).ToList();
        var longestInOneQuadrant = quadrants.SelectMany(q => q).Distinct(StringComparer.Ordinal)
            .Select(name => LongestRun(quadrants.Select(q => q.Contains(name)))).DefaultIfEmpty(0).Max();
        return positive
            ? longestInOneQuadrant == k
            : LongestRun(quadrants.Select(q => q.Count > 0)) >= k || longestInOneQuadrant >= k - 1;
    }

    private static int LongestRun(IEnumerable<bool> hits)
    {
        var (longest, current) = (0, 0);
        foreach (var hit in hits)
        {
            current = hit ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
