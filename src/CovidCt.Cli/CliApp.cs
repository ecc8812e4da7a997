using System.CommandLine;
using CovidCt.Data;

namespace CovidCt.Cli;

/// <summary>
/// The covidct command: builds the command tree and maps failures to exit codes
/// (0 success, 2 usage, input or file-system error, 3 out of memory, 1 an internal error).
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a failure that is not the user's input.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error or bad input.</summary>
    public const int InputError = 2;

    /// <summary>Exit code when the machine runs out of memory.</summary>
    public const int OutOfMemory = 3;

    /// <summary>Runs the command line in-process; tests call this with string writers.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'covidct --help' for usage.");
            return InputError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CovidCtInputException or UsageException)
        {
            // An input error's message names its file, line and field; a usage error's names the option.
            error.WriteLine($"error: {e.Message}");
            return InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file system refused (a folder where a file is expected, no permission, a full disk): its own words say which path.
            error.WriteLine($"error: a file could not be read or written: {e.Message}");
            return InputError;
        }
        catch (OutOfMemoryException)
        {
            error.WriteLine("error: out of memory: the input is larger than this machine can hold; use a smaller input or a machine with more memory");
            return OutOfMemory;
        }
        catch (Exception e)
        {
            // Anything else is a defect in CovidCt, not the user's doing: the type tells the maintainers where to look.
            error.WriteLine($"error: internal error ({e.GetType().Name}): {e.Message}; please report it with the command line");
            return Failure;
        }
    }

    private static RootCommand BuildRoot(TextWriter output)
    {
        var root = new RootCommand("CovidCt: evaluate and compare CT detectors for COVID-19 pneumonia, as in Chen et al. 2020.");
        foreach (var command in CommandGroups(output)) root.Subcommands.Add(command);
        return root;
    }

    // Each area of the product contributes its commands here, one line each.
    private static IEnumerable<Command> CommandGroups(TextWriter output)
    {
        yield return Commands.MetricsCommands.Create(output);
        yield return Commands.ReadersCommands.Create(output);
        yield return Commands.PaperCommand.Create(output);
        yield return Commands.InspectCommand.Create(output);
        yield return Commands.ConvertCommand.Create(output);
        yield return Commands.CohortCommands.Create(output, Commands.CohortBuildCommand.Create(output));
        yield return Commands.EvaluateCommand.Create();
        yield return Commands.CompareCommand.Create();
        yield return Commands.DetectCommand.Create();
        yield return Commands.SweepCommand.Create();
        yield return Commands.ServeCommand.Create();
        yield return Commands.ClusterCommands.Create();
        yield return Commands.ModelCommands.Create();
    }
}

/// <summary>
/// A command-line usage error detected after parsing (conflicting options, bad ranges, a split or default asset that is not
/// there); exit code 2. Not a <see cref="CovidCtInputException"/>: it names the option at fault, not a file.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
