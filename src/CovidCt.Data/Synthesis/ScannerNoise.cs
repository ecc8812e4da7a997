using CovidCt.Imaging;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// Spatially correlated CT-like noise for one slice: white noise filtered by a difference of Gaussians,
/// which gives the band-pass noise power spectrum of filtered back-projection (fine grain, no blotches),
/// scaled to a stated standard deviation in HU.
/// </summary>
public sealed class ScannerNoise
{
    private readonly float[] _fine;
    private readonly float[] _coarse;
    private readonly float _scale;
    private const float CoarseWeight = 0.55f;

    /// <summary>Noise of standard deviation <paramref name="sigmaHu"/> whose grain has about <paramref name="grainMm"/> size at <paramref name="pixelSpacingMm"/>.</summary>
    public ScannerNoise(double sigmaHu, double grainMm, double pixelSpacingMm)
    {
        SigmaHu = sigmaHu;
        var fineSigma = 0.5 * grainMm / pixelSpacingMm;
        _fine = SeparableBlur.Kernel(fineSigma);
        _coarse = SeparableBlur.Kernel(Math.Max(1.0, 3 * fineSigma));
        _scale = (float)(sigmaHu / Math.Sqrt(FilteredVariance()));
    }

    /// <summary>Standard deviation of the noise, HU.</summary>
    public double SigmaHu { get; }

    /// <summary>Adds noise from <paramref name="random"/> to the <paramref name="width"/> x <paramref name="height"/> slice <paramref name="slice"/>.</summary>
    public void AddTo(Span<float> slice, int width, int height, SeededRandom random)
    {
        var n = width * height;
        var fine = new float[n];
        // Uniform white noise of unit variance; the filtering makes the sum Gaussian enough (central limit).
        const double root12 = 3.4641016151377544;
        for (var i = 0; i < n; i++) fine[i] = (float)((random.NextDouble() - 0.5) * root12);
        var coarse = (float[])fine.Clone();
        var scratch = new float[n];
        SeparableBlur.Apply(fine, width, height, _fine, scratch);
        SeparableBlur.Apply(coarse, width, height, _coarse, scratch);
        for (var i = 0; i < n; i++) slice[i] += _scale * (fine[i] - CoarseWeight * coarse[i]);
    }

    // Variance of (fine - w * coarse) applied to unit white noise: the sum of squares of the 2D kernel difference.
    private double FilteredVariance()
    {
        var radius = Math.Max(_fine.Length, _coarse.Length) / 2;
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            for (var j = -radius; j <= radius; j++)
            {
                var d = Tap(_fine, i) * Tap(_fine, j) - CoarseWeight * Tap(_coarse, i) * Tap(_coarse, j);
                sum += d * d;
            }
        }
        return sum;
    }

    private static double Tap(float[] kernel, int offset)
    {
        var r = kernel.Length / 2;
        return Math.Abs(offset) > r ? 0 : kernel[offset + r];
    }
}
