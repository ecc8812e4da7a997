using System.Security.Cryptography;
using CovidCt.Interactive.Formatting;
using CovidCt.Interactive.Workspace;

namespace CovidCt.Interactive.Tests.Workspace;

public sealed class ReproducibilityTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("covidct-repro-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_record_names_the_versions_and_the_models_sha256()
    {
        var model = Path.Combine(_folder.FullName, "m.onnx");
        File.WriteAllBytes(model, [1, 2, 3]);

        var record = Reproducibility.Record(model);

        var items = record.Items.ToDictionary(i => i.Item, i => i.Value);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 1, 2, 3 })), items["model SHA-256"]);
        Assert.StartsWith(".NET 10", items[".NET"]);
        Assert.Matches(@"^\d+\.\d+", items["ML.NET"]);
        Assert.Matches(@"^\d+\.\d+", items["ONNX Runtime"]);
        Assert.Contains("<caption>Reproducibility</caption>", ReproducibilityHtml.Record(record));
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var missing = Path.Combine(_folder.FullName, "none.onnx");
        var error = Assert.Throws<FileNotFoundException>(() => Reproducibility.Record(missing));
        Assert.Contains(missing, error.Message);
    }
}
