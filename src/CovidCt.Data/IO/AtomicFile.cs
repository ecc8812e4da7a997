namespace CovidCt.Data.IO;

/// <summary>
/// Writes files so that a reader never sees a half-written one: the content goes to a temporary
/// file in the same folder, which is then renamed over the target (atomic on one file system).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically, and waits until the content is on the disk.</summary>
    /// <remarks>Creates the parent folder when missing. On any exception the temporary file is deleted and the target is left as it was.</remarks>
    public static void Write(string path, Action<Stream> write) => Write(path, write, flushToDisk: true);

    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>, atomically; with <paramref name="flushToDisk"/> false it
    /// does not wait for the disk (an fsync costs 4–10 ms per file here). Readers still never see a half-written file while the
    /// machine runs; after a power loss the file may be empty or damaged, so only files whose reader detects that and makes them
    /// again (the caches: a checksum, then "not cached") may skip the wait.
    /// </summary>
    /// <remarks>Creates the parent folder when missing. On any exception the temporary file is deleted and the target is left as it was.</remarks>
    public static void Write(string path, Action<Stream> write, bool flushToDisk)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Deletes the temporary files in <paramref name="folder"/> left by writers that were killed (their process is gone).</summary>
    /// <returns>How many were deleted.</returns>
    public static int DeleteOrphans(string folder)
    {
        var deleted = 0;
        foreach (var temp in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            // ".NAME.PID.GUID.tmp": the process id is the second field from the end.
            var parts = Path.GetFileName(temp).Split('.');
            if (parts.Length < 5 || !int.TryParse(parts[^3], out var pid) || IsAlive(pid)) continue;
            try
            {
                File.Delete(temp);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may be cleaning the same folder; what it leaves, a later run removes.
            }
        }
        return deleted;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
}
