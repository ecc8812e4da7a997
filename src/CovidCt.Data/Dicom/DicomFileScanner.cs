using CovidCt.Data.IO;

namespace CovidCt.Data.Dicom;

/// <summary>Finds the DICOM image files under a folder and reads their headers without their pixel data.</summary>
internal static class DicomFileScanner
{
    // Headers of CT files are a few kilobytes; a prefix this size almost always reaches Pixel Data.
    private const int PrefixBytes = 64 * 1024;

    /// <summary>The headers of every Part-10 file under <paramref name="folder"/> (recursively), and how many other files were skipped.</summary>
    public static (List<DicomSliceHeader> Headers, int Skipped) Scan(string folder)
    {
        var headers = new List<DicomSliceHeader>();
        var skipped = 0;
        foreach (var file in InputPaths.Files(folder, recursive: true))
        {
            // Pipes, devices, dangling links and empty files hold no DICOM; opening a pipe would block.
            var header = InputPaths.IsDataFile(file) ? ReadHeader(file) : null;
            if (header is null) skipped++;
            else headers.Add(header);
        }
        return (headers, skipped);
    }

    /// <summary>The header of <paramref name="file"/>, or null when it is not a DICOM Part-10 file.</summary>
    public static DicomSliceHeader? ReadHeader(string file)
    {
        byte[] prefix;
        long length;
        using (var stream = InputPaths.OpenRead(file, 1, FileOptions.SequentialScan))
        {
            length = stream.Length;
            prefix = new byte[Math.Min(length, PrefixBytes)];
            stream.ReadExactly(prefix);
        }
        if (!DicomParser.IsPart10(prefix)) return null;
        if (length <= PrefixBytes) return DicomParser.Parse(prefix, file, complete: true);
        var header = DicomParser.Parse(prefix, file, complete: false) ?? DicomParser.Parse(File.ReadAllBytes(file), file, complete: true)!;
        if (header.PixelDataOffset >= 0 && header.PixelDataOffset + header.PixelDataLength > length)
        {
            throw new InvalidInputException(file, $"Pixel Data declares {header.PixelDataLength} bytes but the file ends after {length - header.PixelDataOffset}; truncated file", field: DicomTag.Name(DicomTag.PixelData));
        }
        return header;
    }

    /// <summary>Reads the Pixel Data bytes of a scanned file into <paramref name="buffer"/>.</summary>
    public static void ReadPixelData(DicomSliceHeader header, Span<byte> buffer)
    {
        using var stream = new FileStream(header.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = header.PixelDataOffset;
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new InvalidInputException(header.File, "the file became shorter while it was being read", field: DicomTag.Name(DicomTag.PixelData));
        }
    }
}
