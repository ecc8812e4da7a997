using CovidCt.Interactive.Workspace;

namespace CovidCt.Interactive.Tests.Workspace;

public sealed class NotebookWorkspaceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("covidct-workspace-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void MakeRepository()
    {
        Directory.CreateDirectory(Path.Combine(_root, "datasets", "default"));
        File.WriteAllText(Path.Combine(_root, "datasets", "default", "manifest.csv"), "patient_id,label,images,masks,split\n");
        Directory.CreateDirectory(Path.Combine(_root, "notebooks"));
    }

    [Fact]
    public void The_root_is_found_upwards_from_the_notebooks_folder()
    {
        MakeRepository();

        var workspace = NotebookWorkspace.Find(Path.Combine(_root, "notebooks"));

        Assert.Equal(_root, workspace.Root);
        Assert.Equal(Path.Combine(_root, ".cache", "probability-maps"), workspace.CacheFolder);
    }

    [Fact]
    public void Without_the_default_cohort_upwards_the_error_says_where_to_run_from()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => NotebookWorkspace.Find(_root));

        Assert.Contains("datasets/default/manifest.csv", error.Message);
        Assert.Contains("notebooks/", error.Message);
    }

    [Fact]
    public void The_cohort_variable_replaces_the_default_cohort_for_evaluation_and_for_tuning()
    {
        // This repository's workspace; the override is a manifest of one of its patients, relative to the repository root.
        var repository = NotebookWorkspace.Find(AppContext.BaseDirectory);
        var image = Path.Combine(repository.Root, "datasets", "default", "images", "sim-024.nii.gz");
        var relative = Path.GetRelativePath(repository.Root, Path.Combine(_root, "mine.csv"));
        File.WriteAllText(Path.Combine(_root, "mine.csv"), $"patient_id,label,images,masks,split\nsim-024,control,{image},,test\n");
        var before = Environment.GetEnvironmentVariable(NotebookWorkspace.CohortVariable);
        try
        {
            Environment.SetEnvironmentVariable(NotebookWorkspace.CohortVariable, relative);

            Assert.Equal(["sim-024"], repository.Cohort().Entries.Select(e => e.PatientId));
            Assert.Equal(Path.Combine(_root, "mine.csv"), repository.TuningCohort().Path);

            Environment.SetEnvironmentVariable(NotebookWorkspace.CohortVariable, null);
            Assert.Equal(Path.Combine(repository.Root, "datasets", "default", "manifest.csv"), repository.Cohort().Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookWorkspace.CohortVariable, before);
        }
    }

    [Fact]
    public void A_missing_model_is_named_with_its_folder()
    {
        MakeRepository();
        var workspace = NotebookWorkspace.Find(_root);
        Directory.CreateDirectory(Path.Combine(_root, "models"));
        File.WriteAllBytes(Path.Combine(_root, "models", "unetpp-v1.onnx"), [1]);

        Assert.Equal(Path.Combine(_root, "models", "unetpp-v1.onnx"), workspace.Model("unetpp-v1"));
        Assert.Contains("no model 'unetpp-v9'", Assert.Throws<FileNotFoundException>(() => workspace.Model("unetpp-v9")).Message);
    }
}
