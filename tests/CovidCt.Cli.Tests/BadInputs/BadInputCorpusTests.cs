using System.Text.RegularExpressions;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// The bad-input corpus (issue 15): every case runs the command line in-process on inputs generated in a fresh folder, and
/// must end with its exit code and a message holding its key words, in words a researcher reads (no .NET exception names).
/// </summary>
public sealed partial class BadInputCorpusTests
{
    private static readonly Dictionary<string, BadInput> Cases = OptionCases.All()
        .Concat(VolumeCases.All())
        .Concat(ImageCases.All())
        .Concat(DicomAndFolderCases.All())
        .Concat(CohortCases.All())
        .Concat(RunCases.All())
        .Concat(ReadLimitCases.All())
        .Concat(FuzzCases.All())
        .ToDictionary(c => c.Name);

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void Corpus_has_at_least_130_cases() => Assert.True(Cases.Count >= 130, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_gets_a_clear_error(string name)
    {
        var input = Cases[name];
        using var folder = new TempFolder();
        var args = input.Arguments(folder);
        // A case that hangs (a pipe opened for reading) fails here instead of stalling the suite.
        var run = await Task.Run(() => CliRun.Of(args)).WaitAsync(TimeSpan.FromSeconds(120));
        var text = run.Error + run.Output;
        Assert.True(input.ExitCode == run.ExitCode, $"'{name}': exit code {run.ExitCode}, expected {input.ExitCode}; said: {text}");
        foreach (var keyword in input.Keywords)
        {
            Assert.True(text.Contains(keyword, StringComparison.OrdinalIgnoreCase), $"'{name}': the message lacks '{keyword}': {text}");
        }
        Assert.False(ExceptionName().IsMatch(text), $"'{name}': the message names a .NET exception: {text}");
    }

    [Fact]
    public void An_undefined_auc_is_said_once()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("scores.csv"), "id,label,score\na,1,0.9\nb,1,0.2\n");
        var run = CliRun.Of("metrics", "scores", folder.File("scores.csv"));
        Assert.Contains("AUC undefined: no non-diseased cases", run.Output + run.Error);
        Assert.DoesNotContain("AUC undefined: AUC undefined", run.Output + run.Error);
    }

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionName();
}
