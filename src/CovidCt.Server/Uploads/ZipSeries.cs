using System.IO.Compression;

namespace CovidCt.Server.Uploads;

/// <summary>
/// Unpacks a DICOM series uploaded as .zip into the request folder, refusing what could escape it or exhaust the machine:
/// entries that climb out of the archive (../, absolute paths), more entries than allowed, and zip bombs (an entry unpacking to far
/// more than it packs, or the whole to more than a volume may be). Sizes are counted as bytes are written, not read from headers.
/// </summary>
internal static class ZipSeries
{
    private const long BombFloorBytes = 1024 * 1024;

    /// <summary>Unpacks <paramref name="zipPath"/> into a new folder beside it and returns that folder.</summary>
    /// <exception cref="UploadRejectedException">When the archive is unreadable, unsafe or too large.</exception>
    public static string Extract(string zipPath, ServeOptions options)
    {
        var target = Path.Combine(Path.GetDirectoryName(zipPath)!, "series");
        Directory.CreateDirectory(target);
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            var files = archive.Entries.Where(e => !IsFolder(e)).ToList();
            if (files.Count > options.MaxZipEntries)
            {
                throw new UploadRejectedException(413, "Too many files in the zip", $"the zip holds {files.Count} files; at most {options.MaxZipEntries} are accepted in one series");
            }
            if (files.Count == 0) throw new UploadRejectedException(422, "Empty zip", "the zip holds no files; expected the DICOM files of one series");
            foreach (var entry in archive.Entries) RefuseUnsafe(entry.FullName);
            long total = 0;
            for (var i = 0; i < files.Count; i++) total = Unpack(files[i], Path.Combine(target, $"{i + 1:00000}{SafeExtension(files[i].Name)}"), total, options);
            return target;
        }
        catch (InvalidDataException e)
        {
            throw new UploadRejectedException(422, "Unreadable zip", $"the zip cannot be read ({e.Message}); expected a .zip of the DICOM files of one series");
        }
    }

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    // Entries are unpacked under made-up names, so nothing can land outside the folder; an entry that tries is still refused,
    // since such an archive was made to attack an unpacker.
    private static void RefuseUnsafe(string name)
    {
        var parts = name.Split('/', '\\');
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':') || parts.Contains("..") || name.Contains('\0'))
        {
            throw new UploadRejectedException(400, "Unsafe zip entry", "the zip has an entry whose path leaves the archive (an absolute path or '..'); re-create the zip from the series folder");
        }
    }

    private static string SafeExtension(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length <= 8 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    private static long Unpack(ZipArchiveEntry entry, string path, long total, ServeOptions options)
    {
        var allowed = Math.Max(BombFloorBytes, entry.CompressedLength * options.MaxZipRatio);
        using var input = entry.Open();
        using var output = File.Create(path);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            total += read;
            if (written > allowed)
            {
                throw new UploadRejectedException(413, "Zip bomb", $"a zip entry unpacks to more than {options.MaxZipRatio} times its packed size; refused as a zip bomb");
            }
            if (total > options.MaxVolumeBytes) throw new UploadRejectedException(413, "Upload too large", $"the zip unpacks to more than {options.MaxVolumeBytes / (1024 * 1024.0):0.#} MB, the most this server accepts for a volume");
            output.Write(buffer, 0, read);
        }
        return total;
    }
}
