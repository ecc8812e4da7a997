using CovidCt.Data.Cohorts;

namespace CovidCt.Reporting.Conventions;

/// <summary>How a cohort split is named in output: "test", "val", "train", or "all" when no split was chosen.</summary>
public static class CohortSplitNames
{
    /// <summary>The split's lower-case name, or "all" for null.</summary>
    public static string Name(CohortSplit? split) => split?.ToString().ToLowerInvariant() ?? "all";
}
