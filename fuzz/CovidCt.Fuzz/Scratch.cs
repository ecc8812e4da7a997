using CovidCt.Data;
using CovidCt.Data.Nifti;

namespace CovidCt.Fuzz;

/// <summary>
/// The scratch folder of this process (in /dev/shm when it exists: one write per execution), holding the input file and, for
/// the manifest harness, a real image the fuzzed rows can point at (p1.nii, a 4 x 4 x 3 volume).
/// </summary>
internal static class Scratch
{
    public static string Folder { get; } = Create();

    public static string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Create()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, $"covidct-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        NiftiWriter.Write(Seeds.Volume(4, 4, 3), Path.Combine(folder, "p1.nii"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
