using System.IO.Compression;
using CovidCt.Data;
using CovidCt.Data.Slices;
using CovidCt.Imaging;
using CovidCt.Testing.Invariance;

namespace CovidCt.Server.Tests;

/// <summary>
/// The CTs the server tests upload, made by the repository's own writers: a phantom series (lesions of about p = 0.6 under the
/// band model in the upper-left quadrant on slices 0 to 3, so the patient is positive at threshold 0.5 and negative at 0.7),
/// as a DICOM folder, a .zip of it, one PNG slice and a NIfTI file.
/// </summary>
internal sealed class TestUploads : IDisposable
{
    /// <summary>HU the band model maps to probability 0.6: windowed value 0.6 in the study's W1200/L-700.</summary>
    public const float FaintLesionHu = -580;

    private readonly TempFolder _folder = new();

    public TestUploads()
    {
        var ul = Phantom.UpperLeft;
        Volume = Phantom.Volume([ul], [ul], [ul], [ul], [], []);
        for (var i = 0; i < Volume.Hounsfield.Length; i++) if (Volume.Hounsfield[i] == TestModels.LesionHu) Volume.Hounsfield[i] = FaintLesionHu;
        SeriesFolder = Path.Combine(_folder.Path, "series");
        DicomSeriesWriter.Write(Volume, SeriesFolder, "1.2.826.0.1.3680043.2.1125.19");
        SeriesZip = _folder.File("series.zip");
        ZipFile.CreateFromDirectory(SeriesFolder, SeriesZip);
        Png = _folder.File("slice.png");
        SlicePngWriter.WriteSlice(Volume, 0, StudyProtocol.LungWindow, Png);
        Nifti = _folder.File("volume.nii.gz");
        CovidCt.Data.Nifti.NiftiWriter.Write(Volume, Nifti);
    }

    /// <summary>The phantom in HU.</summary>
    public CtVolume Volume { get; }

    /// <summary>The DICOM series folder (0001.dcm …).</summary>
    public string SeriesFolder { get; }

    /// <summary>The series as .zip.</summary>
    public string SeriesZip { get; }

    /// <summary>Slice 0 as a PNG at the study's lung window.</summary>
    public string Png { get; }

    /// <summary>The volume as NIfTI.</summary>
    public string Nifti { get; }

    /// <summary>A scratch file path.</summary>
    public string File(string name) => _folder.File(name);

    /// <summary>A zip with the given entries (name, bytes), compressed.</summary>
    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }
        return memory.ToArray();
    }

    public void Dispose() => _folder.Dispose();
}
