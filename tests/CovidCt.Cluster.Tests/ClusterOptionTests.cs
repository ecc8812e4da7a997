using CovidCt.Cli;

namespace CovidCt.Cluster.Tests;

public class ClusterOptionTests
{
    [Fact]
    public void Evaluate_refuses_a_cluster_it_cannot_read_naming_the_option_and_the_forms()
    {
        var (code, error) = Run("evaluate", "--cluster", "redis:6379", "--out", Path.Combine(Path.GetTempPath(), "covidct-never-written"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--cluster redis:6379", error);
        Assert.Contains("localhost:PORT", error);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    public void A_worker_refuses_a_device_it_cannot_read(string device)
    {
        var (code, error) = Run("cluster", "worker", "--cluster", "localhost:41000", "--device", device);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains($"--device {device}: expected cpu or cuda:N", error);
    }

    [Fact]
    public void A_worker_needs_a_cluster()
    {
        var (code, error) = Run("cluster", "worker");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--cluster", error);
    }

    private static (int Code, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, error.ToString());
    }
}
