using System.Diagnostics;
using CovidCt.Data;
using CovidCt.Data.Nifti;

namespace CovidCt.Cli.Commands;

/// <summary>What <c>convert</c> wrote.</summary>
/// <param name="Path">The NIfTI file.</param>
/// <param name="Geometry">The volume's geometry.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Elapsed">Reading and writing.</param>
internal sealed record ConvertResult(string Path, VolumeGeometry Geometry, long Bytes, TimeSpan Elapsed);

/// <summary>Runs <c>convert</c>: reads the CT and writes it as NIfTI; notes on the read window and the geometry assumed go to the log.</summary>
internal static class ConvertHandler
{
    /// <summary>Converts <paramref name="source"/> to the NIfTI file <paramref name="target"/>.</summary>
    public static ConvertResult Run(string source, string target, CtReadOptions read, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        WindowNotes.Write(source, read, log, log);
        var volume = CtReader.Read(source, read);
        NiftiWriter.Write(volume, target);
        // The file written states the assumed geometry as its own, so this is the last time anyone is told.
        foreach (var assumption in volume.Assumptions) log.WriteLine($"Warning: {assumption.Warning}; {target} records this geometry as the volume's own, so reading it will not warn again");
        return new ConvertResult(target, volume.Geometry, new FileInfo(target).Length, clock.Elapsed);
    }
}
