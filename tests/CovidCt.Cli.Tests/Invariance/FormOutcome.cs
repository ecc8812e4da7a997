using System.Globalization;
using System.Text.Json;

namespace CovidCt.Cli.Tests.Invariance;

/// <summary>What <c>covidct evaluate</c> decided on one form, read from the files it wrote.</summary>
/// <param name="Patients">Per-patient decision (patients.csv).</param>
/// <param name="Fragile">Per patient, whether the product flags its call as fragile (patients.csv <c>fragile</c>).</param>
/// <param name="Slices">Per-slice decision, by patient and 0-based slice index (slices.csv).</param>
/// <param name="Tp">Per-image true positives (metrics.json).</param>
/// <param name="Fn">Per-image false negatives.</param>
/// <param name="Tn">Per-image true negatives.</param>
/// <param name="Fp">Per-image false positives.</param>
/// <param name="Warnings">What the run printed besides the files (with --quiet: only warnings), for the failure message.</param>
/// <param name="Scores">Per-slice image score and boxes (slices.csv), to show how far a changed decision was from the rule.</param>
public sealed record FormOutcome(IReadOnlyDictionary<string, bool> Patients, IReadOnlyDictionary<string, bool> Fragile, IReadOnlyDictionary<(string Patient, int Slice), bool> Slices, int Tp, int Fn, int Tn, int Fp, string Warnings,
    IReadOnlyDictionary<(string Patient, int Slice), SliceScore> Scores)
{
    public double Sensitivity => (double)Tp / (Tp + Fn);

    public double Specificity => (double)Tn / (Tn + Fp);

    /// <summary>Reads the outcome from an evaluate output folder.</summary>
    public static FormOutcome Read(string outFolder, string warnings)
    {
        var patientRows = Rows(Path.Combine(outFolder, "patients.csv"), "patient", "decision", "fragile").ToList();
        var patients = patientRows.ToDictionary(r => r[0], r => r[1] == "1");
        var fragile = patientRows.ToDictionary(r => r[0], r => r[2] == "1");
        var rows = Rows(Path.Combine(outFolder, "slices.csv"), "patient", "slice_index", "decision", "score", "box_list", "quadrants")
            .ToDictionary(r => (r[0], int.Parse(r[1], CultureInfo.InvariantCulture)));
        var slices = rows.ToDictionary(r => r.Key, r => r.Value[2] == "1");
        var scores = rows.ToDictionary(r => r.Key, r => new SliceScore(double.Parse(r.Value[3], CultureInfo.InvariantCulture), r.Value[4], r.Value[5]));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "metrics.json")));
        var counts = metrics.RootElement.GetProperty("per_image").GetProperty("counts");
        int Count(string name) => counts.GetProperty(name).GetInt32();
        return new FormOutcome(patients, fragile, slices, Count("tp"), Count("fn"), Count("tn"), Count("fp"), warnings, scores);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"patients {Patients.Count(p => p.Value)} of {Patients.Count} positive ({string.Join(", ", Patients.Where(p => p.Value).Select(p => p.Key).Order(StringComparer.Ordinal))}), fragile calls: {(Fragile.Any(f => f.Value) ? string.Join(", ", Fragile.Where(f => f.Value).Select(f => f.Key).Order(StringComparer.Ordinal)) : "none")}; images TP {Tp} FN {Fn} TN {Tn} FP {Fp}, sensitivity {100 * Sensitivity:0.00}%, specificity {100 * Specificity:0.00}%");

    // The columns asked for, by header name, of every row. Only patients.csv's last column, fragile_reason, holds words, and
    // none of the columns read here follows it, so splitting at commas reads them right.
    private static IEnumerable<string[]> Rows(string csv, params string[] columns)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        var index = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        Assert.True(index.All(i => i >= 0), $"{csv} lacks one of {string.Join(",", columns)}; its header is {lines[0]}");
        return lines.Skip(1).Select(line => line.Split(',')).Select(cells => index.Select(i => cells[i]).ToArray());
    }
}
