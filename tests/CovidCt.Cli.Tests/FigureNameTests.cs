using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Tests;

/// <summary>Patient ids that sanitise to the same file name still get one red-box figure each.</summary>
public sealed class FigureNameTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Ids_that_sanitise_alike_keep_separate_figures()
    {
        var cohort = Path.Combine(_models.Folder, "cohort");
        PhantomCohort.Write(cohort);
        var manifest = Path.Combine(cohort, "colliding.csv");
        // Both rows are the control patient with its one false-positive slice; "a/b" and "a?b" both sanitise to "a_b".
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\na/b,control,c1.nii.gz,,test\na?b,control,c1.nii.gz,,test\n");
        var outFolder = Path.Combine(_models.Folder, "out");

        var run = CliRun.Of("evaluate", "--quiet", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(_models.Folder, "cache"));

        Assert.True(run.ExitCode == 0, run.Error);
        var figures = Directory.GetFiles(Path.Combine(outFolder, ErrorFigures.FolderName)).Select(Path.GetFileName).ToList();
        Assert.True(figures.Count >= 2 && figures.Count % 2 == 0, string.Join(", ", figures));
        Assert.Equal(figures.Count / 2, figures.Count(f => f!.StartsWith("a_b-slice", StringComparison.Ordinal)));
        Assert.Equal(figures.Count / 2, figures.Count(f => f!.StartsWith("a_b-", StringComparison.Ordinal) && !f.StartsWith("a_b-slice", StringComparison.Ordinal)));
    }
}
