using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class DefaultCohortTests
{
    private static string Folder => Repository.File("datasets", "default");

    [Fact]
    public void The_committed_default_cohort_loads_through_the_manifest_loader()
    {
        var manifest = CohortManifest.Load(Path.Combine(Folder, "manifest.csv"));
        Assert.Equal(12, manifest.Entries.Count);
        Assert.All(manifest.Entries, e => Assert.Equal(CohortSplit.Test, e.Split));
        Assert.Equal(6, manifest.Entries.Count(e => e.Label == PatientLabel.Covid));
        Assert.All(manifest.Entries, e => Assert.Equal(e.Label == PatientLabel.Covid, e.Masks is not null));
    }

    [Fact]
    public void The_committed_default_cohort_is_the_test_split_of_the_default_spec()
    {
        var spec = CohortSpec.Load(Repository.File("datasets", "specs", "default.json"));
        var planned = CohortPlan.For(spec).Where(p => p.Split == CohortSplit.Test).Select(p => (p.PatientId, p.Label)).ToList();
        var manifest = CohortManifest.Load(Path.Combine(Folder, "manifest.csv"));
        Assert.Equal(planned, manifest.Entries.Select(e => (e.PatientId, e.Label)));
        using var card = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cohort-card.json")));
        Assert.Equal(spec.Sha256, card.RootElement.GetProperty("spec_sha256").GetString());
    }

    [Fact]
    public void The_cohort_card_is_snake_case_and_versioned_like_every_output_file()
    {
        using var card = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cohort-card.json")));
        var root = card.RootElement;
        Assert.Equal("schema_version", root.EnumerateObject().First().Name);
        Assert.Equal(CohortCard.SchemaVersion, root.GetProperty("schema_version").GetInt32());
        var patient = root.GetProperty("patients")[0];
        Assert.True(patient.TryGetProperty("patient_id", out _));
        Assert.True(patient.TryGetProperty("lesion_volume_ml", out _));
        Assert.DoesNotContain(root.EnumerateObject(), p => p.Name.Any(char.IsUpper));
    }

    [Fact]
    public void The_committed_default_cohort_stays_under_25_MB()
    {
        var bytes = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 25L * 1024 * 1024, $"{bytes / 1048576.0:F1} MiB");
    }
}
