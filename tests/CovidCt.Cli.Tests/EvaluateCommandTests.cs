using System.Text.Json;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct evaluate</c> on the phantom cohort (P1 covid positive, P2 covid without masks missed, C1 control with one
/// lesion-like slice) with a tiny lesion model whose results are known exactly.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly PhantomCohortRun _phantom = new();

    public void Dispose() => _phantom.Dispose();

    [Fact]
    public void Writes_metrics_tables_figures_and_report_with_the_known_counts()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.True(run.ExitCode == 0, run.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_phantom.Out, "metrics.json")));
        var root = metrics.RootElement;
        var patient = root.GetProperty("per_patient").GetProperty("counts");
        Assert.Equal((1, 0, 1, 1), (patient.GetProperty("tp").GetInt32(), patient.GetProperty("fp").GetInt32(), patient.GetProperty("tn").GetInt32(), patient.GetProperty("fn").GetInt32()));
        var image = root.GetProperty("per_image");
        Assert.Equal(3, image.GetProperty("counts").GetProperty("tp").GetInt32());
        Assert.Equal(1, image.GetProperty("counts").GetProperty("fp").GetInt32());
        Assert.Equal(3, image.GetProperty("images_without_truth").GetInt32());
        Assert.Equal(0.5, root.GetProperty("per_patient").GetProperty("metrics").GetProperty("sensitivity").GetProperty("value").GetDouble());
        Assert.Equal(94.34, root.GetProperty("published").GetProperty("per_image").GetProperty("sensitivity").GetDouble());

        var slices = File.ReadAllLines(Path.Combine(_phantom.Out, "slices.csv"));
        Assert.Equal("patient,slice_index,position_mm,truth,decision,score,boxes,quadrants,box_list,removed_lesion_px", slices[0]);
        Assert.Equal(5 + 3 + 4, slices.Length - 1);
        Assert.Contains(slices, l => l.StartsWith("P2,0,", StringComparison.Ordinal) && l.Split(',')[3] == "");
        // The valid area's removed lesion area: per slice in slices.csv, in total in metrics.json.
        var removed = root.GetProperty("valid_area_removed");
        var perSlice = slices.Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(perSlice.Sum(), removed.GetProperty("removed_pixels").GetDouble(), 0.5);
        Assert.Equal(perSlice.Count(v => v > 0), removed.GetProperty("slices_with_removed_area").GetInt32());
        var patients = File.ReadAllLines(Path.Combine(_phantom.Out, "patients.csv"));
        Assert.Equal(["P1,covid,1,1", "P2,covid,0,0", "C1,control,0,1"], patients.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))));

        // The only wrong slice with a known truth is C1's false positive on slice index 0: slice number 1 in the file name.
        Assert.Equal(["C1-slice001-fp.png"], Directory.GetFiles(Path.Combine(_phantom.Out, "figures")).Select(Path.GetFileName));
        var html = File.ReadAllText(Path.Combine(_phantom.Out, "report.html"));
        Assert.DoesNotContain("<script src", html);
        Assert.Contains("Plotly", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("Per patient", run.Output);
        Assert.Contains("50.00%", run.Output);
        Assert.Contains("Chen et al. 2020", run.Output);
    }

    [Fact]
    public void A_cohort_from_the_cohort_builder_evaluates_with_every_slice_accounted_for()
    {
        var spec = Path.Combine(_phantom.Models.Folder, "spec.json");
        File.WriteAllText(spec, """{ "name": "tiny", "seed": 7, "width": 64, "height": 64, "slices": { "min": 6, "max": 6 }, "sliceThicknessMm": { "min": 5, "max": 5 }, "procedural": { "covid": 1, "control": 1 }, "split": { "val": 0, "test": 1 } }""");
        var cohort = Path.Combine(_phantom.Models.Folder, "built");
        Assert.Equal(0, CliRun.Of("cohort", "build", "--spec", spec, "--out", cohort, "--no-sheets").ExitCode);
        var run = CliRun.Of("evaluate", "--model", _phantom.Models.Lesion(32), "--cohort", Path.Combine(cohort, "manifest.csv"), "--out", _phantom.Out, "--cache", _phantom.Cache, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        // Both patients have a known truth on every slice (the covid one through its mask), so all 12 slices are in the per-image table.
        Assert.Equal(12, json.RootElement.GetProperty("per_image").GetProperty("images").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("per_image").GetProperty("images_without_truth").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("per_patient").GetProperty("patients").GetInt32());
        var truth = File.ReadAllLines(Path.Combine(_phantom.Out, "slices.csv")).Skip(1).Select(l => l.Split(',')[3]).ToArray();
        Assert.Equal(12, truth.Length);
        Assert.Contains("1", truth);
        Assert.DoesNotContain("", truth);
    }

    [Fact]
    public void A_rerun_reuses_the_probability_cache_and_gives_the_same_metrics()
    {
        var model = _phantom.Models.Lesion(32);
        var cold = _phantom.Evaluate(model);
        var first = File.ReadAllText(Path.Combine(_phantom.Out, "slices.csv"));
        var warm = _phantom.Evaluate(model);
        Assert.True(warm.ExitCode == 0, warm.Error);
        Assert.Contains("0 of 3 patients' probability maps reused", cold.Output);
        Assert.Contains("3 of 3 patients' probability maps reused", warm.Output);
        Assert.Equal(first, File.ReadAllText(Path.Combine(_phantom.Out, "slices.csv")));
    }

    [Fact]
    public void Json_prints_the_metrics_document_and_nothing_else()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(3, json.RootElement.GetProperty("schema_version").GetInt32());
        // Progress goes to the error writer of this invocation, one line per patient (it is no terminal), never to the process's stderr.
        Assert.Contains("Running ", run.Error);
        Assert.Contains("  C1 ", run.Error);
        Assert.Equal(OutputJson.SchemaVersion, json.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal(json.RootElement.GetProperty("model").GetProperty("sha256").GetString(), json.RootElement.GetProperty("pipeline").GetProperty("model_sha256").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("cohort").GetProperty("patients").GetInt32());
        Assert.Equal("wilson", json.RootElement.GetProperty("ci_method").GetString());
    }

    [Fact]
    public void Quiet_prints_nothing_but_still_writes_the_files()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Output);
        Assert.True(File.Exists(Path.Combine(_phantom.Out, "report.html")));
    }

    [Fact]
    public void A_missing_model_exits_2_naming_the_file()
    {
        var missing = Path.Combine(_phantom.Models.Folder, "nope.onnx");
        var run = _phantom.Evaluate(missing);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains(missing, run.Error);
        Assert.False(File.Exists(Path.Combine(_phantom.Out, "report.html")));
    }

    [Fact]
    public void A_split_without_patients_exits_2_and_names_the_choices()
    {
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32), "--split", "val");
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("no patients in split 'val'", run.Error);
    }

    [Fact]
    public void A_broken_manifest_exits_2_naming_file_and_line()
    {
        File.AppendAllText(_phantom.Manifest, "P9,maybe,p1.nii.gz,,test\n");
        var run = _phantom.Evaluate(_phantom.Models.Lesion(32));
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains(_phantom.Manifest, run.Error);
        Assert.Contains("line 5, field 'label': 'maybe' is not a label", run.Error);
    }
}
