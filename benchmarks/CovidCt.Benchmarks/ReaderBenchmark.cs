using CovidCt.Data;
using CovidCt.Data.Nifti;

namespace CovidCt.Benchmarks;

/// <summary>Item 5: reading (each form read once untimed first, so the JIT is not timed) the 133-slice LIDC-IDRI-0001 DICOM series and the same volume as .nii.gz (written to a temp file, deleted after).</summary>
internal static class ReaderBenchmark
{
    public static string? SeriesFolder(string shared)
    {
        var patient = Path.Combine(shared, "lidc-idri", "LIDC-IDRI-0001");
        return Directory.Exists(patient)
            ? Directory.EnumerateFiles(patient, "*.dcm", SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault()
            : null;
    }

    public static CtVolume Run(TextWriter output, string series, int repeats)
    {
        // One untimed read of each form first, so the timings are of reading and not of the JIT compiling the readers.
        CtVolume volume = CtReader.Read(series);
        var dicom = Measure.Repeat(repeats, () => volume = CtReader.Read(series));
        output.WriteLine($"Readers: DICOM series, {volume.Geometry.Depth} slices: {dicom}");
        var nifti = Path.Combine(Path.GetTempPath(), $"covidct-bench-{Guid.NewGuid():N}.nii.gz");
        try
        {
            NiftiWriter.Write(volume, nifti);
            var size = new FileInfo(nifti).Length;
            NiftiReader.ReadVolume(nifti);
            var read = Measure.Repeat(repeats, () => NiftiReader.ReadVolume(nifti));
            output.WriteLine($"  same volume as .nii.gz ({size / 1048576.0:0.0} MB): {read}; DICOM / NIfTI = {dicom.Median / read.Median:0.00}");
        }
        finally
        {
            File.Delete(nifti);
        }
        return volume;
    }
}
