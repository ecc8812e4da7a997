using MathNet.Numerics.Distributions;

namespace CovidCt.Metrics;

/// <summary>
/// Calibration of predicted probabilities against binary outcomes: the Brier score, the calibration intercept
/// ("calibration-in-the-large": logistic regression of the outcome with logit p as offset) and the calibration slope
/// (logistic regression of the outcome on logit p), as Steyerberg (Clinical Prediction Models, 2nd ed., ch. 15) defines
/// them; a well-calibrated model has intercept 0 and slope 1. Fitted by Newton–Raphson, as R's glm does. A probability of
/// exactly 0 or 1 has no logit: the fit is then undefined with the count, or, for probabilities rounded to a known grid,
/// reads each as the edge of its rounding bin and says so (see <see cref="Compute"/>).
/// </summary>
public static class Calibration
{
    /// <summary>
    /// The Brier score, intercept and slope of <paramref name="probabilities"/> against <paramref name="outcomes"/>.
    /// </summary>
    /// <param name="probabilities">Predicted probabilities in [0, 1].</param>
    /// <param name="outcomes">The outcome of each case.</param>
    /// <param name="level">Confidence level of the Wald intervals.</param>
    /// <param name="quantisationStep">
    /// The grid the probabilities were rounded to, or null when they were not (the probability-map cache stores k/255, and
    /// uncached runs are rounded the same way, so a map's pixel reads exactly 0 or 1 whenever the model's output was within
    /// half a step of it). An exact 0 or 1 has an infinite logit, so the intercept and slope are undefined with the count
    /// of such cases, unless this step is given: then each is taken as the edge of its rounding bin, step/2 or
    /// 1 − step/2 (the least extreme probability it can stand for), for the intercept and slope only, and
    /// <see cref="CalibrationResult.Caveat"/> says how many were. The Brier score uses the probabilities as given.
    /// </param>
    /// <exception cref="ArgumentException">Lengths differ, there are no cases, or a probability is not in [0, 1]; the message names the case.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1), or the step is not in (0, 0.5].</exception>
    public static CalibrationResult Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, double level = 0.95, double? quantisationStep = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        ProportionIntervals.CheckLevel(level);
        if (quantisationStep is { } step && !(step > 0 && step <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(quantisationStep), $"the quantisation step must lie in (0, 0.5], got {step}");
        }
        if (probabilities.Count != outcomes.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {outcomes.Count} outcomes", nameof(outcomes));
        if (probabilities.Count == 0) throw new ArgumentException("no cases to calibrate", nameof(probabilities));
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException($"case {i + 1}: probability {probabilities[i]} is not in [0, 1]", nameof(probabilities));
            }
        }
        var brier = probabilities.Select((p, i) => (p - (outcomes[i] ? 1 : 0)) * (p - (outcomes[i] ? 1 : 0))).Average();
        var events = outcomes.Count(o => o);
        var prevalence = (double)events / outcomes.Count;
        var edges = CalibrationEdges.Count(probabilities);
        CalibrationResult Undefined(string reason) => new(outcomes.Count, brier, prevalence * (1 - prevalence),
            Estimate.Undefined(double.NaN, double.NaN, reason), Estimate.Undefined(double.NaN, double.NaN, reason), edges.Total, quantisationStep, null);
        if (events == 0 || events == outcomes.Count)
        {
            return Undefined($"all {outcomes.Count} outcomes are {(events == 0 ? "0" : "1")}: the logistic fit has no finite solution");
        }
        if (edges.Total > 0 && quantisationStep is null) return Undefined(edges.WhyUndefined(outcomes.Count));
        var half = (quantisationStep ?? 0) / 2;
        // Only the exact 0s and 1s move; every other probability, however extreme, keeps its own logit.
        var logits = probabilities.Select(p => Logit(p == 0 ? half : p == 1 ? 1 - half : p)).ToArray();
        var y = outcomes.Select(o => o ? 1.0 : 0.0).ToArray();
        var z = ProportionIntervals.TwoSidedZ(level);
        var (intercept, interceptSe) = FitIntercept(logits, y);
        var (slope, slopeSe) = FitSlope(logits, y);
        return new CalibrationResult(outcomes.Count, brier, prevalence * (1 - prevalence),
            Estimate.Defined(intercept, 1, intercept, new ConfidenceInterval(intercept - z * interceptSe, intercept + z * interceptSe, level, "wald")),
            Estimate.Defined(slope, 1, slope, new ConfidenceInterval(slope - z * slopeSe, slope + z * slopeSe, level, "wald")),
            edges.Total, quantisationStep, edges.Total > 0 ? edges.Caveat(outcomes.Count, quantisationStep!.Value) : null);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    // logit P(y) = a + offset: Newton on one parameter.
    private static (double Value, double StandardError) FitIntercept(double[] offset, double[] y)
    {
        double a = 0, information = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double score = 0;
            information = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var mu = Logistic(a + offset[i]);
                score += y[i] - mu;
                information += mu * (1 - mu);
            }
            var step = score / information;
            // Stop before stepping, so that the information (hence the standard error) is that of the final estimate.
            if (Math.Abs(step) < 1e-13 * (1 + Math.Abs(a))) break;
            a += step;
        }
        return (a, 1 / Math.Sqrt(information));
    }

    // logit P(y) = a + b·x: Newton on two parameters with the 2×2 information matrix inverted in closed form.
    private static (double Value, double StandardError) FitSlope(double[] x, double[] y)
    {
        double a = 0, b = 0, iaa = 0, iab = 0, ibb = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double sa = 0, sb = 0;
            iaa = iab = ibb = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var mu = Logistic(a + b * x[i]);
                var w = mu * (1 - mu);
                sa += y[i] - mu;
                sb += (y[i] - mu) * x[i];
                iaa += w;
                iab += w * x[i];
                ibb += w * x[i] * x[i];
            }
            var determinant = iaa * ibb - iab * iab;
            var stepA = (ibb * sa - iab * sb) / determinant;
            var stepB = (iaa * sb - iab * sa) / determinant;
            if (Math.Abs(stepA) < 1e-13 * (1 + Math.Abs(a)) && Math.Abs(stepB) < 1e-13 * (1 + Math.Abs(b))) break;
            a += stepA;
            b += stepB;
        }
        return (b, Math.Sqrt(iaa / (iaa * ibb - iab * iab)));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
