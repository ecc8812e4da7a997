namespace CovidCt.Pipelines.Evaluation;

/// <summary>When a red box counts as finding a true lesion (a connected component of the truth mask on that slice).</summary>
public enum LesionHitCriterion
{
    /// <summary>The default: the box overlaps at least one pixel of the lesion (a pixel covers its unit square; touching edges do not count).</summary>
    Overlap,

    /// <summary>The box's centre lies on a pixel of the lesion (stricter: a box that only grazes the lesion does not find it).</summary>
    Centre,
}
