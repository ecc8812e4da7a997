namespace CovidCt.Data.Synthesis;

/// <summary>
/// Smooth 3D value noise defined on positions in millimetres: a hashed random value at each lattice point,
/// blended with a quintic fade. Because it depends only on the seed and the position, the same lesion or
/// tissue texture comes out at any image size and in any evaluation order (slices may be filled in parallel).
/// </summary>
public readonly struct LatticeNoise(ulong seed)
{
    /// <summary>The noise at (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>) in lattice units; in [-1, 1], 0 on average.</summary>
    public double At(double x, double y, double z)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var fz = Math.Floor(z);
        var ix = (long)fx;
        var iy = (long)fy;
        var iz = (long)fz;
        var tx = Fade(x - fx);
        var ty = Fade(y - fy);
        var tz = Fade(z - fz);
        var c00 = Lerp(Corner(ix, iy, iz), Corner(ix + 1, iy, iz), tx);
        var c10 = Lerp(Corner(ix, iy + 1, iz), Corner(ix + 1, iy + 1, iz), tx);
        var c01 = Lerp(Corner(ix, iy, iz + 1), Corner(ix + 1, iy, iz + 1), tx);
        var c11 = Lerp(Corner(ix, iy + 1, iz + 1), Corner(ix + 1, iy + 1, iz + 1), tx);
        return Lerp(Lerp(c00, c10, ty), Lerp(c01, c11, ty), tz);
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> octaves, the first with features of about <paramref name="scaleMm"/>; in [-1, 1].</summary>
    public double Fractal(double xMm, double yMm, double zMm, double scaleMm, int octaves)
    {
        double sum = 0, norm = 0, amplitude = 1, frequency = 1 / scaleMm;
        for (var o = 0; o < octaves; o++)
        {
            // Offsetting each octave keeps lattice points of different octaves from lining up.
            sum += amplitude * At(xMm * frequency + o * 17.31, yMm * frequency - o * 5.77, zMm * frequency + o * 11.13);
            norm += amplitude;
            amplitude *= 0.5;
            frequency *= 2.0;
        }
        return sum / norm;
    }

    private double Corner(long x, long y, long z)
    {
        var h = SeededRandom.Mix(seed ^ SeededRandom.Mix((ulong)x * 0x8CB92BA72F3D8DD7UL ^ (ulong)y * 0x9E3779B97F4A7C15UL ^ (ulong)z * 0xC2B2AE3D27D4EB4FUL));
        return (h >> 11) * (2.0 / (1UL << 53)) - 1.0;
    }

    private static double Fade(double t) => t * t * t * (t * (t * 6 - 15) + 10);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
