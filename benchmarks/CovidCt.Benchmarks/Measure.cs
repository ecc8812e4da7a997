using System.Diagnostics;

namespace CovidCt.Benchmarks;

/// <summary>Timing by repeats: the machine is shared and noisy, so every figure is the median of several runs, with the range.</summary>
internal static class Measure
{
    public static Timing Repeat(int repeats, Action run)
    {
        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++) seconds[i] = Seconds(run);
        return new Timing(seconds);
    }

    /// <summary>Wall-clock seconds of one run.</summary>
    public static double Seconds(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
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
