using System.Globalization;

namespace CovidCt.Metrics.Tests;

/// <summary>
/// RJafroc's FROC datasets 01 ("TONY") and 05 ("THOMPSON") and RJafroc's stored figures of merit for them, exported by
/// References/jafroc.R from RJafroc 2.1.3 (Chakraborty, Phillips and Zhai; GPL-3; github.com/dpc10ster/RJafroc at 44b0e39)
/// into References/jafroc-dataset01.csv, jafroc-dataset05.csv and jafroc.out.
/// </summary>
internal static class RJafrocDatasets
{
    /// <summary>Per (modality, reader): the cases in file order, each its own cluster as in RJafroc's case jackknife.</summary>
    public static Dictionary<(string Modality, string Reader), List<FreeResponseCase>> Load(string dataset)
    {
        var result = new Dictionary<(string, string), List<FreeResponseCase>>();
        var open = new Dictionary<(string, string, string), (List<FreeResponseLesion> Lesions, List<double> Marks)>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "References", $"jafroc-{dataset}.csv")).Skip(1))
        {
            var f = line.Split(',');
            var key = (f[0], f[1], f[2]);
            if (f[3].Length == 0 && f[5].Length == 0)
            {
                var lesions = new List<FreeResponseLesion>();
                var marks = new List<double>();
                open[key] = (lesions, marks);
                if (!result.TryGetValue((f[0], f[1]), out var cases)) result[(f[0], f[1])] = cases = [];
                cases.Add(new FreeResponseCase(f[2], f[2], lesions, marks));
            }
            else if (f[3].Length == 0)
            {
                open[key].Marks.Add(Number(f[5]));
            }
            else
            {
                open[key].Lesions.Add(new FreeResponseLesion(f[5].Length == 0 ? null : Number(f[5]), Number(f[4])));
            }
        }
        return result;
    }

    /// <summary>The numbers printed under the heading line starting <paramref name="heading"/> in References/jafroc.out, in reading order (R's row and column labels skipped).</summary>
    public static double[] Reference(string heading, int count)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "References", "jafroc.out"));
        var start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && t.Contains('.', StringComparison.Ordinal))
            .Select(Number).Take(count).ToArray();
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
