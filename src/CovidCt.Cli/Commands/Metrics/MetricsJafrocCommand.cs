using System.CommandLine;
using CovidCt.Data.IO;
using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics jafroc A.csv [B.csv]</c>: the lesion-localisation figures of merit (wAFROC, the JAFROC method's
/// recommendation, and AFROC) with a jackknife interval over cases, or over patients with a patient column; with a second
/// file, the paired comparison of the two detectors on the same cases.
/// </summary>
internal static class MetricsJafrocCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "One or two CSVs with columns id,lesion,score[,weight][,patient]: a row per true lesion (score = its best hitting mark, empty when unmarked), per non-lesion mark (lesion empty), or per case with neither (both empty). Two files: detector A and B on the same cases.",
            Arity = new ArgumentArity(1, 2),
        };
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("jafroc", "Lesion-level figures of merit (wAFROC and AFROC, Chakraborty) with a jackknife CI; two files: paired comparison.")
        {
            files, level, json,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var a = Analyse(paths[0], lvl);
            JafrocAnalysis? b = paths.Length > 1 ? Analyse(paths[1], lvl) : null;
            var comparisons = b is null ? null : Compare(paths[1], a, b, lvl);
            if (parse.GetValue(json)) JafrocOutput.Json(output, a, b, comparisons);
            else JafrocOutput.Text(output, a, b, comparisons);
            return CliApp.Success;
        });
        return command;
    }

    private static JafrocAnalysis Analyse(string path, double level)
    {
        var cases = JafrocFile.Read(path);
        try
        {
            return new JafrocAnalysis(path, cases, cases.Any(c => !string.Equals(c.Id, c.Cluster, StringComparison.Ordinal)),
                Jafroc.Compute(cases, JafrocFigure.WeightedAfroc, level), Jafroc.Compute(cases, JafrocFigure.Afroc, level));
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(path, e.Message, inner: e);
        }
    }

    private static JafrocComparison[] Compare(string pathB, JafrocAnalysis a, JafrocAnalysis b, double level)
    {
        try
        {
            return [Jafroc.Compare(a.Cases, b.Cases, JafrocFigure.WeightedAfroc, level), Jafroc.Compare(a.Cases, b.Cases, JafrocFigure.Afroc, level)];
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(pathB, $"does not describe the same cases as {a.Path}: {e.Message}", inner: e);
        }
    }
}

/// <summary>One detector's file and both figures of merit.</summary>
internal sealed record JafrocAnalysis(string Path, IReadOnlyList<FreeResponseCase> Cases, bool ByPatient, JafrocResult Weighted, JafrocResult Afroc);
