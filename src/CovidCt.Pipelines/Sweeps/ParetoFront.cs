namespace CovidCt.Pipelines.Sweeps;

/// <summary>A point of a Pareto front: a sensitivity and specificity no other setting beats on both.</summary>
/// <param name="Sensitivity">Sensitivity of the point.</param>
/// <param name="Specificity">Specificity of the point.</param>
/// <param name="Representative">Of the settings that reach this point, the one closest to the study's (<see cref="SweepSetting.DistanceFromStudy"/>).</param>
/// <param name="Settings">Every setting that reaches this point, in grid order.</param>
public sealed record ParetoPoint(double Sensitivity, double Specificity, SweepRow Representative, IReadOnlyList<SweepSetting> Settings);

/// <summary>Pareto fronts of sensitivity against specificity over a sweep's rows.</summary>
public static class ParetoFront
{
    /// <summary>
    /// The points of <paramref name="rows"/> at <paramref name="level"/> that no other row dominates (at least as sensitive
    /// and as specific, and better in one), by sensitivity descending. Rows whose sensitivity or specificity is undefined
    /// (no positives or no negatives at that level) take no part, so the front is empty when every row is undefined.
    /// Settings that give the same point are grouped.
    /// </summary>
    public static IReadOnlyList<ParetoPoint> Of(IEnumerable<SweepRow> rows, SweepLevel level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows
            .Where(r => r.At(level).Sensitivity.IsDefined && r.At(level).Specificity.IsDefined)
            .GroupBy(r => (Sensitivity: r.At(level).Sensitivity.Value!.Value, Specificity: r.At(level).Specificity.Value!.Value))
            .OrderByDescending(g => g.Key.Sensitivity).ThenByDescending(g => g.Key.Specificity);
        var front = new List<ParetoPoint>();
        var bestSpecificity = double.NegativeInfinity;
        foreach (var point in points)
        {
            if (!(point.Key.Specificity > bestSpecificity)) continue;
            bestSpecificity = point.Key.Specificity;
            var representative = point.OrderBy(r => r.Setting.DistanceFromStudy()).First();
            front.Add(new ParetoPoint(point.Key.Sensitivity, point.Key.Specificity, representative, point.Select(r => r.Setting).ToArray()));
        }
        return front;
    }
}
