using CovidCt.Cli;

namespace CovidCt.Cli.Tests;

public sealed class CohortBuildDefaultCohortTests
{
    [Fact]
    public void The_committed_default_cohort_passes_cohort_check()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CovidCt.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["cohort", "check", Path.Combine(root.FullName, "datasets", "default", "manifest.csv")], output, error);
        Assert.True(code == CliApp.Success, error.ToString());
        Assert.Contains("12 patients (6 covid, 6 control)", output.ToString());
    }
}
