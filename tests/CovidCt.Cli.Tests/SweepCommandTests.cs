using System.Text.Json;

namespace CovidCt.Cli.Tests;

public sealed class SweepCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestModels _models = new();
    private readonly string _model;
    private readonly string _manifest;

    public SweepCommandTests()
    {
        _model = _models.Lesion(32);
        _manifest = PhantomCohort.Write(_folder.File("cohort")).Path;
    }

    public void Dispose()
    {
        _models.Dispose();
        _folder.Dispose();
    }

    private CliRun Sweep(params string[] more) => CliRun.Of(
        ["sweep", "--model", _model, "--cohort", _manifest, "--cache", _folder.File("cache"), "--out", _folder.File("out"),
         "--threshold", "0.3:0.9:0.2", "--min-pixels", "0,25,40", "--consecutive", "1..3", .. more]);

    [Fact]
    public void A_sweep_writes_every_setting_and_prints_the_fronts_and_the_study_setting()
    {
        var run = Sweep();
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = File.ReadAllLines(_folder.File("out/sweep.csv"));
        Assert.Equal(4 * 3 * 3 * 2 + 1, lines.Length);
        Assert.Contains("Pareto front, per patient", run.Output);
        Assert.Contains("Pareto front, per image", run.Output);
        Assert.Contains("The study's setting (0.50, more than 25 pixels, k 3, same quadrant, centroid): per patient sensitivity 50.00%, specificity 100.00%", run.Output);
        Assert.Contains("3 slices of COVID-19 patients without masks", run.Output);
    }

    [Fact]
    public void The_json_names_the_grid_fronts_and_study_counts_and_a_rerun_reads_the_cache()
    {
        Assert.Equal(0, Sweep("--quiet").ExitCode);
        var run = Sweep("--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(72, root.GetProperty("settings").GetInt32());
        Assert.Equal(3, root.GetProperty("patients").GetInt32());
        Assert.Equal([0.3, 0.5, 0.7, 0.9], root.GetProperty("grid").GetProperty("thresholds").EnumerateArray().Select(e => e.GetDouble()));
        var study = root.GetProperty("study_default");
        Assert.Equal(1, study.GetProperty("patient_counts").GetProperty("tp").GetInt32());
        Assert.Equal(1, study.GetProperty("patient_counts").GetProperty("fn").GetInt32());
        Assert.NotEmpty(root.GetProperty("pareto_patient").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tuning").ValueKind);
        Assert.Equal(3, Directory.GetFiles(_folder.File("cache"), "*.pmap", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Tuning_on_a_split_the_cohort_lacks_is_an_input_error_that_says_how_to_build_it()
    {
        var run = Sweep("--tune-on", "val", "--report-on", "test");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no patients in split 'val' (--tune-on)", run.Error);
        Assert.Contains("covidct cohort build --spec datasets/specs/default.json", run.Error);
    }

    [Fact]
    public void Tuning_on_val_reports_the_chosen_point_once_on_test()
    {
        var manifest = _folder.File("cohort/splits.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,p1-mask.nii.gz,val\nC1,control,c1.nii.gz,,val\nP2,covid,p2.nii.gz,,test\nC2,control,c1.nii.gz,,test\n");
        var run = CliRun.Of("sweep", "--model", _model, "--cohort", manifest, "--cache", _folder.File("cache"), "--out", _folder.File("out"),
            "--threshold", "0.5", "--min-pixels", "25", "--consecutive", "2,3", "--tune-on", "val", "--report-on", "test");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Operating point chosen on val (highest per-patient Youden's J 1.000", run.Output);
        Assert.Contains("threshold 0.50, more than 25 pixels, k 3, same quadrant, centroid", run.Output);
        Assert.Contains("Reported once on test:", run.Output);
        // sweep.csv holds the tuning split's sweep only: 2 k values x 2 quadrant rules.
        Assert.Equal(5, File.ReadAllLines(_folder.File("out/sweep.csv")).Length);
    }

    [Fact]
    public void The_tuned_pipeline_keeps_the_options_the_sweep_does_not_vary()
    {
        var manifest = _folder.File("cohort/splits.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,p1-mask.nii.gz,val\nC1,control,c1.nii.gz,,val\nP2,covid,p2.nii.gz,,test\nC2,control,c1.nii.gz,,test\n");
        var run = CliRun.Of("sweep", "--model", _model, "--cohort", manifest, "--cache", _folder.File("cache"), "--out", _folder.File("out"),
            "--threshold", "0.5", "--min-pixels", "25", "--consecutive", "2,3", "--tune-on", "val", "--report-on", "test", "--image-score", "max_box", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("out/pipeline.json")));
        var boxes = json.RootElement.GetProperty("options").GetProperty("lesion_boxes");
        Assert.Equal("max_box", boxes.GetProperty("image_score").GetString());
        Assert.Equal(25, boxes.GetProperty("min_pixels").GetInt32());
    }

    [Fact]
    public void Tuning_in_json_names_both_splits_and_the_chosen_setting()
    {
        var manifest = _folder.File("cohort/splits.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,p1-mask.nii.gz,val\nC1,control,c1.nii.gz,,val\nP2,covid,p2.nii.gz,,test\nC2,control,c1.nii.gz,,test\n");
        var run = CliRun.Of("sweep", "--model", _model, "--cohort", manifest, "--cache", _folder.File("cache"), "--out", _folder.File("out"),
            "--threshold", "0.5", "--min-pixels", "25", "--consecutive", "2,3", "--tune-on", "val", "--report-on", "test", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var tuning = json.RootElement.GetProperty("tuning");
        Assert.Equal(("val", "test"), (tuning.GetProperty("tuned_on").GetString(), tuning.GetProperty("reported_on").GetString()));
        Assert.Equal(3, tuning.GetProperty("chosen").GetProperty("setting").GetProperty("consecutive_slices").GetInt32());
        Assert.Equal("on", tuning.GetProperty("chosen").GetProperty("setting").GetProperty("quadrant_rule").GetString());
        Assert.Equal("val", json.RootElement.GetProperty("split").GetString());
        Assert.Contains("Sweeping ", run.Error);
    }

    [Theory]
    [InlineData("--threshold", "0.8:0.3:0.1", "--threshold")]
    [InlineData("--threshold", "0.5,1.5", "threshold")]
    [InlineData("--consecutive", "0..2", "consecutive slices")]
    [InlineData("--min-pixels", "ten", "--min-pixels: 'ten' is not an integer")]
    [InlineData("--quadrants", "maybe", "--quadrants: 'maybe' is not allowed")]
    [InlineData("--tune-on", "val", "--tune-on and --report-on go together")]
    public void Bad_sweep_options_are_usage_errors(string option, string value, string message)
    {
        var run = CliRun.Of("sweep", "--model", _model, "--cohort", _manifest, "--cache", _folder.File("cache"), "--out", _folder.File("out"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
