using System.Globalization;

namespace CovidCt.Metrics;

/// <summary>
/// The probabilities of exactly 0 and exactly 1 that <see cref="Calibration"/> meets, counted once, with the two ways it
/// reports them: the reason the fit is undefined, or the caveat when they were read at the edge of their rounding bin.
/// </summary>
internal readonly record struct CalibrationEdges(int Zeros, int Ones)
{
    public int Total => Zeros + Ones;

    public static CalibrationEdges Count(IReadOnlyList<double> probabilities) =>
        new(probabilities.Count(p => p == 0), probabilities.Count(p => p == 1));

    public string WhyUndefined(int cases) => string.Create(CultureInfo.InvariantCulture,
        $"{Counted(cases)}: their logit is infinite, so the logistic fit has no finite solution; probabilities rounded to a grid (an 8-bit probability map stores k/255) can be read at the edge of their rounding bin by giving the grid's step");

    public string Caveat(int cases, double step) => string.Create(CultureInfo.InvariantCulture,
        $"{Counted(cases)}; the intercept and slope read them as {Step(step / 2)} and 1 − {Step(step / 2)}, the edges of their rounding bins at step {Step(step)} (the least extreme probabilities they can stand for); the Brier score uses them as given")
        + (Total * 10 > cases ? "; with more than a tenth of the cases at an edge, the intercept and slope depend on that reading as much as on the model" : "");

    private string Counted(int cases) => string.Create(CultureInfo.InvariantCulture,
        $"{Total} of {cases} probabilities are exactly 0 or 1 ({Zeros} at 0, {Ones} at 1)");

    // 1/255 reads better than 0.00392156862745098: a step that is the reciprocal of a whole number is written as one.
    private static string Step(double step)
    {
        var reciprocal = Math.Round(1 / step);
        return Math.Abs(1 / reciprocal - step) <= 1e-12 * step
            ? string.Create(CultureInfo.InvariantCulture, $"1/{reciprocal:0}")
            : step.ToString("G6", CultureInfo.InvariantCulture);
    }
}
