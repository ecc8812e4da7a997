using CovidCt.Cli;
using CovidCt.Cluster.Tests.Processes;

namespace CovidCt.Cluster.Tests;

public class ClusterOptionTests
{
    [Fact]
    public void Evaluate_refuses_a_cluster_it_cannot_read_naming_the_option_and_the_forms()
    {
        var (code, error) = Run("evaluate", "--cluster", "redis:6379", "--out", NeverWritten());
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--cluster redis:6379", error);
        Assert.Contains("localhost:PORT", error);
        Assert.Contains("postgres://", error);
    }

    [Fact]
    public void Chunk_slices_without_a_cluster_or_not_positive_is_exit_2_saying_what_is_expected()
    {
        var (code, error) = Run("evaluate", "--chunk-slices", "8", "--out", NeverWritten());
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--chunk-slices splits long series over the workers of a cluster; give --cluster too", error);

        // Refused before any worker is asked for (none listens on this port).
        (code, error) = Run("evaluate", "--cluster", $"localhost:{FreePorts.Pair()}", "--chunk-slices", "0", "--out", NeverWritten());
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--chunk-slices 0: expected a positive number of slices", error);
    }

    [Fact]
    public void Fit_per_image_with_a_cluster_is_exit_2_pointing_to_fit_rows_in_the_manifest()
    {
        // Workers read the manifest file: a window fitted in the coordinator would never reach them (they read at the study window).
        var (code, error) = Run("evaluate", "--cluster", $"localhost:{FreePorts.Pair()}", "--images", NeverWritten(), "--window", "fit-per-image", "--out", NeverWritten());
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("write 'fit' in the manifest's window column", error);
    }

    // Each test its own: evaluate stages its output beside --out before the cluster refuses it, and tests run side by side.
    internal static string NeverWritten() => Path.Combine(Path.GetTempPath(), $"covidct-never-written-{Guid.NewGuid():N}");

    [Fact]
    public void A_bad_database_uri_is_refused_naming_the_option_and_never_showing_the_password()
    {
        var (code, error) = Run("cluster", "worker", "--cluster", "postgres://covidct:hunter2@db.example.org/");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--cluster postgres://covidct:***@db.example.org/", error);
        Assert.Contains("names no database", error);
        Assert.DoesNotContain("hunter2", error);
    }

    [Fact]
    public void A_database_that_does_not_answer_is_exit_2_for_init_db_worker_and_evaluate_naming_it()
    {
        var unreachable = $"postgres://covidct:hunter2@127.0.0.1:{FreePorts.Pair()}/covidct?timeout=5";
        string[][] commands =
        [
            ["cluster", "init-db", unreachable],
            ["cluster", "worker", "--cluster", unreachable, "--address", "127.0.0.1"],
            ["evaluate", "--cluster", unreachable, "--out", NeverWritten()],
        ];
        foreach (var command in commands)
        {
            var (code, error) = Run(command);
            Assert.True(code == CliApp.InputError, $"{string.Join(' ', command)}: exit {code}: {error}");
            Assert.Contains("cannot reach database postgres://covidct@127.0.0.1:", error);
            Assert.DoesNotContain("hunter2", error);
        }
    }

    [Fact]
    public void Init_db_refuses_a_localhost_cluster_which_needs_no_database()
    {
        var (code, error) = Run("cluster", "init-db", "localhost:41000");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("needs no database", error);
    }

    [Theory]
    [InlineData("10.0.0.256")]
    [InlineData("db.example.org")]
    public void A_worker_refuses_an_address_that_is_not_an_ip(string address)
    {
        var (code, error) = Run("cluster", "worker", "--cluster", "postgres://u@db/covidct", "--address", address);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains($"--address {address}: expected an IP address", error);
    }

    [Fact]
    public void A_localhost_worker_refuses_to_listen_beyond_loopback()
    {
        var (code, error) = Run("cluster", "worker", "--cluster", $"localhost:{FreePorts.Pair()}", "--address", "10.0.0.5");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("lives on this machine's loopback", error);
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
