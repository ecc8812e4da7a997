using CovidCt.Testing.Fixtures;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>Broken DICOM series and folders a scan must get through without a hang or a raw system error.</summary>
public static class DicomAndFolderCases
{
    public static IEnumerable<BadInput> All()
    {
        yield return Dicom("orientation all zeros", new TestDicom { Orientation = [0, 0, 0, 0, 0, 0] }, "Image Orientation", "unit direction vectors");
        yield return Dicom("orientation rows parallel to columns", new TestDicom { Orientation = [1, 0, 0, 1, 0, 0] }, "Image Orientation", "right angles");
        yield return Dicom("orientation vectors of length 2", new TestDicom { Orientation = [2, 0, 0, 0, 2, 0] }, "Image Orientation");
        yield return Dicom("orientation not at right angles", new TestDicom { Orientation = [1, 0, 0, 0.5, 0.866, 0] }, "Image Orientation");
        yield return Dicom("1x1 image", new TestDicom { Rows = 1, Columns = 1 }, "at least 2x2");
        yield return Dicom("1x8 image", new TestDicom { Rows = 8, Columns = 1 }, "at least 2x2");
        yield return Dicom("no Pixel Data", new TestDicom { WithPixelData = false }, "Pixel Data");
        yield return Dicom("zero pixel spacing", new TestDicom { PixelSpacing = "0\\0.7" }, "Pixel Spacing");
        yield return Dicom("pixel spacing not a number", new TestDicom { PixelSpacing = "abc\\def" }, "Pixel Spacing");
        yield return Dicom("no Rescale Intercept", new TestDicom { Intercept = null }, "Rescale Intercept", "Hounsfield units");
        yield return Dicom("Rescale Slope 0", new TestDicom { Slope = 0 }, "Rescale Slope", "non-zero");
        yield return new BadInput("DICOM file cut inside Pixel Data", folder =>
        {
            var bytes = new TestDicom { Rows = 64, Columns = 64 }.Filled(0).Bytes();
            ImageCases.Write(folder.File("series/1.dcm"), bytes[..^1000]);
            return ["inspect", folder.File("series")];
        }, CliApp.InputError, "1.dcm", "truncated");
        yield return new BadInput("single DICOM file given as a volume", folder =>
        {
            ImageCases.Write(folder.File("one.dcm"), new TestDicom().Filled(0).Bytes());
            return ["inspect", folder.File("one.dcm")];
        }, CliApp.InputError, "one.dcm", "pass the folder");
        yield return Folder("empty folder", _ => { }, "empty");
        yield return Folder("only a dangling link", f => File.CreateSymbolicLink(Path.Combine(f, "gone.dcm"), Path.Combine(f, "nowhere")), "no DICOM", "skipped");
        yield return Folder("only a link loop", f =>
        {
            File.CreateSymbolicLink(Path.Combine(f, "a"), Path.Combine(f, "b"));
            File.CreateSymbolicLink(Path.Combine(f, "b"), Path.Combine(f, "a"));
        }, "no DICOM");
        yield return Folder("a link to its own folder", f => Directory.CreateSymbolicLink(Path.Combine(f, "again"), f), "empty");
        yield return Folder("a pipe (must not hang)", f => ImageCases.Fifo(Path.Combine(f, "pipe.dcm")), "no DICOM", "skipped");
        yield return Folder("a pipe in a sub-folder", f => ImageCases.Fifo(Path.Combine(f, "sub", "pipe")), "no DICOM");
        yield return Folder("text files only", f => File.WriteAllText(Path.Combine(f, "notes.txt"), "hello"), "no DICOM");
        yield return Folder("two series without --series", f =>
        {
            new TestDicom { SeriesUid = "1.2.3.1" }.Filled(0).Save(Path.Combine(f, "a.dcm"));
            new TestDicom { SeriesUid = "1.2.3.2" }.Filled(0).Save(Path.Combine(f, "b.dcm"));
        }, "--series");
        yield return new BadInput("a pipe given as the volume (must not hang)", folder =>
        {
            ImageCases.Fifo(folder.File("ct.nii"));
            return ["inspect", folder.File("ct.nii")];
        }, CliApp.InputError, "ct.nii", "not a regular file");
        yield return new BadInput("a dangling link given as the volume", folder =>
        {
            File.CreateSymbolicLink(folder.File("ct.nii"), folder.File("gone.nii"));
            return ["inspect", folder.File("ct.nii")];
        }, CliApp.InputError, "ct.nii");
        yield return new BadInput("no such path", folder => ["inspect", folder.File("missing")], CliApp.InputError, "missing", "no such file or folder");
        yield return Options("/dev/null given as the volume", ["inspect", "/dev/null"], "/dev/null", "not a regular file");
        yield return Options("/proc/self scanned", ["inspect", "/proc/self"], "/proc/self");
    }

    private static BadInput Options(string name, string[] args, params string[] keywords) => BadInput.Options(name, args, keywords);

    private static BadInput Dicom(string name, TestDicom dicom, params string[] keywords) =>
        new(name, folder =>
        {
            Directory.CreateDirectory(folder.File("series"));
            dicom.Filled(0).Save(folder.File("series/1.dcm"));
            return ["inspect", folder.File("series")];
        }, CliApp.InputError, ["1.dcm", .. keywords]);

    private static BadInput Folder(string name, Action<string> fill, params string[] keywords) =>
        new(name, folder =>
        {
            var path = folder.File("scan");
            Directory.CreateDirectory(path);
            fill(path);
            return ["inspect", path];
        }, CliApp.InputError, ["scan", .. keywords]);
}
