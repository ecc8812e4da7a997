using System.Globalization;

namespace CovidCt.Metrics.Tests;

/// <summary>
/// The Van Dyke et al. (1993) reader study (cine MRI against spin-echo MRI for aortic dissection: 5 readers, 2 modalities,
/// 114 cases of which 45 diseased, ratings 1–5), as distributed with RJafroc (VD.lrc) and MRMCaov, in References/vandyke.csv.
/// </summary>
internal static class VanDyke
{
    public static (string[] Modalities, string[] Readers, IReadOnlyList<double>[,] Scores, bool[] Truth) Load()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "References", "vandyke.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Reader: f[0], Case: int.Parse(f[1], CultureInfo.InvariantCulture), Modality: f[2], Truth: f[3] == "1", Score: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
        string[] modalities = ["1", "2"];
        string[] readers = ["1", "2", "3", "4", "5"];
        var cases = rows.Select(r => r.Case).Distinct().Order().ToArray();
        var truth = cases.Select(c => rows.First(r => r.Case == c).Truth).ToArray();
        var scores = new IReadOnlyList<double>[2, 5];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var byCase = rows.Where(r => r.Modality == modalities[i] && r.Reader == readers[j]).ToDictionary(r => r.Case, r => r.Score);
                scores[i, j] = cases.Select(c => byCase[c]).ToArray();
            }
        }
        return (modalities, readers, scores, truth);
    }
}
