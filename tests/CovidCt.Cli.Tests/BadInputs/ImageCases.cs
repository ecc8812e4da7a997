using static CovidCt.Cli.Tests.BadInputs.RawFiles;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>Broken PNG/JPEG slices in a slice folder: cut files, 16-bit samples, tiny or enormous declared sizes, non-files.</summary>
public static class ImageCases
{
    public static IEnumerable<BadInput> All()
    {
        yield return Slice("PNG cut at half its length", "1.png", () => { var png = Png(64, 64); return png[..(png.Length / 2)]; }, "truncated");
        yield return Slice("PNG without IEND and half the rows", "1.png", () => Png(64, 64, rows: 32)[..^12], "truncated");
        yield return Slice("PNG with half the rows in its data", "1.png", () => Png(64, 64, rows: 32), "truncated");
        yield return Slice("JPEG cut at half its length", "1.jpg", () => { var jpg = Jpeg(); return jpg[..(jpg.Length / 2)]; }, "truncated");
        yield return Slice("16-bit gray PNG", "1.png", () => Png(8, 8, bitDepth: 16), "16-bit");
        yield return Slice("16-bit RGB PNG", "1.png", () => Png(8, 8, bitDepth: 16, colorType: 2), "16-bit");
        yield return Slice("1x1 PNG", "1.png", () => Png(1, 1), "at least 2x2");
        yield return Slice("1x64 PNG", "1.png", () => Png(1, 64), "at least 2x2");
        yield return Slice("64x1 PNG", "1.png", () => Png(64, 1), "at least 2x2");
        yield return Slice("PNG declaring 20000x20000", "1.png", () => Png(20000, 20000, rows: 2), "limit", "20000x20000");
        yield return Slice("PNG declaring 16385x16385", "1.png", () => Png(16385, 16385, rows: 1), "limit");
        yield return Slice("PNG declaring 100000x3000", "1.png", () => Png(100000, 3000, rows: 1), "limit");
        yield return Slice("random bytes named .png", "1.png", () => Enumerable.Range(0, 500).Select(i => (byte)(i * 13)).ToArray(), "cannot be decoded");
        yield return Slice("text named .jpg", "1.jpg", () => "not an image"u8.ToArray(), "cannot be decoded");
        yield return Slice("empty .png", "1.png", () => [], "empty");
        yield return Slice("PNG signature only", "1.png", () => Png(8, 8)[..8], "cannot be decoded");
        // Read as one volume (convert), mixed sizes are refused; inspect describes such a folder as unrelated images instead.
        yield return new BadInput("slices of different sizes", folder =>
        {
            Write(folder.File("ct/1.png"), Png(8, 8));
            Write(folder.File("ct/2.png"), Png(8, 9));
            return ["convert", folder.File("ct"), folder.File("ct.nii.gz")];
        }, CliApp.InputError, "2.png", "same size");
        yield return new BadInput("second slice cut", folder =>
        {
            Write(folder.File("ct/1.png"), Png(16, 16));
            Write(folder.File("ct/2.png"), Png(16, 16)[..40]);
            return ["inspect", folder.File("ct")];
        }, CliApp.InputError, "2.png");
        yield return new BadInput("a pipe named 2.png among slices", folder =>
        {
            Write(folder.File("ct/1.png"), Png(8, 8));
            Fifo(folder.File("ct/2.png"));
            return ["inspect", folder.File("ct")];
        }, CliApp.InputError, "2.png", "not a regular file");
        yield return new BadInput("a dangling link named 2.png among slices", folder =>
        {
            Write(folder.File("ct/1.png"), Png(8, 8));
            File.CreateSymbolicLink(folder.File("ct/2.png"), folder.File("gone.png"));
            return ["inspect", folder.File("ct")];
        }, CliApp.InputError, "2.png", "does not exist");
        yield return new BadInput("a link loop named 2.png among slices", folder =>
        {
            Write(folder.File("ct/1.png"), Png(8, 8));
            File.CreateSymbolicLink(folder.File("ct/2.png"), folder.File("ct/3.png"));
            File.CreateSymbolicLink(folder.File("ct/3.png"), folder.File("ct/2.png"));
            return ["inspect", folder.File("ct")];
        }, CliApp.InputError, "loop");
        yield return new BadInput("single cut PNG to detect", folder =>
        {
            Write(folder.File("slice.png"), Png(64, 64)[..300]);
            return ["detect", folder.File("slice.png"), "--out", folder.File("out.png")];
        }, CliApp.InputError, "slice.png", "truncated");
        yield return new BadInput("single 16-bit PNG to detect", folder =>
        {
            Write(folder.File("slice.png"), Png(64, 64, bitDepth: 16));
            return ["detect", folder.File("slice.png"), "--out", folder.File("out.png")];
        }, CliApp.InputError, "slice.png", "16-bit");
        yield return new BadInput("single 20000x20000 PNG to detect", folder =>
        {
            Write(folder.File("slice.png"), Png(20000, 20000, rows: 1));
            return ["detect", folder.File("slice.png"), "--out", folder.File("out.png")];
        }, CliApp.InputError, "slice.png", "limit");
    }

    private static BadInput Slice(string name, string fileName, Func<byte[]> bytes, params string[] keywords) =>
        new(name, folder =>
        {
            Write(folder.File(Path.Combine("ct", fileName)), bytes());
            return ["inspect", folder.File("ct")];
        }, CliApp.InputError, [fileName, .. keywords]);

    internal static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    internal static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(64, 64, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Opaque);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)(x * 4), (byte)(y * 4), (byte)(x ^ y)));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
