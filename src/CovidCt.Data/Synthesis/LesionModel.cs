namespace CovidCt.Data.Synthesis;

/// <summary>Which lesion planner a cohort's patients are drawn with (the spec's <c>lesions</c> field).</summary>
public enum LesionModel
{
    /// <summary>The planner of the shipped cohorts (default; keeps every existing spec byte for byte).</summary>
    Study,

    /// <summary>
    /// Closer to real COVID-19 CT (issue #16): fainter ground glass (about −750..−500 HU), small subpleural patches, an
    /// extensive faint basal ground glass in some patients, consolidation with air bronchograms; controls that carry
    /// several confounders at once (small and perihilar nodules, dependent atelectasis).
    /// </summary>
    Realistic,
}
