using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Tests.Nifti;

namespace CovidCt.Data.Tests;

/// <summary>
/// Inputs the fuzz harnesses (fuzz/README.md) found to crash a reader with an exception other than a clear refusal,
/// minimised; each must now be refused with <see cref="CovidCtInputException"/> naming the file and the problem.
/// </summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Manifest_with_a_nul_character_in_a_path_is_refused_as_not_text()
    {
        // Was: ArgumentException "Null character in path" from Path.GetFullPath, an internal error (exit 1).
        var path = Write("manifest.csv", "patient_id,label,images,masks,split\np1,control,p1\0.nii,,test\n"u8.ToArray());

        var error = Assert.ThrowsAny<CovidCtInputException>(() => CohortManifest.Load(path));
        Assert.Contains("NUL character", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Gzip_nifti_declaring_a_large_grid_over_a_few_bytes_is_refused_before_the_grid_is_allocated()
    {
        // Was: 1.97 GB allocated for 16392 x 264 x 114 voxels (within the limits) before the missing data was noticed; under
        // the harness's 1 GiB heap, an OutOfMemoryException. The fuzzer's input was a 132-byte .nii.gz.
        var path = _folder.File("ct.nii.gz");
        new RawNifti { Dim = [3, 16392, 264, 114, 1, 1, 1, 1], Data = new byte[41] }.Save(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Contains("truncated", error.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "the reader allocated the declared grid before reading its data");
    }
}
