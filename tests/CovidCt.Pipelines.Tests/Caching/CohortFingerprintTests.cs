using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Pipelines.Tests.Caching;

/// <summary>
/// The cohort part of the cache key follows the window each PNG/JPEG source is read with: the same slices read at another
/// window are other HU, so their cached maps must not be reused (the stale-cache bug of issue 14).
/// </summary>
public sealed class CohortFingerprintTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_default_read_window_of_a_slice_folder_changes_the_fingerprint()
    {
        var manifest = SliceCohort(window: "");

        var atStudy = CohortFingerprint.Compute(CohortManifest.Load(manifest));
        var atSoftTissue = CohortFingerprint.Compute(CohortManifest.Load(manifest, new Data.CtReadOptions { Window = new HounsfieldWindow(400, 40) }));

        Assert.NotEqual(atStudy, atSoftTissue);
    }

    [Fact]
    public void The_manifest_window_wins_over_the_default_so_the_default_does_not_change_the_fingerprint()
    {
        var manifest = SliceCohort(window: "1500/-600");

        var plain = CohortFingerprint.Compute(CohortManifest.Load(manifest));
        var withDefault = CohortFingerprint.Compute(CohortManifest.Load(manifest, new Data.CtReadOptions { Window = new HounsfieldWindow(400, 40) }));

        Assert.Equal(plain, withDefault);
        Assert.Equal(new HounsfieldWindow(1500, -600), CohortManifest.Load(manifest).Entries[0].Window);
    }

    private string SliceCohort(string window)
    {
        SlicePngWriter.WriteSlices(Volumes.Axial(), StudyProtocol.LungWindow, _folder.File("p1"));
        var manifest = _folder.File("manifest.csv");
        File.WriteAllText(manifest, $"patient_id,label,images,masks,split,window\np1,control,p1,,test,{window}\n");
        return manifest;
    }
}
