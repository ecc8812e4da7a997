using CovidCt.Data;

namespace CovidCt.Cli.Tests;

/// <summary>A fresh temp folder (deleted on dispose) with helpers to put small CT volumes in it.</summary>
public sealed class CliTempFolder : IDisposable
{
    public CliTempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "covidct-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A 6x5x4 axial volume with 0.5 mm pixels and 2 mm slices; voxel i holds (i mod 300) - 1000 HU.</summary>
    public static CtVolume Volume(string? seriesUid = "1.2.3")
    {
        var geometry = VolumeGeometry.Axial(6, 5, 4, 0.5, 2);
        var voxels = Enumerable.Range(0, 120).Select(i => (float)(i % 300 - 1000)).ToArray();
        return new CtVolume(geometry, voxels, "generated", seriesUid);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
