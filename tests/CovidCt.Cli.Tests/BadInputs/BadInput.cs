namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// One hostile or broken input of the corpus: how to make it in a fresh folder (returning the command line to run), the exit
/// code expected, and the words the error must contain.
/// </summary>
/// <param name="Name">Unique, shown as the test case.</param>
/// <param name="Arguments">Writes the files of the case into the folder and returns the covidct arguments.</param>
/// <param name="ExitCode">Expected exit code (2 for every input error).</param>
/// <param name="Keywords">Words the error (or, for cohort check, the output) must contain, case-insensitively.</param>
public sealed record BadInput(string Name, Func<TempFolder, string[]> Arguments, int ExitCode, params string[] Keywords)
{
    /// <summary>A case that writes nothing and runs <paramref name="args"/>.</summary>
    public static BadInput Options(string name, string[] args, params string[] keywords) => new(name, _ => args, CliApp.InputError, keywords);

    /// <summary>A case whose input is one file of <paramref name="bytes"/>, passed to <paramref name="command"/>.</summary>
    public static BadInput File(string name, string fileName, Func<byte[]> bytes, string[] command, params string[] keywords) =>
        new(name, folder =>
        {
            var path = folder.File(fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes());
            return [.. command, path];
        }, CliApp.InputError, [Path.GetFileName(fileName), .. keywords]);

    public override string ToString() => Name;
}
