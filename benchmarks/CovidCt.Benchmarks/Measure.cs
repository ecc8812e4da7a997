using System.Diagnostics;

namespace CovidCt.Benchmarks;

/// <summary>Timing by repeats: the machine is shared and noisy, so every figure is the median of several runs, with the range.</summary>
internal static class Measure
{
    public static Timing Repeat(int repeats, Action run)
    {
        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        return new Timing(seconds);
    }
}

/// <summary>Seconds of each repeat.</summary>
internal sealed record Timing(double[] Seconds)
{
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public override string ToString() => $"median {Median * 1000:0.###} ms (min {Seconds.Min() * 1000:0.###}, max {Seconds.Max() * 1000:0.###}, n {Seconds.Length})";
}
