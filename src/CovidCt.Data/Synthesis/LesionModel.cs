namespace CovidCt.Data.Synthesis;

/// <summary>Which lesion planner a cohort's patients are drawn with (the spec's <c>lesions</c> field).</summary>
public enum LesionModel
{
    /// <summary>The planner of the shipped cohorts (default; keeps every existing spec byte for byte).</summary>
    Study,

    /// <summary>
    /// Closer to real COVID-19 CT (issue #16): ground glass from the faint −750 HU band to dense patches, many pieces per
    /// slice (satellites, small subpleural patches and patches deeper in the lung; the mask keeps only the pieces that change
    /// the image visibly), an extensive faint basal ground glass in some patients,
    /// consolidation with air bronchograms; in every patient the anatomical confounders (partial volume at the heart border
    /// and diaphragm domes, hilar vessels, the apical chest wall); controls that carry several disease confounders at once
    /// (small and perihilar nodules, dependent atelectasis).
    /// </summary>
    Realistic,
}
