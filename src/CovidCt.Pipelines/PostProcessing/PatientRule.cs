using CovidCt.Data.IO;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>Step 8: the quadrant rule over a patient's slices (an aggregate, not a row-to-row step).</summary>
public static class PatientRule
{
    /// <summary>Applies the rule to slices given in anatomical order (adjacent entries are adjacent slices).</summary>
    /// <exception cref="ArgumentException">When there are no slices or the options are out of range.</exception>
    public static PatientDecision Evaluate(IReadOnlyList<SliceDetection> orderedSlices, PatientRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(orderedSlices);
        ArgumentNullException.ThrowIfNull(options);
        if (orderedSlices.Count == 0) throw new ArgumentException("a patient needs at least one slice", nameof(orderedSlices));
        if (options.ConsecutiveSlices < 1) throw new ArgumentException($"consecutive slices is {options.ConsecutiveSlices}; expected at least 1", nameof(options));
        if (options.MaxGap < 0) throw new ArgumentException($"max gap is {options.MaxGap}; expected 0 or more", nameof(options));
        var k = options.ConsecutiveSlices;
        double best = 0;
        var (bestQuadrant, first, last) = (Quadrant.None, -1, -1);
        var positive = 0;
        foreach (var slice in orderedSlices) if (slice.IsPositive) positive++;
        var members = new List<int>();
        for (var q = 0; q < 4; q++)
        {
            members.Clear();
            for (var s = 0; s <= orderedSlices.Count; s++)
            {
                var has = s < orderedSlices.Count && orderedSlices[s].QuadrantScores[q] > 0;
                var runEnds = s == orderedSlices.Count || (!has && members.Count > 0 && s - members[^1] > options.MaxGap);
                if (has) members.Add(s);
                if (!runEnds) continue;
                // Slide a window of k members over the run: its score is its weakest slice.
                for (var start = 0; start + k <= members.Count; start++)
                {
                    var weakest = double.MaxValue;
                    for (var j = start; j < start + k; j++) weakest = Math.Min(weakest, orderedSlices[members[j]].QuadrantScores[q]);
                    if (weakest > best)
                    {
                        best = weakest;
                        (bestQuadrant, first, last) = ((Quadrant)(1 << q), members[start], members[start + k - 1]);
                    }
                }
                members.Clear();
            }
        }
        return new PatientDecision(best > 0, best, bestQuadrant, first, last, positive, orderedSlices.Count);
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
        return Evaluate(order.Select(i => detections[i]).ToArray(), options);
    }
}
