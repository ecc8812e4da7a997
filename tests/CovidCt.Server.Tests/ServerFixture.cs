using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CovidCt.Server.Tests;

/// <summary>
/// The server in-process (WebApplicationFactory on a test server) with its own models folder — the band "lesion" model
/// (default) and a "silent" one — and its own upload folder, so a test can check that nothing was left behind.
/// </summary>
internal sealed class ServerFixture : WebApplicationFactory<ServerFixture>
{
    private readonly TestModels _models = new();

    public ServerFixture(Func<ServeOptions, ServeOptions>? adjust = null, string? shippedModel = null)
    {
        if (shippedModel is null)
        {
            ModelsFolder = Path.Combine(_models.Folder, "models");
            Directory.CreateDirectory(ModelsFolder);
            File.Copy(_models.Lesion(32), Path.Combine(ModelsFolder, "lesion.onnx"));
            File.Copy(_models.Silent(32), Path.Combine(ModelsFolder, "silent.onnx"));
        }
        else
        {
            ModelsFolder = Repository.Layout.ModelsFolder;
        }
        var options = new ServeOptions { ModelsFolder = ModelsFolder, DefaultModel = shippedModel ?? "lesion", TempRoot = Path.Combine(_models.Folder, "uploads") };
        Options = adjust is null ? options : adjust(options);
    }

    public ServeOptions Options { get; }

    public string ModelsFolder { get; }

    /// <summary>Files and folders left under the upload root.</summary>
    public string[] LeftBehind() => Directory.Exists(Options.TempRoot) ? Directory.GetFileSystemEntries(Options.TempRoot, "*", SearchOption.AllDirectories) : [];

    /// <summary>A client carrying the token when the server has one.</summary>
    public HttpClient Client()
    {
        var client = CreateClient();
        if (Options.Token is { } token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // The server is a library with no entry point: the host is built here from its two halves, as covidct serve builds it.
    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureWebHostDefaults(web => web
            .ConfigureServices(services => ServerSetup.AddServices(services, Options))
            .Configure(ServerSetup.Configure));

    // The test assembly stands in as the "entry point" the factory requires; the content root is this folder, not a project's.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _models.Dispose();
    }
}

/// <summary>Builds the multipart forms of the tests.</summary>
internal static class Forms
{
    /// <summary>A form with <paramref name="bytes"/> as its file part (named <paramref name="fileName"/>) and the given text fields.</summary>
    public static MultipartFormDataContent Of(byte[] bytes, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>The file at <paramref name="path"/> as a form.</summary>
    public static MultipartFormDataContent Of(string path, params (string Name, string Value)[] fields) => Of(File.ReadAllBytes(path), Path.GetFileName(path), fields);
}
