namespace CovidCt.Cli.Commands;

/// <summary>
/// The CT sources under a folder tree, as <c>cohort scan</c> finds them: every folder that directly holds a DICOM Part-10 file
/// (one series) and every NIfTI file (.nii, .nii.gz). Each is named by its path relative to the root, with '/' separators.
/// </summary>
internal static class CohortSources
{
    public static IReadOnlyList<string> Find(string root)
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
        {
            var files = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToArray();
            if (files.Any(IsDicom)) found.Add(Relative(root, folder));
            found.AddRange(files.Where(IsNifti).Select(f => Relative(root, f)));
        }
        return found.Order(StringComparer.Ordinal).ToArray();
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsNifti(string file) => file.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase);

    // A DICOM Part-10 file: 128-byte preamble, then "DICM" (whatever its extension: scanners often write none).
    private static bool IsDicom(string file)
    {
        var prefix = new byte[132];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) == prefix.Length && prefix.AsSpan(128, 4).SequenceEqual("DICM"u8);
    }
}
