using System.Text.Json;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>covidct compare --tune-on val --report-on test</c> on the phantom patients, split so that the two models choose different
/// operating points: on val, P2 (lesions on two consecutive slices) and C1 (one false-positive slice). The lesion model separates
/// them only at k 2 (k 1 calls C1 positive, k 3 misses P2); the silent model calls nobody positive at any k, so every setting ties
/// and the rule takes the one closest to the study's, k 3. On test, P1 (three consecutive lesion slices) and C2 (C1's volume).
/// </summary>
public sealed class CompareTunedCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestModels _models = new();
    private readonly string _lesion;
    private readonly string _silent;
    private readonly string _manifest;

    public CompareTunedCommandTests()
    {
        (_lesion, _silent) = (_models.Lesion(32), _models.Silent(32));
        PhantomCohort.Write(_folder.File("cohort"));
        _manifest = _folder.File("cohort/tuned.csv");
        File.WriteAllText(_manifest, "patient_id,label,images,masks,split\nP2,covid,p2.nii.gz,,val\nC1,control,c1.nii.gz,,val\n"
            + "P1,covid,p1.nii.gz,p1-mask.nii.gz,test\nC2,control,c1.nii.gz,,test\n");
    }

    public void Dispose()
    {
        _models.Dispose();
        _folder.Dispose();
    }

    private static readonly string[] Grid = ["--threshold", "0.5", "--min-pixels", "25", "--consecutive", "1..3"];

    private CliRun Compare(params string[] extra) => CliRun.Of(
        ["compare", "--model", _lesion, "--model", _silent, "--cohort", _manifest, "--cache", _folder.File("cache"), .. extra]);

    private CliRun Tuned(params string[] extra) => Compare(["--tune-on", "val", "--report-on", "test", "--out", _folder.File("compare"), .. Grid, .. extra]);

    private static string Name(string model) => Path.GetFileNameWithoutExtension(model);

    [Fact]
    public void Each_model_runs_at_the_point_sweep_chooses_for_it_alone()
    {
        var run = Tuned("--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var model in new[] { _lesion, _silent })
        {
            var alone = CliRun.Of(["sweep", "--model", model, "--cohort", _manifest, "--cache", _folder.File("cache"), "--out", _folder.File($"sweep-{Name(model)}"),
                "--tune-on", "val", "--report-on", "test", "--quiet", .. Grid]);
            Assert.True(alone.ExitCode == 0, alone.Error);
            Assert.Equal(File.ReadAllText(_folder.File($"sweep-{Name(model)}/pipeline.json")), File.ReadAllText(_folder.File($"compare/{Name(model)}/pipeline.json")));
            Assert.Equal(File.ReadAllText(_folder.File($"sweep-{Name(model)}/sweep.csv")), File.ReadAllText(_folder.File($"compare/{Name(model)}/sweep.csv")));
        }
    }

    [Fact]
    public void The_json_names_each_chosen_point_and_pairs_the_models_on_test_at_those_points()
    {
        var run = Tuned("--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var tuning = root.GetProperty("tuning");
        Assert.Equal(("val", "test"), (tuning.GetProperty("tuned_on").GetString(), tuning.GetProperty("reported_on").GetString()));
        Assert.Contains("Youden's J", tuning.GetProperty("rule").GetString());
        Assert.Equal("test", root.GetProperty("cohort").GetProperty("split").GetString());
        var chosenK = tuning.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("chosen").GetProperty("setting").GetProperty("consecutive_slices").GetInt32()).ToArray();
        Assert.Equal([2, 3], chosenK);
        for (var i = 0; i < 2; i++)
        {
            var model = root.GetProperty("models")[i];
            var tuned = tuning.GetProperty("models")[i];
            Assert.Equal(model.GetProperty("name").GetString(), tuned.GetProperty("name").GetString());
            // The comparison's run is the chosen setting: its pipeline, and its tables equal the sweep's row on test.
            Assert.Equal(chosenK[i], model.GetProperty("pipeline").GetProperty("options").GetProperty("patient_rule").GetProperty("consecutive_slices").GetInt32());
            Assert.Equal(Counts(tuned.GetProperty("reported").GetProperty("patient_counts")), Counts(model.GetProperty("per_patient").GetProperty("counts")));
            Assert.Equal(Counts(tuned.GetProperty("reported").GetProperty("image_counts")), Counts(model.GetProperty("per_image").GetProperty("counts")));
            Assert.True(File.Exists(tuned.GetProperty("pipeline_file").GetString()));
        }
        Assert.Contains("2 consecutive slices", root.GetProperty("models")[0].GetProperty("operating_point").GetString());
        Assert.EndsWith("(the study's)", root.GetProperty("models")[1].GetProperty("operating_point").GetString());
        // On test at k 2 the lesion model finds P1; at k 3 the silent model finds nobody: only A is right on the one COVID-19 patient.
        var patient = root.GetProperty("pairs")[0].GetProperty("per_patient");
        Assert.Equal(1, patient.GetProperty("mcnemar_sensitivity").GetProperty("only_a_correct").GetInt32());
        Assert.Equal(0, patient.GetProperty("mcnemar_sensitivity").GetProperty("only_b_correct").GetInt32());
        Assert.Equal(0, patient.GetProperty("mcnemar_specificity").GetProperty("only_a_correct").GetInt32() + patient.GetProperty("mcnemar_specificity").GetProperty("only_b_correct").GetInt32());
        Assert.Equal(1.0, patient.GetProperty("difference_sensitivity").GetProperty("value").GetDouble(), 12);
    }

    private static int[] Counts(JsonElement counts) => [.. new[] { "tp", "fp", "tn", "fn" }.Select(k => counts.GetProperty(k).GetInt32())];

    [Fact]
    public void The_text_states_where_each_point_was_chosen_and_that_the_tables_are_on_test()
    {
        var run = Tuned();
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Operating points, each model its own, chosen on val by the rule of 'covidct sweep --tune-on'", run.Output);
        Assert.Contains("everything below is on test, each model at its own point", run.Output);
        Assert.Contains($"{Name(_lesion)}: {_lesion} (unknown unknown); operating point chosen on val: probability ≥ 0.50, more than 25 pixels, 2 consecutive slices, same quadrant", run.Output);
        Assert.Contains("operating point chosen on val: probability ≥ 0.50, more than 25 pixels, 3 consecutive slices, same quadrant (the study's)", run.Output);
        Assert.Contains("split test: 2 patients", run.Output);
    }

    [Fact]
    public void Reclassification_and_the_partial_auc_compare_the_models_on_test_each_at_its_own_point()
    {
        var run = Tuned("--partial-auc", "0.8");
        Assert.True(run.ExitCode == 0, run.Error);
        var pair = $"{Name(_lesion)} vs {Name(_silent)}";
        var tables = run.Output[run.Output.IndexOf("everything below is on test", StringComparison.Ordinal)..];
        Assert.Contains("Reclassification of B over A (Pencina 2008; positive favours B)", tables);
        Assert.Contains($"  {pair}, per image", tables);
        Assert.Contains("Partial AUC (specificity 0.8–1)", tables);
    }

    [Fact]
    public void A_pipeline_file_says_which_point_it_ran_at()
    {
        Assert.Equal(0, Tuned("--quiet").ExitCode);
        var pipeline = _folder.File($"compare/{Name(_lesion)}/pipeline.json");
        var run = CliRun.Of("compare", "--pipeline", pipeline, "--model", _silent, "--cohort", _manifest, "--cache", _folder.File("cache"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"operating point from {pipeline}: probability ≥ 0.50, more than 25 pixels, 2 consecutive slices, same quadrant", run.Output);
        Assert.Contains("operating point as given (--model): probability ≥ 0.50, more than 25 pixels, 3 consecutive slices, same quadrant (the study's)", run.Output);
        using var json = JsonDocument.Parse(CliRun.Of("compare", "--pipeline", pipeline, "--model", _silent, "--cohort", _manifest, "--cache", _folder.File("cache"), "--json").Output);
        var models = json.RootElement.GetProperty("models");
        Assert.Equal(pipeline, models[0].GetProperty("pipeline_file").GetString());
        Assert.Equal(JsonValueKind.Null, models[1].GetProperty("pipeline_file").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("tuning").ValueKind);
    }

    [Theory]
    [InlineData(new[] { "--tune-on", "val" }, "--tune-on and --report-on go together")]
    [InlineData(new[] { "--tune-on", "val", "--report-on", "val" }, "--tune-on and --report-on are both 'val'")]
    [InlineData(new[] { "--tune-on", "val", "--report-on", "test", "--split", "test" }, "--split cannot be combined with --tune-on")]
    [InlineData(new[] { "--tune-on", "train", "--report-on", "test" }, "no patients in split 'train' (--tune-on)")]
    [InlineData(new[] { "--threshold", "0.5" }, "--threshold chooses what compare --tune-on sweeps and where it writes; it needs --tune-on and --report-on")]
    [InlineData(new[] { "--out", "somewhere" }, "--out chooses what compare --tune-on sweeps")]
    [InlineData(new[] { "--tune-on", "val", "--report-on", "test", "--consecutive", "0..2" }, "consecutive slices")]
    public void Bad_tuning_options_are_usage_errors(string[] options, string message)
    {
        var run = Compare(options);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(_folder.File("compare")));
    }

    [Fact]
    public void A_tuning_split_without_controls_is_a_usage_error()
    {
        File.WriteAllText(_manifest, "patient_id,label,images,masks,split\nP2,covid,p2.nii.gz,,val\nP1,covid,p1.nii.gz,p1-mask.nii.gz,test\nC2,control,c1.nii.gz,,test\n");
        var run = Tuned();
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("split 'val' (--tune-on) needs both COVID-19 and control patients", run.Error);
    }

    [Fact]
    public void Pipeline_files_cannot_be_tuned()
    {
        Assert.Equal(0, Tuned("--quiet").ExitCode);
        var run = CliRun.Of(["compare", "--pipeline", _folder.File($"compare/{Name(_lesion)}/pipeline.json"), "--model", _silent, "--cohort", _manifest,
            "--cache", _folder.File("cache"), "--tune-on", "val", "--report-on", "test", "--out", _folder.File("again")]);
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.Contains("--pipeline runs a fixed operating point, while --tune-on chooses one for each model", run.Error);
    }
}
