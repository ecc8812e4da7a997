using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Html;

namespace CovidCt.Reporting.Plots;

/// <summary>
/// The charts a paper needs, one call each, shared by the notebooks, the file-based apps and report.html: every chart has
/// a title, its legend sits below the plot area (never over the data), and proportions are drawn on fixed [0, 1] axes.
/// </summary>
public static class Charts
{
    /// <summary>
    /// ROC curves (1 − specificity against sensitivity) with the chance diagonal; each curve carries a pointwise 95% Wilson
    /// band of its sensitivity, and its AUC with the DeLong interval in its legend entry.
    /// </summary>
    /// <exception cref="ArgumentException">No curve, or a blank name.</exception>
    public static PlotlyFigure Roc(string title, params (string Name, RocCurve Curve)[] curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Length == 0) throw new ArgumentException("a ROC chart needs at least one curve", nameof(curves));
        return new PlotlyFigure(ChartFigures.Rocs(title, curves.Select(c => (Named(c.Name), c.Curve)).ToArray()));
    }

    /// <summary>FROC curves: lesion sensitivity against false positives per image, the usual 1/8–8 rates marked on a log axis.</summary>
    /// <exception cref="ArgumentException">No curve, or a blank name.</exception>
    public static PlotlyFigure Froc(string title, params (string Name, FrocCurve Curve)[] curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Length == 0) throw new ArgumentException("a FROC chart needs at least one curve", nameof(curves));
        return new PlotlyFigure(ChartFigures.Frocs(title, curves.Select(c => (Named(c.Name), c.Curve)).ToArray()));
    }

    /// <summary>
    /// The reliability diagram of <see cref="ReliabilityCurve.Compute"/>: each non-empty bin's mean prediction against its
    /// observed rate with the Wilson interval as error bars, and the diagonal of perfect calibration.
    /// </summary>
    public static PlotlyFigure Calibration(string title, IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        return new PlotlyFigure(ChartFigures.Calibration(title, bins));
    }

    /// <summary>
    /// A heatmap of a proportion over two sweep parameters, its colour scale fixed to [0, 1] so equal colours mean equal
    /// values in every heatmap. <paramref name="values"/>[row][column] sits at (<paramref name="x"/>[column], <paramref name="y"/>[row]);
    /// a null cell (undefined metric) is left empty and its hover text says so.
    /// </summary>
    /// <exception cref="ArgumentException">The rows or columns do not match the axes, or a value lies outside [0, 1].</exception>
    public static PlotlyFigure Heatmap(string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double?>> values,
        string xTitle, string yTitle, string metric)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != y.Count) throw new ArgumentException($"{values.Count} rows of values for {y.Count} y values", nameof(values));
        for (var r = 0; r < values.Count; r++)
        {
            if (values[r].Count != x.Count) throw new ArgumentException($"row {r + 1} has {values[r].Count} values for {x.Count} x values", nameof(values));
            if (values[r].FirstOrDefault(v => v is { } p && !(p >= 0 && p <= 1)) is { } bad) throw new ArgumentException($"row {r + 1} holds {bad}, outside [0, 1]: the heatmap's colour scale is fixed to proportions", nameof(values));
        }
        return new PlotlyFigure(ChartFigures.Heatmap(title, x, y, values, xTitle, yTitle, metric));
    }

    /// <summary>
    /// Every setting of a sweep at one level (specificity across, sensitivity up), its Pareto front, and the marked settings
    /// (for example the study's and the chosen one) drawn as labelled points; a setting with an undefined metric is left out.
    /// </summary>
    public static PlotlyFigure ParetoFront(string title, SweepResult sweep, SweepLevel level, params (string Name, SweepRow? Row)[] marked)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(marked);
        return new PlotlyFigure(ChartFigures.Pareto(title, sweep, level, marked.Select(m => (Named(m.Name), m.Row)).ToArray()));
    }

    /// <summary>Lines of any (x, y) series, for the charts the five above do not cover (for example interval width against n).</summary>
    /// <exception cref="ArgumentException">No series, a blank name, or a series whose x and y differ in length.</exception>
    public static PlotlyFigure Lines(string title, string xTitle, string yTitle, params (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0) throw new ArgumentException("a line chart needs at least one series", nameof(series));
        if (series.FirstOrDefault(s => s.X.Count != s.Y.Count) is { Name: not null } uneven) throw new ArgumentException($"series '{uneven.Name}' has {uneven.X.Count} x and {uneven.Y.Count} y values", nameof(series));
        return new PlotlyFigure(ChartFigures.Lines(title, xTitle, yTitle, series.Select(s => (Named(s.Name), s.X, s.Y)).ToArray()));
    }

    private static string Named(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("every curve needs a name for its legend entry", nameof(name)) : name;
}
