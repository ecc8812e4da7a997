using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Lesion-level results of <c>covidct evaluate</c> on a patient-level cohort (the phantom cohort: P1 covid with masks, 5
/// slices; P2 covid without masks, 3 slices; C1 control without masks, 4 slices) beside the unchanged per-patient table.
/// </summary>
public sealed class EvaluateLesionLevelTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Lesion_results_go_to_the_console_metrics_json_both_csv_files_and_the_report()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort")).Path;
        var outFolder = Path.Combine(_models.Folder, "out");

        var run = CliRun.Of("evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(_models.Folder, "cache"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Per patient", run.Output, StringComparison.Ordinal);
        Assert.Contains("Lesions found (hit rate)", run.Output, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "metrics.json")));
        var lesions = metrics.RootElement.GetProperty("lesions");
        Assert.Equal("overlap", lesions.GetProperty("hit_criterion").GetString());
        // P1 and C1 (a control without masks is known lesion-free) have a lesion truth; P2's 3 slices do not.
        Assert.Equal((9, 3), (lesions.GetProperty("images").GetInt32(), lesions.GetProperty("images_without_truth").GetInt32()));
        var count = lesions.GetProperty("lesions").GetInt32();
        Assert.True(count > 0, "P1's mask holds lesions");
        Assert.Equal(count + 1, File.ReadAllLines(Path.Combine(outFolder, "lesions.csv")).Length);
        var slices = File.ReadAllLines(Path.Combine(outFolder, "lesion-slices.csv"));
        Assert.Equal("patient,slice_index,lesions,lesions_hit,boxes,false_positive_boxes,truth_px,box_px,overlap_px,dice,iou", slices[0]);
        Assert.Equal(9, slices.Length - 1);
        // C1's false positive slice counts as a false positive box in the lesion table too.
        Assert.True(lesions.GetProperty("false_positives_per_image").GetProperty("numerator").GetDouble() >= 1);
        Assert.Equal(JsonValueKind.Object, metrics.RootElement.GetProperty("per_patient").ValueKind);
        Assert.Contains("Lesion level", File.ReadAllText(Path.Combine(outFolder, "report.html")), StringComparison.Ordinal);
        // The hit rate clustered by patient sits beside the naive one; all lesions are P1's, so it is undefined and says why.
        var clustered = lesions.GetProperty("sensitivity_clustered");
        Assert.Equal((count, 1), ((int)clustered.GetProperty("denominator").GetDouble(), clustered.GetProperty("clusters").GetInt32()));
        Assert.Equal(JsonValueKind.Null, clustered.GetProperty("value").ValueKind);
        Assert.Equal("wilson", clustered.GetProperty("ci_naive").GetProperty("method").GetString());
        Assert.Contains("one cluster only", clustered.GetProperty("undefined").GetString(), StringComparison.Ordinal);
        Assert.Contains("Note: hit rate clustered by patient: undefined (one cluster only", File.ReadAllText(Path.Combine(outFolder, "report.html")), StringComparison.Ordinal);
        Assert.Contains("Note: hit rate clustered by patient: undefined (one cluster only", run.Output, StringComparison.Ordinal);
        // The hit rate's cell reads on one line: the next console line is the next row, not the rest of the cell.
        var lines = run.Output.Split('\n');
        var hitRate = Array.FindIndex(lines, l => l.Contains("Lesions found (hit rate)", StringComparison.Ordinal));
        Assert.StartsWith("│ Hit rate, lesions taken as independent", lines[hitRate + 1], StringComparison.Ordinal);
        // The wAFROC ranks P1's lesions against the lesion-free slices' highest box; its patient jackknife needs lesions
        // outside P1, so the interval is undefined and says why, while the figure itself is defined.
        var weighted = lesions.GetProperty("wafroc");
        Assert.True(weighted.GetProperty("figure_of_merit").GetProperty("value").GetDouble() is >= 0 and <= 1);
        Assert.Equal(2, weighted.GetProperty("patients").GetInt32());
        Assert.Contains("leaving out 'P1' leaves no lesion", weighted.GetProperty("ci_undefined").GetString(), StringComparison.Ordinal);
        Assert.Contains("wAFROC figure of merit (JAFROC)", run.Output, StringComparison.Ordinal);
        Assert.Contains("wAFROC figure of merit (JAFROC)", File.ReadAllText(Path.Combine(outFolder, "report.html")), StringComparison.Ordinal);
    }
}
