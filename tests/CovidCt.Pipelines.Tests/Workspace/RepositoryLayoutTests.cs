using CovidCt.Pipelines.Workspace;

namespace CovidCt.Pipelines.Tests.Workspace;

public sealed class RepositoryLayoutTests : IDisposable
{
    private readonly TempFolder _repository = new();
    private readonly TempFolder _elsewhere = new();

    public RepositoryLayoutTests()
    {
        Directory.CreateDirectory(_repository.File("datasets/default"));
        File.WriteAllText(_repository.File(RepositoryLayout.DefaultCohortManifest), "patient_id,label,images,masks,split\n");
        Directory.CreateDirectory(_repository.File("notebooks/figures"));
    }

    public void Dispose()
    {
        _repository.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void The_root_is_the_nearest_folder_upwards_that_holds_the_default_cohort()
    {
        var layout = RepositoryLayout.Find(_repository.File("notebooks/figures"));

        Assert.NotNull(layout);
        Assert.Equal(_repository.Path, layout.Root);
        Assert.Equal(_repository.File("models"), layout.ModelsFolder);
        Assert.Equal(_repository.File("datasets/default/manifest.csv"), layout.DefaultCohort);
        Assert.Equal(_repository.File("datasets/specs/default.json"), layout.DefaultSpec);
        Assert.Equal(_repository.File(".cache"), layout.CacheFolder);
        Assert.Equal(_repository.File(".cache/probability-maps"), layout.ProbabilityMapsFolder);
        Assert.Equal(_repository.File(".cache/cohorts/default"), layout.FullDefaultCohortFolder);
    }

    [Fact]
    public void The_first_start_that_lies_in_a_repository_wins_and_none_gives_null()
    {
        Assert.Equal(_repository.Path, RepositoryLayout.Find(_elsewhere.Path, _repository.Path)?.Root);
        Assert.Null(RepositoryLayout.Find(_elsewhere.Path));
    }

    [Fact]
    public void A_layout_at_a_relative_root_is_absolute()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _elsewhere.Path);

        Assert.Equal(_elsewhere.File(".cache/probability-maps"), RepositoryLayout.At(relative).ProbabilityMapsFolder);
    }

    [Fact]
    public void The_tests_find_this_repository_as_the_product_does()
    {
        Assert.True(File.Exists(Path.Combine(Repository.Root, "CovidCt.sln")), Repository.Root);
        Assert.Equal(Repository.Root, RepositoryLayout.Find(Repository.File("tests", "CovidCt.Pipelines.Tests"))?.Root);
    }
}
