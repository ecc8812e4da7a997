using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CovidCt.Cluster.Tests.Processes;

/// <summary>
/// A real PostgreSQL for the membership tests: Debian's server binaries, a data folder in a fresh temp folder, listening on
/// 127.0.0.1 at a free port (its socket in the same folder); stopped and deleted on dispose. As root the server runs as the
/// <c>postgres</c> user, as PostgreSQL requires. Where no server can be found or started, <see cref="Unavailable"/> says why
/// and the tests skip with that reason (test.sh installs Debian's postgresql under CI).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "postgres";
    private readonly string? _folder;
    private readonly string? _bin;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            Unavailable = "PostgreSQL's initdb and pg_ctl were not found (looked in /usr/lib/postgresql/*/bin and on PATH); install Debian's postgresql";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("covidct-pg-").FullName;
        try
        {
            Port = FreePorts.Pair();
            if (Environment.UserName == "root") Run("chown", "-R", $"{Superuser}:", _folder);
            Pg("initdb", "-D", Data, "-A", "trust", "-U", Superuser, "-E", "UTF8");
            Pg("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "start",
                "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Unavailable = $"PostgreSQL from {_bin} could not be started: {e.Message}";
        }
    }

    /// <summary>Why no server runs (the tests skip with it), or null when one does.</summary>
    public string? Unavailable { get; }

    public int Port { get; }

    /// <summary>The connection text of a new, empty database.</summary>
    public string NewDatabase()
    {
        var name = $"covidct_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}";
        var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = "postgres" };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return Uri(name);
    }

    public void Dispose()
    {
        if (_folder is null) return;
        try
        {
            if (Unavailable is null) Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Data => Path.Combine(_folder!, "data");

    private string Uri(string database) => $"postgres://{Superuser}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    private void Pg(string tool, params string[] args)
    {
        var path = Path.Combine(_bin!, tool);
        if (Environment.UserName == "root") Run("runuser", ["-u", Superuser, "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill();
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}{output.Result}");
    }

    private static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b.Length).ThenByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(p => p.Length > 0 && File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }
}
