using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Interactive.Charts;

/// <summary>
/// One metric of a sweep over two of its parameters, as a heatmap's axes and cells; the other parameters are held fixed
/// by a filter.
/// </summary>
/// <param name="X">The distinct x values, ascending.</param>
/// <param name="Y">The distinct y values, ascending.</param>
/// <param name="Values">
/// <c>Values[row][column]</c> is the metric at (<paramref name="X"/>[column], <paramref name="Y"/>[row]); null where the
/// metric is undefined (a zero denominator) or the grid has no such setting, so a chart leaves the cell empty rather than 0.
/// </param>
public sealed record SweepHeatmap(IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<IReadOnlyList<double?>> Values)
{
    /// <summary>
    /// The <paramref name="metric"/> of the rows that pass <paramref name="where"/>, placed at (<paramref name="x"/>, <paramref name="y"/>)
    /// of their setting.
    /// </summary>
    /// <exception cref="ArgumentException">No row passes the filter, or two rows fall on one cell (the filter leaves a third parameter free).</exception>
    public static SweepHeatmap Of(IEnumerable<SweepRow> rows, Func<SweepRow, Estimate> metric, Func<SweepSetting, double> x, Func<SweepSetting, double> y,
        Func<SweepSetting, bool> where)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chosen = rows.Where(r => where(r.Setting)).ToArray();
        if (chosen.Length == 0) throw new ArgumentException("no setting of the sweep passes the filter", nameof(where));
        var xs = chosen.Select(r => x(r.Setting)).Distinct().Order().ToArray();
        var ys = chosen.Select(r => y(r.Setting)).Distinct().Order().ToArray();
        var values = ys.Select(_ => new double?[xs.Length]).ToArray();
        var filled = ys.Select(_ => new bool[xs.Length]).ToArray();
        foreach (var row in chosen)
        {
            var (column, line) = (Array.IndexOf(xs, x(row.Setting)), Array.IndexOf(ys, y(row.Setting)));
            if (filled[line][column])
            {
                throw new ArgumentException($"two settings fall on x {xs[column]}, y {ys[line]}: the filter must fix every other parameter of the sweep", nameof(where));
            }
            filled[line][column] = true;
            values[line][column] = metric(row).Value;
        }
        return new SweepHeatmap(xs, ys, values);
    }
}
