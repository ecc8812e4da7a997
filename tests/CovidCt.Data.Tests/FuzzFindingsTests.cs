using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;

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
}
