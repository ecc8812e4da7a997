namespace CovidCt.Data.IO;

/// <summary>
/// Lists and opens input files so that what a folder scan meets — a dangling link, a link loop, an unreadable folder, a
/// pipe or a device — ends in an <see cref="InvalidInputException"/> naming the path, never a hang or a raw system error.
/// </summary>
internal static class InputPaths
{
    /// <summary>The files under <paramref name="folder"/> (recursively when asked), in ordinal order; links to folders are not followed.</summary>
    /// <exception cref="InvalidInputException">When a folder on the way cannot be listed.</exception>
    public static List<string> Files(string folder, bool recursive)
    {
        var files = new List<string>();
        Collect(new DirectoryInfo(folder), recursive, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Collect(DirectoryInfo folder, bool recursive, List<string> files)
    {
        // Hidden files count (as they always did); nothing unreadable is skipped silently.
        var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 };
        List<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos("*", options).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(folder.FullName, $"the folder cannot be listed ({e.Message}); expected a readable folder", inner: e);
        }
        foreach (var entry in entries)
        {
            if (entry is FileInfo) files.Add(entry.FullName);
            // A link to a folder is not followed, so a link loop cannot recurse forever.
            else if (recursive && entry is DirectoryInfo sub && entry.LinkTarget is null) Collect(sub, recursive, files);
        }
    }

    /// <summary>
    /// True when <paramref name="file"/> is a regular file that can hold data: a dangling link, a pipe, a device or an
    /// empty file (which reading would block on, or find nothing in) is not.
    /// </summary>
    public static bool IsDataFile(string file) => Problem(file) is null;

    // Why the file cannot hold data, or null when it can. FileInfo.Exists is true for a dangling link, so links are resolved.
    private static string? Problem(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
        {
            try
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target) return "is a link to a file that does not exist";
                info = target;
            }
            catch (IOException)
            {
                return "is a link that leads back to itself (a link loop)";
            }
        }
        if (!info.Exists) return "does not exist";
        // A pipe, socket or device reports length 0 on Linux; opening a pipe would block forever.
        return info.Length > 0 ? null : "is empty, or not a regular file (a pipe, socket or device); expected a file with CT data";
    }

    /// <summary>Opens <paramref name="file"/> for reading.</summary>
    /// <exception cref="InvalidInputException">When the file is a dangling link, not a regular file, empty, or cannot be read.</exception>
    public static FileStream OpenRead(string file, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        if (Problem(file) is { } problem) throw new InvalidInputException(file, problem);
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(file, $"cannot be read: {e.Message}", inner: e);
        }
    }
}
