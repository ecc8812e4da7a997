using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CovidCt.Data.Cohorts;

namespace CovidCt.Pipelines.Caching;

/// <summary>The cohort part of a <see cref="ProbabilityCacheKey"/>, and the content fingerprint a quantised model records.</summary>
public static class CohortFingerprint
{
    /// <summary>
    /// Lower-case hex SHA-256 over the manifest's bytes (<see cref="CohortManifest.DefinitionBytes"/>) and, for every image file or folder it names, each file's relative
    /// path, size and last-write time, and the window each PNG/JPEG source is read with (<see cref="CohortEntry.Window"/>, so
    /// a <c>--window</c> default changes it as the manifest's window column does). Changing, adding or removing an image
    /// changes it; the pixel bytes are not read, so a rewrite that keeps size and time (rare) would not.
    /// </summary>
    public static string Compute(CohortManifest manifest) =>
        Hash(manifest, info => string.Create(CultureInfo.InvariantCulture, $"{(info.Exists ? info.Length : -1)}|{(info.Exists ? info.LastWriteTimeUtc.Ticks : 0)}"));

    /// <summary>
    /// As <see cref="Compute"/>, but with each file's SHA-256 in place of its size and last-write time: it reads every byte, and
    /// changes only when the images, masks, manifest or windows do. A cohort rebuilt into the same files (new times, same
    /// bytes) keeps it, so a model calibrated on it (<c>covidct model quantize</c>) records the same fingerprint and comes out
    /// byte for byte the same.
    /// </summary>
    public static string ComputeFromContent(CohortManifest manifest) =>
        Hash(manifest, info =>
        {
            if (!info.Exists) return "missing";
            using var file = info.OpenRead();
            return Convert.ToHexStringLower(SHA256.HashData(file));
        });

    // The manifest's bytes, then per patient its stated window and, for every file it names, the relative path and what
    // describe says of the file.
    private static string Hash(CohortManifest manifest, Func<FileInfo, string> describe)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifest.DefinitionBytes());
        foreach (var entry in manifest.Entries)
        {
            // Only stated windows are hashed, so a cohort read at the study window keeps the fingerprint it had before windows could be stated.
            if (entry.Window is { } window) hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{entry.PatientId}|window={window.Width:R}/{window.Level:R}\n")));
            foreach (var path in new[] { entry.ImagesPath, entry.MasksPath })
            {
                if (path is null) continue;
                var files = Directory.Exists(path)
                    ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    : (IEnumerable<string>)[path];
                foreach (var file in files)
                {
                    var line = $"{entry.PatientId}|{Path.GetRelativePath(manifest.Folder, file)}|{describe(new FileInfo(file))}\n";
                    hash.AppendData(Encoding.UTF8.GetBytes(line));
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
