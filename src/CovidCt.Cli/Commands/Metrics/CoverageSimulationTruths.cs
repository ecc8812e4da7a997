using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The known truths of the coverage simulations that have no closed form, by the midpoint rule on ±10 standard deviations
/// (20,000 steps: far below the simulations' Monte-Carlo error), and the simulations' normal draws.
/// </summary>
internal static class CoverageSimulationTruths
{
    private const int Steps = 20_000;

    /// <summary>E[expit(μ + u)], u ~ N(0, σ²): the hit rate over lesions when each patient's lesions share u.</summary>
    public static double MeanExpit(double mu, double variance)
    {
        if (variance == 0) return 1 / (1 + Math.Exp(-mu));
        var sd = Math.Sqrt(variance);
        return Integrate(-10, 10, z => Normal.PDF(0, 1, z) / (1 + Math.Exp(-(mu + sd * z))));
    }

    /// <summary>
    /// The population average precision ∫ precision(t) dSe(t) of binormal scores (non-diseased N(0, sd²), diseased
    /// N(<paramref name="separation"/>, sd²)) at this prevalence.
    /// </summary>
    public static double AveragePrecision(double separation, double sd, double prevalence) =>
        Integrate(separation - 10 * sd, separation + 10 * sd, t =>
        {
            // Upper tails by erfc: 1 − Φ would reach 0/0 in the far right tail, where both rates underflow.
            var se = UpperTail((t - separation) / sd);
            var fpr = UpperTail(t / sd);
            return prevalence * se / (prevalence * se + (1 - prevalence) * fpr) * Normal.PDF(separation, sd, t);
        });

    /// <summary>
    /// The partial area under the binormal ROC curve Se = Φ(a + Φ⁻¹(FPR)) over FPR in [0, 1 − <paramref name="minimumSpecificity"/>]:
    /// ∫ Φ(a + z) φ(z) dz up to z = Φ⁻¹(1 − minimum specificity), with a = separation / sd.
    /// </summary>
    public static double BinormalPartialAuc(double a, double minimumSpecificity) =>
        // Φ⁻¹(1) is +∞ for the whole range: ±10 already holds all but 1e-23 of the weight.
        Integrate(-10, Math.Min(10, Normal.InvCDF(0, 1, 1 - minimumSpecificity)), z => Normal.CDF(0, 1, a + z) * Normal.PDF(0, 1, z));

    /// <summary>McClish's standardisation of a partial area over FPR in [0, f]: ½(1 + (area − f²/2) / (f − f²/2)), as <c>PartialAuc</c> computes it.</summary>
    public static double McClish(double area, double minimumSpecificity)
    {
        var f = 1 - minimumSpecificity;
        return 0.5 * (1 + (area - f * f / 2) / (f - f * f / 2));
    }

    /// <summary>
    /// P(X &gt; M) + ½ P(X = M = −∞) for a lesion rating X (−∞ with probability 1 − ν, else N(μ, sd²)) against the highest
    /// of a Poisson(λ) number of N(0, 1) marks M (−∞ with none): P(M &lt; x) = exp(−λ(1 − Φ(x))), so
    /// P(X &gt; M) = ν ∫ φ_{μ,sd}(x) exp(−λ(1 − Φ(x))) dx. The wAFROC's ψ averaged over one (normal case, lesion) pair.
    /// </summary>
    public static double LesionBeatsNormal(double mu, double sd, double hitProbability, double marksPerCase) =>
        hitProbability * Integrate(mu - 10 * sd, mu + 10 * sd, x => Normal.PDF(mu, sd, x) * Math.Exp(-marksPerCase * UpperTail(x)))
        + 0.5 * (1 - hitProbability) * Math.Exp(-marksPerCase);

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // 1 − Φ(z) without cancellation.
    private static double UpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    private static double Integrate(double from, double to, Func<double, double> f)
    {
        var width = (to - from) / Steps;
        double sum = 0;
        for (var k = 0; k < Steps; k++) sum += f(from + (k + 0.5) * width);
        return sum * width;
    }
}
