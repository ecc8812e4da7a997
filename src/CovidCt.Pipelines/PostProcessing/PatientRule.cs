using CovidCt.Data.IO;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Step 8: the quadrant rule over a patient's slices (an aggregate, not a row-to-row step).</summary>
public static class PatientRule
{
    /// <summary>
    /// Applies the rule to slices given in anatomical order (adjacent entries are adjacent slices). <paramref name="options"/> is
    /// trusted: <see cref="PatientRuleOptions.Validate"/> checks it once when the pipeline is built.
    /// </summary>
    /// <exception cref="ArgumentException">When there are no slices.</exception>
    public static PatientDecision Evaluate(IReadOnlyList<SliceDetection> orderedSlices, PatientRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(orderedSlices);
        ArgumentNullException.ThrowIfNull(options);
        if (orderedSlices.Count == 0) throw new ArgumentException("a patient needs at least one slice", nameof(orderedSlices));
        var n = orderedSlices.Count;
        var positive = 0;
        foreach (var slice in orderedSlices) if (slice.IsPositive) positive++;
        if (!options.SameQuadrant)
        {
            var scores = new double[n];
            for (var s = 0; s < n; s++) scores[s] = orderedSlices[s].BoxScore;
            var any = BestRun(scores, options.ConsecutiveSlices, options.MaxGap, new int[n]);
            return new PatientDecision(any.Weakest > 0, any.Weakest, Quadrant.None, any.First, any.Last, positive, n);
        }
        var best = BestQuadrantRun(orderedSlices, options, (slice, q) => slice.QuadrantScores[q]);
        return new PatientDecision(best.Weakest > 0, best.Weakest, best.Quadrant, best.First, best.Last, positive, n)
        {
            Fragility = FragileCalls.Judge(orderedSlices, options, best.Weakest > 0, best.Quadrant, best.First, best.Last),
        };
    }

    /// <summary>
    /// The same-quadrant rule on the per-quadrant slice scores <paramref name="scoreOf"/> gives (slice, quadrant index 0 to 3:
    /// UpperLeft, UpperRight, LowerLeft, LowerRight; 0 where the slice does not qualify): over the four quadrants, the run whose
    /// weakest slice is highest (the first quadrant on ties), or a weakest of 0 and <see cref="Quadrant.None"/>.
    /// </summary>
    internal static (double Weakest, Quadrant Quadrant, int First, int Last) BestQuadrantRun(IReadOnlyList<SliceDetection> orderedSlices, PatientRuleOptions options,
        Func<SliceDetection, int, double> scoreOf)
    {
        var n = orderedSlices.Count;
        var scores = new double[n];
        var members = new int[n];
        var best = (Weakest: 0.0, Quadrant: Quadrant.None, First: -1, Last: -1);
        for (var q = 0; q < 4; q++)
        {
            for (var s = 0; s < n; s++) scores[s] = scoreOf(orderedSlices[s], q);
            var run = BestRun(scores, options.ConsecutiveSlices, options.MaxGap, members);
            if (run.Weakest > best.Weakest) best = (run.Weakest, (Quadrant)(1 << q), run.First, run.Last);
        }
        return best;
    }

    /// <summary>
    /// The run at the heart of the rule, on one channel (a quadrant, or any box): slices with a score above 0 qualify, runs
    /// may be interrupted by at most <paramref name="maxGap"/> slices that do not; over every window of <paramref name="k"/>
    /// qualifying slices of a run, the window whose weakest score is highest (the first such window on ties).
    /// </summary>
    /// <param name="scores">Scores in anatomical order, 0 where the slice does not qualify.</param>
    /// <param name="k">Qualifying slices a window needs.</param>
    /// <param name="maxGap">Non-qualifying slices a run may skip.</param>
    /// <param name="members">Scratch, at least as long as <paramref name="scores"/>.</param>
    /// <returns>The weakest score of the best window (0 when none) and its first and last slice (-1 when none).</returns>
    internal static (double Weakest, int First, int Last) BestRun(ReadOnlySpan<double> scores, int k, int maxGap, Span<int> members)
    {
        var best = (Weakest: 0.0, First: -1, Last: -1);
        var count = 0;
        for (var s = 0; s <= scores.Length; s++)
        {
            var has = s < scores.Length && scores[s] > 0;
            var runEnds = s == scores.Length || (!has && count > 0 && s - members[count - 1] > maxGap);
            if (has) members[count++] = s;
            if (!runEnds) continue;
            // Slide a window of k members over the run: its score is its weakest slice.
            for (var start = 0; start + k <= count; start++)
            {
                var weakest = double.MaxValue;
                for (var j = start; j < start + k; j++) weakest = Math.Min(weakest, scores[members[j]]);
                if (weakest > best.Weakest) best = (weakest, members[start], members[start + k - 1]);
            }
            count = 0;
        }
        return best;
    }

    /// <summary>
    /// Orders a patient's slices by position along the slice normal and applies the rule.
    /// </summary>
    /// <param name="source">The patient's images (file or folder), named in errors.</param>
    /// <param name="patientId">The patient, named in errors.</param>
    /// <param name="positions">Slice positions, mm, one per detection.</param>
    /// <param name="detections">Slice results, in the same order as <paramref name="positions"/>.</param>
    /// <param name="options">The rule's options.</param>
    /// <exception cref="InvalidInputException">When the patient has no slices, two slices share a position, or a position is not finite.</exception>
    public static PatientDecision Evaluate(string source, string patientId, IReadOnlyList<double> positions, IReadOnlyList<SliceDetection> detections, PatientRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(detections);
        if (positions.Count != detections.Count) throw new ArgumentException($"{positions.Count} positions for {detections.Count} slices");
        if (detections.Count == 0) throw new InvalidInputException(source, $"patient '{patientId}' has no slices; expected at least one");
        var order = AnatomicalOrder(source, patientId, positions);
        return Evaluate(order.Select(i => detections[i]).ToArray(), options);
    }

    /// <summary>Slice indices sorted by position along the slice normal (the order the rule reads slices in).</summary>
    /// <exception cref="InvalidInputException">When two slices share a position or a position is not finite.</exception>
    public static int[] AnatomicalOrder(string source, string patientId, IReadOnlyList<double> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var order = new int[positions.Count];
        for (var i = 0; i < order.Length; i++)
        {
            if (!double.IsFinite(positions[i])) throw new InvalidInputException(source, $"patient '{patientId}' slice {i} has position {positions[i]}; expected a finite number of mm");
            order[i] = i;
        }
        Array.Sort(order, (a, b) => positions[a].CompareTo(positions[b]));
        for (var i = 1; i < order.Length; i++)
        {
            if (positions[order[i]] == positions[order[i - 1]])
            {
                throw new InvalidInputException(source, $"patient '{patientId}' has two slices ({order[i - 1]} and {order[i]}) at position {positions[order[i]]} mm; expected one slice per position");
            }
        }
        return order;
    }
}
