namespace CovidCt.Server.Uploads;

/// <summary>The per-request folder an upload is written into (readable by this user only), and its removal.</summary>
internal static class RequestFolder
{
    /// <summary>Creates the folder of request <paramref name="id"/> under <paramref name="root"/>.</summary>
    public static string Create(string root, string id)
    {
        Directory.CreateDirectory(root);
        var folder = Path.Combine(root, id);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    /// <summary>Deletes <paramref name="folder"/> and everything in it, when it is still there.</summary>
    public static void Delete(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
