using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CovidCt.Cli;

namespace CovidCt.Cluster.Tests.Processes;

/// <summary>The built covidct.dll run as a separate process from the repository root, its output collected as it comes.</summary>
internal sealed class CovidctProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CovidctProcess(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static CovidctProcess Start(params string[] args) => new(args);

    /// <summary>Starts a worker of <paramref name="cluster"/> on 127.0.0.1:<paramref name="siloPort"/> and waits until it has joined.</summary>
    public static CovidctProcess Worker(string cluster, int siloPort)
    {
        var worker = Start("cluster", "worker", "--cluster", cluster, "--address", "127.0.0.1", "--port", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!worker.WaitFor(o => o.Contains("joined cluster", StringComparison.Ordinal), TimeSpan.FromMinutes(2)))
        {
            worker.Dispose();
            throw new InvalidOperationException($"the worker on {siloPort} did not join: {worker.Output}");
        }
        return worker;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the output satisfies <paramref name="condition"/>; false when the time is over or the process ended first.</summary>
    public bool WaitFor(Func<string, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition(Output)) return true;
            if (_process.HasExited) return condition(Output);
            Thread.Sleep(100);
        }
        return false;
    }

    /// <summary>The exit code; the process is killed and the test fails when it outlives <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            Assert.Fail($"covidct did not finish within {timeout}: {Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}

/// <summary>Free loopback ports for workers, each needing two in a row (silo, gateway).</summary>
internal static class FreePorts
{
    /// <summary>A port P with P and P + 1 free on 127.0.0.1 now, and none of <paramref name="taken"/>'s.</summary>
    public static int Pair(params int[] taken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Bind(0);
            if (port is { } p && p < 65534 && !taken.Any(t => Math.Abs(t - p) <= 1) && Bind(p + 1) is not null) return p;
        }
        throw new InvalidOperationException("no two free consecutive loopback ports");
    }

    private static int? Bind(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            var bound = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return bound;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
