using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Workspace;
using CovidCt.Interactive.Formatting;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Models;
using CovidCt.Testing.Fixtures;
using Microsoft.DotNet.Interactive.Formatting;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class ExplorerAndModelHtmlTests
{
    // Two patients of three slices; the COVID-19 one has a 6x6 lesion at 0.6 on every slice.
    private static SweepResult Sweep()
    {
        var sweep = new PostProcessingSweep(new SweepGrid([0.5, 0.7], [0, 25], [1, 3]));
        foreach (var covid in new[] { true, false })
        {
            var values = new float[16 * 16];
            if (covid) for (var y = 2; y < 8; y++) for (var x = 2; x < 8; x++) values[y * 16 + x] = 0.6f;
            var geometry = new VolumeGeometry(16, 16, 3, 1, 1, [0.0, 1, 2], 1, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 0));
            var maps = Enumerable.Range(0, 3).Select(_ => new ProbabilityMap(16, 16, values)).ToArray();
            var areas = Enumerable.Range(0, 3).Select(_ => new ValidArea(16, 16, Enumerable.Repeat((byte)1, 256).ToArray())).ToArray();
            sweep.Add(covid ? "c" : "n", "test", geometry, maps, areas, covid, [covid, covid, covid]);
        }
        return sweep.Result();
    }

    [Fact]
    public void A_sweep_shows_its_summary_above_the_live_explorer()
    {
        CovidCtFormatters.Register();
        var sweep = Sweep();

        var html = Formatter.ToDisplayString(sweep, CovidCtFormatters.MimeType);

        Assert.Contains("<td>Settings</td><td class=\"n\">16 = 2 thresholds × 2 minimum sizes × 2 k × 2 quadrant rules × 1 assignments</td>", html);
        Assert.Contains("<td>Patients / slices</td><td class=\"n\">2 / 6</td>", html);
        Assert.Contains("class=\"covidct-explorer\"", html);
        Assert.Contains("data-control=\"threshold\"", html);
        Assert.DoesNotContain("src=\"http", html);
    }

    [Fact]
    public void A_sweep_over_the_memory_budget_shows_the_warning_before_its_numbers()
    {
        CovidCtFormatters.Register();
        using var models = new TestModels();
        var manifest = PhantomCohort.Write(Path.Combine(models.Folder, "cohort"));
        // The runtime alone is estimated at 512 MiB: a 100 MiB budget cannot hold one batch.
        using var engine = new CohortSweep(models.Lesion(32), new Pipelines.PipelineOptions { Scoring = { MemoryBudgetBytes = 100L << 20 } });

        var html = Formatter.ToDisplayString(engine.Sweep(manifest, CohortSplit.Test, new SweepGrid([0.5], [25], [3])), CovidCtFormatters.MimeType);

        var warning = html.IndexOf("<p>Warning: one scoring batch alone is estimated at", StringComparison.Ordinal);
        Assert.True(warning >= 0, html);
        Assert.True(warning < html.IndexOf("<td>Settings</td>", StringComparison.Ordinal), "the warning comes before any number");
    }

    [Fact]
    public void A_model_summary_names_where_each_value_comes_from_and_warns_about_assumed_ones()
    {
        var summary = new ModelSummary("/m/model.onnx",
        [
            new("Input", "'image' [N,1,256,256] (NCHW, 1 channel)", ModelSummary.FromGraph),
            new("Window width", "1200 HU (the study's lung window)", ModelSummary.Assumed),
            new("Window level", "-600 HU", ModelSummary.FromMetadata),
        ]);

        var html = ModelSummaryHtml.Summary(summary);

        Assert.Contains("<caption>Model model.onnx</caption>", html);
        Assert.Contains("<td>Window width</td><td>1200 HU (the study&#39;s lung window)</td><td><span class=\"miss\">assumed</span></td>", html);
        Assert.Contains("Assumed, not declared by the model: window width.", html);
    }

    [Fact]
    public void A_manifest_shows_its_counts_and_one_row_per_patient()
    {
        CovidCtFormatters.Register();
        var manifest = CohortManifest.Load(Path.Combine(NotebookWorkspace.Find(AppContext.BaseDirectory).Root, "datasets", "default", "manifest.csv"));

        var html = Formatter.ToDisplayString(manifest, CovidCtFormatters.MimeType);

        Assert.Contains(": 12 patients (6 covid, 6 control; test 12); 6 with masks", html);
        Assert.Contains("<td>sim-003</td><td>covid</td><td>test</td><td>images/sim-003.nii.gz</td><td>masks/sim-003.nii.gz</td>", html);
        Assert.Contains("<td>sim-008</td><td>control</td><td>test</td><td>images/sim-008.nii.gz</td><td><span class=\"miss\">none</span></td>", html);
    }
}
