namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The study's patient rule: positive when one quadrant has boxes on k consecutive slices.</summary>
public sealed class PatientRuleOptions
{
    /// <summary>The study's k.</summary>
    public const int StudyConsecutiveSlices = 3;

    /// <summary>How many slices in a row must have a box in the same quadrant (default 3).</summary>
    public int ConsecutiveSlices { get; set; } = StudyConsecutiveSlices;

    /// <summary>
    /// How many slices without a box in that quadrant may interrupt a run without ending it (default 0: strictly consecutive,
    /// as the study states). Gap slices do not count towards <see cref="ConsecutiveSlices"/>.
    /// </summary>
    public int MaxGap { get; set; }
}
