using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CovidCt.Data.Cohorts;

namespace CovidCt.Pipelines.Caching;

/// <summary>The cohort part of a <see cref="ProbabilityCacheKey"/>.</summary>
public static class CohortFingerprint
{
    /// <summary>
    /// Lower-case hex SHA-256 over the manifest's bytes (<see cref="CohortManifest.DefinitionBytes"/>) and, for every image file or folder it names, each file's relative
    /// path, size and last-write time, and the window each PNG/JPEG source is read with (<see cref="CohortEntry.Window"/>, so
    /// a <c>--window</c> default changes it as the manifest's window column does). Changing, adding or removing an image
    /// changes it; the pixel bytes are not read, so a rewrite that keeps size and time (rare) would not.
    /// </summary>
    public static string Compute(CohortManifest manifest)
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
                    var info = new FileInfo(file);
                    var line = string.Create(CultureInfo.InvariantCulture, $"{entry.PatientId}|{Path.GetRelativePath(manifest.Folder, file)}|{(info.Exists ? info.Length : -1)}|{(info.Exists ? info.LastWriteTimeUtc.Ticks : 0)}\n");
                    hash.AppendData(Encoding.UTF8.GetBytes(line));
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
