using System.Text.Json;
using CovidCt.Cli;

namespace CovidCt.Cli.Tests;

/// <summary>Runs covidct in-process and keeps temporary CSV files for the metrics command tests.</summary>
internal sealed class MetricsCli : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("covidct-metrics-").FullName;

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    public string Csv(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
