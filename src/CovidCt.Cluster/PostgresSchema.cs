using System.Text.RegularExpressions;
using Npgsql;

namespace CovidCt.Cluster;

/// <summary>
/// Orleans' membership tables in PostgreSQL: Orleans' own scripts (Schema/*.sql, embedded, from dotnet/orleans under its
/// MIT licence), run once by <c>covidct cluster init-db</c>, and the check every worker and coordinator makes before joining.
/// </summary>
internal static partial class PostgresSchema
{
    // Orleans' order: the query table first, then the membership tables and the queries that use them.
    private static readonly (string Table, string Script)[] Scripts =
    [
        ("orleansquery", "PostgreSQL-Main.sql"),
        ("orleansmembershiptable", "PostgreSQL-Clustering.sql"),
    ];

    /// <summary>The queries Orleans' membership provider reads from the OrleansQuery table: those the clustering script inserts.</summary>
    public static IReadOnlySet<string> MembershipQueries { get; } =
        QueryKey().Matches(ScriptText("PostgreSQL-Clustering.sql")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Creates whichever of the tables are missing, in one transaction (all or nothing); the tables already there are kept, so
    /// running it again changes nothing.
    /// </summary>
    /// <returns>The scripts run: none when the database was ready.</returns>
    /// <exception cref="ClusterException">When the database cannot be reached, or holds tables from another Orleans version.</exception>
    public static async Task<IReadOnlyList<string>> CreateAsync(PostgresCluster cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var ran = new List<string>();
        await using var connection = await OpenAsync(cluster, cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        foreach (var (table, script) in Scripts)
        {
            if (await ExistsAsync(connection, table, cancel).ConfigureAwait(false)) continue;
            await using var create = new NpgsqlCommand(ScriptText(script), connection, transaction);
            await create.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            ran.Add(script);
        }
        await CheckQueriesAsync(cluster, connection, cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return ran;
    }

    /// <summary>Checks the database answers and holds every membership query Orleans will ask for.</summary>
    /// <exception cref="ClusterException">When it does not, saying what to do.</exception>
    public static async Task CheckAsync(PostgresCluster cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await using var connection = await OpenAsync(cluster, cancel).ConfigureAwait(false);
        await CheckQueriesAsync(cluster, connection, cancel).ConfigureAwait(false);
    }

    private static async Task CheckQueriesAsync(PostgresCluster cluster, NpgsqlConnection connection, CancellationToken cancel)
    {
        var missing = MembershipQueries.ToHashSet(StringComparer.Ordinal);
        if (await ExistsAsync(connection, "orleansquery", cancel).ConfigureAwait(false))
        {
            await using var read = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
            await using var rows = await read.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await rows.ReadAsync(cancel).ConfigureAwait(false)) missing.Remove(rows.GetString(0));
        }
        if (missing.Count == MembershipQueries.Count)
        {
            throw new ClusterException($"database {cluster.Name} has no Orleans membership tables; create them once with: covidct cluster init-db {cluster.Name}");
        }
        if (missing.Count > 0)
        {
            throw new ClusterException($"database {cluster.Name} holds Orleans membership tables without the queries {string.Join(", ", missing.Order(StringComparer.Ordinal))} "
                + "that Orleans 10.4.2 needs (tables of another Orleans version); use a new database, or drop the Orleans tables and run covidct cluster init-db again");
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(PostgresCluster cluster, CancellationToken cancel)
    {
        var connection = new NpgsqlConnection(cluster.ConnectionString);
        try
        {
            await connection.OpenAsync(cancel).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ClusterException($"cannot reach database {cluster.Name}: {e.GetBaseException().Message}; check that PostgreSQL is running there and the user, password and database are right", e);
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancel)
    {
        // Unquoted names in Orleans' scripts are folded to lower case; to_regclass is null for a table that is not there.
        await using var find = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        find.Parameters.AddWithValue("table", table);
        return (bool)(await find.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
    }

    private static string ScriptText(string name)
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream($"CovidCt.Cluster.Schema.{name}")
            ?? throw new InvalidOperationException($"the assembly lacks its embedded script Schema/{name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The clustering script inserts each query as ('NameKey', '...').
    [GeneratedRegex(@"^\s*'(\w+Key)'\s*,", RegexOptions.Multiline)]
    private static partial Regex QueryKey();
}
