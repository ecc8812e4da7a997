namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The study's patient rule: positive when one quadrant has boxes on k consecutive slices (or, without quadrants, any box).</summary>
public sealed class PatientRuleOptions
{
    /// <summary>The study's k (<see cref="StudyProtocol.ConsecutiveSlices"/>).</summary>
    public const int StudyConsecutiveSlices = StudyProtocol.ConsecutiveSlices;

    /// <summary>How many slices in a row must have a box in the same quadrant (default 3).</summary>
    public int ConsecutiveSlices { get; set; } = StudyConsecutiveSlices;

    /// <summary>
    /// How many slices without a box in that quadrant may interrupt a run without ending it (default 0: strictly consecutive,
    /// as the study states). Gap slices do not count towards <see cref="ConsecutiveSlices"/>.
    /// </summary>
    public int MaxGap { get; set; }

    /// <summary>
    /// True (default, the study's rule): the k slices must have a box in the same quadrant. False: any box on each of k
    /// consecutive slices is enough, wherever it lies (the rule without quadrants; <see cref="PatientDecision.Quadrant"/> is then None).
    /// </summary>
    public bool SameQuadrant { get; set; } = StudyProtocol.SameQuadrant;

    /// <summary>Checks the options once, when a pipeline is built (the rule trusts them on every patient).</summary>
    /// <exception cref="ArgumentException">When k is below 1 or the gap is negative.</exception>
    public void Validate()
    {
        if (ConsecutiveSlices < 1) throw new ArgumentException($"consecutive slices is {ConsecutiveSlices}; expected at least 1", nameof(ConsecutiveSlices));
        if (MaxGap < 0) throw new ArgumentException($"max gap is {MaxGap}; expected 0 or more", nameof(MaxGap));
    }

    /// <summary>A shallow copy, for changing some options without changing these (<see cref="Sweeps.SweepSetting.ApplyTo"/>): a property added later is copied too.</summary>
    internal PatientRuleOptions Copy() => (PatientRuleOptions)MemberwiseClone();
}
