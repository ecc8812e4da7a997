using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>
/// The settings a sweep evaluates: every combination of thresholds x minimum pixels x k x quadrant rule x assignment.
/// Values are kept sorted ascending (the quadrant rule and assignments in the order given) and must be distinct.
/// </summary>
public sealed class SweepGrid
{
    /// <summary>Creates the grid; <paramref name="sameQuadrant"/> defaults to on and off, <paramref name="assignments"/> to the centroid.</summary>
    /// <exception cref="ArgumentException">When an axis is empty or repeats a value, a threshold is outside (0, 1] (or two collide as 32-bit floats), a minimum is negative or a k below 1.</exception>
    public SweepGrid(IEnumerable<double> thresholds, IEnumerable<int> minPixels, IEnumerable<int> consecutiveSlices,
        IEnumerable<bool>? sameQuadrant = null, IEnumerable<QuadrantAssignment>? assignments = null)
    {
        Thresholds = Axis(thresholds, "thresholds", t => t > 0 && t <= 1, "in (0, 1]", sort: true);
        if (Thresholds.Select(t => (float)t).Distinct().Count() != Thresholds.Count) throw new ArgumentException("two thresholds are equal as 32-bit floats", nameof(thresholds));
        MinPixels = Axis(minPixels, "minimum pixels", m => m >= 0, "0 or more", sort: true);
        ConsecutiveSlices = Axis(consecutiveSlices, "consecutive slices", k => k >= 1, "at least 1", sort: true);
        SameQuadrant = Axis(sameQuadrant ?? [true, false], "quadrant rule", _ => true, "", sort: false);
        Assignments = Axis(assignments ?? [QuadrantAssignment.Centroid], "assignments", Enum.IsDefined, "a defined assignment", sort: false);
        var settings = new List<SweepSetting>(Count);
        foreach (var t in Thresholds)
            foreach (var m in MinPixels)
                foreach (var k in ConsecutiveSlices)
                    foreach (var same in SameQuadrant)
                        foreach (var a in Assignments)
                            settings.Add(new SweepSetting(t, m, k, same, a));
        Settings = settings;
    }

    /// <summary>Thresholds, ascending.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Minimum pixels (a component needs more), ascending.</summary>
    public IReadOnlyList<int> MinPixels { get; }

    /// <summary>The patient rule's k values, ascending.</summary>
    public IReadOnlyList<int> ConsecutiveSlices { get; }

    /// <summary>Quadrant rule values: true = same quadrant (the study's), false = any box.</summary>
    public IReadOnlyList<bool> SameQuadrant { get; }

    /// <summary>Quadrant assignments.</summary>
    public IReadOnlyList<QuadrantAssignment> Assignments { get; }

    /// <summary>How many settings.</summary>
    public int Count => Thresholds.Count * MinPixels.Count * ConsecutiveSlices.Count * SameQuadrant.Count * Assignments.Count;

    /// <summary>Every setting, threshold varying slowest, then minimum pixels, k, quadrant rule, assignment.</summary>
    public IReadOnlyList<SweepSetting> Settings { get; }

    /// <summary>
    /// The sweep of issue 7: thresholds 0.30 to 0.80 by 0.05, minimum pixels 0, 10, 25, 50, 100, 200, k 1 to 5, quadrant rule
    /// on and off, assignment by centroid: 11 x 6 x 5 x 2 = 660 settings, the study's among them.
    /// </summary>
    /// <remarks>
    /// Minimum pixels are slice pixels (components are counted on the slice, docs/pipeline.md step 3): the study's 25 bracketed
    /// by doubling steps up to 200, which covers what issue 7's 0, 10, 25, 50 meant when they were counted on the 128 x 128 map
    /// of a 256 x 256 slice (0, 40, 100 and 200 slice pixels).
    /// </remarks>
    public static SweepGrid Default { get; } = new(Range(0.30, 0.80, 0.05), [0, 10, 25, 50, 100, 200], [1, 2, 3, 4, 5]);

    /// <summary>Evenly spaced values from <paramref name="from"/> to <paramref name="to"/> (included when on the grid, within 1e-9), rounded to 10 decimals so 0.1 steps read as 0.3, 0.35, ...</summary>
    /// <exception cref="ArgumentException">When the step is not positive or <paramref name="to"/> is below <paramref name="from"/>.</exception>
    public static IReadOnlyList<double> Range(double from, double to, double step)
    {
        if (!(step > 0) || !(to >= from) || !double.IsFinite(from) || !double.IsFinite(to)) throw new ArgumentException($"range {from}:{to}:{step} needs a positive step and an end not below the start");
        var count = (int)Math.Floor((to - from) / step + 1e-9) + 1;
        return Enumerable.Range(0, count).Select(i => Math.Round(from + i * step, 10)).ToArray();
    }

    private static T[] Axis<T>(IEnumerable<T> values, string name, Func<T, bool> valid, string expected, bool sort)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        if (array.Length == 0) throw new ArgumentException($"the sweep needs at least one value of {name}");
        foreach (var v in array) if (!valid(v)) throw new ArgumentException($"{name}: {v} is not allowed; expected {expected}");
        if (array.Distinct().Count() != array.Length) throw new ArgumentException($"{name}: a value is repeated");
        if (sort) Array.Sort(array);
        return array;
    }
}
