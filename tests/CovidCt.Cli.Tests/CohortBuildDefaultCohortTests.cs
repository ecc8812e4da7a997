using CovidCt.Cli;

namespace CovidCt.Cli.Tests;

public sealed class CohortBuildDefaultCohortTests
{
    [Fact]
    public void The_committed_default_cohort_passes_cohort_check()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["cohort", "check", Repository.File("datasets", "default", "manifest.csv")], output, error);
        Assert.True(code == CliApp.Success, error.ToString());
        Assert.Contains("12 patients (6 covid, 6 control)", output.ToString());
    }
}
