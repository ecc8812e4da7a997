using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Fuzz;

/// <summary>
/// One reader of untrusted files, fed one input: a refusal (<see cref="CovidCtInputException"/>) is the expected answer to a
/// broken input; any other exception escapes and is a crash for afl-fuzz.
/// </summary>
internal sealed class Harness(string name, Action<byte[], string> read)
{
    public string Name { get; } = name;

    /// <summary>
    /// Reads <paramref name="input"/> as its file (the files live in one scratch folder per process, rewritten each run);
    /// returns the refusal when the reader refused it with a clear error, the answer we want to a broken input, else null.
    /// </summary>
    public string? Run(byte[] input)
    {
        try
        {
            read(input, Scratch.Folder);
            return null;
        }
        catch (CovidCtInputException e)
        {
            return e.Message;
        }
    }
}

/// <summary>The four harnesses: the DICOM parser, the NIfTI reader, the slice-image reader and the manifest parser.</summary>
internal static class Harnesses
{
    // A DICOM Part-10 file starts with a 128-byte preamble and "DICM"; the fuzzer mutates what follows, so its effort goes
    // into the parser rather than into finding the magic.
    private static readonly byte[] DicomPrefix = [.. new byte[128], .. "DICM"u8];

    private static readonly Harness[] All =
    [
        new("dicom", (input, folder) => CtReader.ReadSliceOrVolume(Scratch.Write(folder, "slice.dcm", [.. DicomPrefix, .. input]))),
        new("nifti", (input, folder) => NiftiReader.ReadVolume(Scratch.Write(folder, "ct.nii", input))),
        new("slice", (input, folder) => SliceFolderReader.ReadFile(Scratch.Write(folder, "slice.png", input), StudyProtocol.LungWindow)),
        new("manifest", (input, folder) => CohortManifest.Load(Scratch.Write(folder, "manifest.csv", input))),
    ];

    public static IEnumerable<string> Names => All.Select(h => h.Name);

    public static Harness? Find(string name) => All.FirstOrDefault(h => h.Name == name);

    public static byte[] DicomBody(byte[] part10) => part10[DicomPrefix.Length..];
}
