namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Judges whether a same-quadrant decision is fragile (<see cref="FragileCall"/>): the rule is run again with every box counted
/// for the quadrants it would reach within the tolerance (can a negative become positive?) or only for those it keeps whatever
/// (can a positive lose every run?). The rule only gains runs as boxes gain quadrants, so the first question is answered exactly:
/// moving each box of the new run into its quadrant is one perturbation. The second is answered for the boxes the runs rest on.
/// </summary>
internal static class FragileCalls
{
    /// <summary>The fragility of a same-quadrant decision (positive or not, and its run), or null when it is firm.</summary>
    public static FragileCall? Judge(IReadOnlyList<SliceDetection> orderedSlices, PatientRuleOptions options, bool positive, Quadrant quadrant, int first, int last)
    {
        if (positive)
        {
            var kept = PatientRule.BestQuadrantRun(orderedSlices, options, HighestBox(box => box.FirmQuadrants));
            return kept.Weakest > 0 ? null : new FragileCall(FragileReason.NearLineHoldsRun, quadrant, first, last);
        }
        var reached = PatientRule.BestQuadrantRun(orderedSlices, options, HighestBox(box => box.NearQuadrants));
        return reached.Weakest > 0 ? new FragileCall(FragileReason.NearLineWouldComplete, reached.Quadrant, reached.First, reached.Last) : null;
    }

    // A slice's score in quadrant q (0 to 3) when each box counts for the quadrants quadrantsOf gives it, as
    // SliceDetection.QuadrantScores counts a box for its own quadrants: the highest box probability there, 0 when none.
    private static Func<SliceDetection, int, double> HighestBox(Func<LesionBox, Quadrant> quadrantsOf) => (slice, q) =>
    {
        var highest = 0.0;
        foreach (var box in slice.Boxes) if ((quadrantsOf(box) & (Quadrant)(1 << q)) != 0) highest = Math.Max(highest, box.MaxProbability);
        return highest;
    };
}
