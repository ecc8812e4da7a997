using System.CommandLine;
using System.Globalization;
using CovidCt.Server;
using CovidCt.Server.Security;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct serve</c>: the study's web service on this machine (127.0.0.1:5080 by default): a page to upload a CT and see red
/// boxes and the patient call, and the HTTP API behind it, on the shipped models.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {ServeOptions.DefaultUrl}). An address beyond loopback needs --token too.",
            AllowMultipleArgumentsPerToken = true,
        };
        var token = new Option<string?>("--token") { Description = $"Access token that API requests must send as 'Authorization: Bearer TOKEN' (or set {ServeOptions.TokenVariable})." };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Folder of the models offered (every .onnx in it). Default: the repository's models/." };
        var model = new Option<string?>("--model") { Description = $"The model used when an upload names none, by file name without .onnx. Default: {Path.GetFileNameWithoutExtension(ShippedAssets.DefaultModelName)}." };
        var expiry = new Option<double>("--expiry-minutes") { Description = "Minutes a result (its volume and probability maps) is kept after its upload.", DefaultValueFactory = _ => 15 };
        var volumeMb = new Option<int>("--max-volume-mb") { Description = "Largest volume upload (DICOM series as .zip, NIfTI), in MB.", DefaultValueFactory = _ => 512 };
        var sliceMb = new Option<int>("--max-slice-mb") { Description = "Largest single-slice upload (PNG, JPEG, one DICOM file), in MB.", DefaultValueFactory = _ => 50 };
        var limits = new ReadLimitOptions();
        var command = new Command("serve", "Run the web service: a page to upload a CT and see red boxes, the patient call and two models side by side, and its HTTP API (/openapi).")
        {
            urls, token, models, model, expiry, volumeMb, sliceMb,
        };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var options = Options(parse.GetValue(urls), parse.GetValue(token), parse.GetValue(models), parse.GetValue(model), parse.GetValue(expiry),
                parse.GetValue(volumeMb), parse.GetValue(sliceMb)) with { ReadLimits = limits.Read(parse) };
            if (Binding.Problem(options) is { } problem) throw new UsageException(problem);
            using var app = ServerSetup.Build(options);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"covidct serve: open {string.Join(", ", options.Urls)} in a browser (API: /v1, OpenAPI: /openapi); Ctrl+C stops it.");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Models: {options.ModelsFolder} (default {options.DefaultModel}); results are kept {options.Expiry.TotalMinutes:0.#} min{(options.Token is null ? "" : "; API requests need the access token")}."));
            app.Run();
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The server's options from the command line; the shipped models unless --models is given.</summary>
    /// <exception cref="UsageException">When a value is out of range or the models folder lacks the default model.</exception>
    public static ServeOptions Options(string[]? urls, string? token, DirectoryInfo? models, string? model, double expiryMinutes, int volumeMb, int sliceMb)
    {
        if (!(expiryMinutes > 0 && expiryMinutes <= 24 * 60)) throw new UsageException($"--expiry-minutes is {expiryMinutes}; expected more than 0 and at most 1440 (a day)");
        if (volumeMb < 1 || sliceMb < 1) throw new UsageException("--max-volume-mb and --max-slice-mb must be at least 1");
        string folder;
        string defaultModel;
        if (models is not null)
        {
            if (!models.Exists) throw new UsageException($"--models {models.FullName}: no such folder; expected a folder of .onnx models");
            folder = models.FullName;
            defaultModel = model ?? Path.GetFileNameWithoutExtension(ShippedAssets.DefaultModelName);
        }
        else
        {
            var shipped = ShippedAssets.Model();
            folder = Path.GetDirectoryName(shipped.Path)!;
            defaultModel = model ?? Path.GetFileNameWithoutExtension(shipped.Path);
        }
        if (!File.Exists(Path.Combine(folder, defaultModel + ".onnx")))
        {
            throw new UsageException($"--model {defaultModel}: there is no {defaultModel}.onnx in {folder}; name one of its .onnx files without the extension");
        }
        token ??= Environment.GetEnvironmentVariable(ServeOptions.TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        return new ServeOptions
        {
            Urls = urls is { Length: > 0 } ? urls.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() : [ServeOptions.DefaultUrl],
            UrlsGiven = urls is { Length: > 0 },
            Token = token,
            ModelsFolder = folder,
            DefaultModel = defaultModel,
            Expiry = TimeSpan.FromMinutes(expiryMinutes),
            MaxVolumeBytes = volumeMb * 1024L * 1024,
            MaxSliceBytes = sliceMb * 1024L * 1024,
        };
    }
}
