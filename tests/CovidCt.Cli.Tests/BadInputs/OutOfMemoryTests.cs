using System.Diagnostics;
using static CovidCt.Cli.Tests.BadInputs.RawFiles;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// Out of memory is reported as such (exit 3), never a crash: a real covidct process, its GC heap capped at 256 MiB, reads a
/// .nii declaring 1024 x 1024 x 1000 voxels after the voxel limit was raised past it, so the 4 GB volume cannot be allocated.
/// The file is sparse (its 1 GB of zero voxels take no disk), so its length passes the truncation check.
/// </summary>
public sealed class OutOfMemoryTests
{
    [Fact]
    public void Volume_larger_than_the_heap_exits_3_with_an_out_of_memory_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("big.nii");
        using (var file = File.Create(path))
        {
            file.Write(Nifti([3, 1024, 1024, 1000], 2, 8, []));
            file.SetLength(352 + 1024L * 1024 * 1000);
        }

        var (code, error) = Covidct(["inspect", path, "--max-voxels", "2000000000"], heapLimit: "0x10000000");

        Assert.True(code == CliApp.OutOfMemory, $"exit code {code}, expected {CliApp.OutOfMemory}; said: {error}");
        Assert.Contains("error: out of memory", error);
        Assert.DoesNotContain("OutOfMemoryException", error);
    }

    [Fact]
    public void Same_volume_at_the_default_limit_is_refused_before_allocating()
    {
        using var folder = new TempFolder();
        var path = folder.File("big.nii.gz");
        File.WriteAllBytes(path, Gzip(Nifti([3, 1024, 1024, 1000], 2, 8, new byte[4096])));

        var (code, error) = Covidct(["inspect", path], heapLimit: "0x10000000");

        Assert.True(code == CliApp.InputError, $"exit code {code}, expected {CliApp.InputError}; said: {error}");
        Assert.Contains("raise it with --max-voxels", error);
    }

    // The built covidct.dll in a child process: a capped heap applies to a whole runtime, not to one test.
    private static (int Code, string Error) Covidct(string[] args, string heapLimit)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_GCHeapHardLimit"] = heapLimit;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "covidct did not finish within 2 minutes");
        return (process.ExitCode, error.Result);
    }
}
