using CovidCt.Cli;

namespace CovidCt.Cluster.Tests.Processes;

/// <summary>The membership database on a real PostgreSQL (skipped, with the reason, where none can be started).</summary>
public sealed class PostgresMembershipTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public void Init_db_creates_the_membership_tables_once_and_running_it_again_changes_nothing()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable);
        var database = server.NewDatabase();

        var first = Run("cluster", "init-db", database);
        Assert.True(first.Code == CliApp.Success, first.Error);
        Assert.Contains("Created Orleans' membership tables", first.Output);
        var again = Run("cluster", "init-db", database);
        Assert.True(again.Code == CliApp.Success, again.Error);
        Assert.Contains("already holds Orleans' membership tables; nothing changed", again.Output);

        // Every query Orleans' membership provider reads is there.
        var cluster = (PostgresCluster)ClusterConnection.Parse(database);
        PostgresSchema.CheckAsync(cluster, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Contains("GatewaysQueryKey", PostgresSchema.MembershipQueries);
        Assert.Equal(9, PostgresSchema.MembershipQueries.Count);
    }

    [SkippableFact]
    public void A_worker_or_evaluate_on_a_database_without_the_tables_is_exit_2_saying_to_run_init_db()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable);
        var database = server.NewDatabase();
        string[][] commands =
        [
            ["cluster", "worker", "--cluster", database, "--address", "127.0.0.1", "--port", FreePorts.Pair().ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["evaluate", "--cluster", database, "--out", ClusterOptionTests.NeverWritten()],
        ];
        foreach (var command in commands)
        {
            var (code, _, error) = Run(command);
            Assert.True(code == CliApp.InputError, $"{string.Join(' ', command)}: exit {code}: {error}");
            Assert.Contains($"has no Orleans membership tables; create them once with: covidct cluster init-db {database}", error);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
