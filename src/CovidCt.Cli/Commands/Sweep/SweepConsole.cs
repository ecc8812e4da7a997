using CovidCt.Data.Cohorts;
using System.Globalization;
using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;
using Spectre.Console;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>covidct sweep</c> prints: with --json the sweep document; otherwise (unless --quiet) the Pareto fronts, where the study's
/// setting sits, and the tuned operating point. On an image-level cohort only the per-image front and figures, with the line
/// evaluate prints about the missing per-patient table.
/// </summary>
internal static class SweepConsole
{
    public static void Write(TextWriter output, SweepSettings settings, SweepRun run)
    {
        if (settings.Json) output.Write(OutputJson.Serialize(SweepDocument.Of(run.Model.Path, run.Manifest, run.Split, run.Result!, run.Tuned, run.CsvPath, run.Elapsed)));
        else if (!settings.Quiet) Text(output, run);
    }

    private static void Text(TextWriter output, SweepRun run)
    {
        var console = TextConsole.Create(output);
        var result = run.Result!;
        var c = CultureInfo.InvariantCulture;
        // An image-level cohort has no patients: its per-patient front and the study's per-patient figures give way to the line evaluate prints.
        var patients = CohortLevelText.HasPatientTable(run.Manifest);
        var cases = patients ? $"{Plural.Count(result.Patients, "patient")}, {Plural.Count(result.Slices, "slice")}" : Plural.Count(result.Patients, "image");
        console.Line(string.Create(c, $"{result.Grid.Count} settings of {Path.GetFileName(run.Model.Path)} on {cases} (split {CohortSplitNames.NameOrAll(run.Split)}) in {run.Elapsed.TotalSeconds:0.0} s"));
        if (result.ImagesWithoutTruth > 0) console.Line(string.Create(c, $"{Plural.Count(result.ImagesWithoutTruth, "slice")} of COVID-19 patients without masks {(result.ImagesWithoutTruth == 1 ? "has" : "have")} no per-image truth and {(result.ImagesWithoutTruth == 1 ? "is" : "are")} left out of the per-image columns."));
        console.Line($"Every setting: {run.CsvPath}");
        if (!patients)
        {
            console.Line();
            console.Line(CohortLevelText.NoPatientTable);
        }
        foreach (var level in patients ? new[] { SweepLevel.Patient, SweepLevel.Image } : [SweepLevel.Image])
        {
            console.Line();
            var front = result.ParetoFront(level);
            console.Line($"Pareto front, per {(level == SweepLevel.Patient ? "patient" : "image")}: sensitivity vs specificity ({front.Count} {(front.Count == 1 ? "point" : "points")})");
            if (front.Count == 0)
            {
                console.Line("  none: sensitivity or specificity is undefined at every setting (no positives or no negatives at this level)");
                continue;
            }
            var table = TextConsole.Table("sensitivity", "specificity", "threshold", "min pixels", "k", "quadrants", "assignment", "settings here");
            foreach (var point in front)
            {
                var s = point.Representative.Setting;
                table.AddTextRow(TextFormat.Percent(point.Sensitivity), TextFormat.Percent(point.Specificity), Describe(s)[0], Describe(s)[1], Describe(s)[2], Describe(s)[3], Describe(s)[4],
                    point.Settings.Count.ToString(c) + (point.Settings.Contains(SweepSetting.Study) ? " (study's)" : ""));
            }
            console.Write(table);
        }
        console.Line();
        console.Line(StudyLine(result, patients));
        if (run.Tuned is { } tuned) WriteTuned(console, tuned);
    }

    /// <summary>Threshold, minimum pixels, k, quadrant rule and assignment as printed.</summary>
    public static string[] Describe(SweepSetting s) =>
    [
        s.Threshold.ToString("0.00##", CultureInfo.InvariantCulture),
        s.MinPixels.ToString(CultureInfo.InvariantCulture),
        s.ConsecutiveSlices.ToString(CultureInfo.InvariantCulture),
        s.SameQuadrant ? "same" : "any",
        s.Assignment.ToString().ToLowerInvariant(),
    ];

    private static string StudyLine(SweepResult result, bool patients)
    {
        if (result.StudyDefaults is not { } study) return "The study's setting (0.50, more than 25 pixels, k 3, same quadrant, centroid) is not in this grid.";
        var perPatient = patients ? $"per patient {Pair(study.Patient)} ({Where(result, study, SweepLevel.Patient)}); " : "";
        return $"The study's setting (0.50, more than 25 pixels, k 3, same quadrant, centroid): {perPatient}per image {Pair(study.Image)} ({Where(result, study, SweepLevel.Image)}).";
    }

    private static string Where(SweepResult result, SweepRow row, SweepLevel level) =>
        result.ParetoFront(level).Any(p => p.Settings.Contains(row.Setting)) ? "on the front" : "dominated";

    private static string Pair(DiagnosticMetrics m) => $"sensitivity {TextFormat.Percent(m.Sensitivity.Value)}, specificity {TextFormat.Percent(m.Specificity.Value)}";

    private static void WriteTuned(IAnsiConsole console, TunedOperatingPoint tuned)
    {
        var (on, to) = (CohortSplitNames.NameOrAll(tuned.TunedOn), CohortSplitNames.NameOrAll(tuned.ReportedOn));
        var s = Describe(tuned.Chosen.Setting);
        console.Line();
        console.Line($"Operating point chosen on {on} (highest per-patient Youden's J {TextFormat.Number(tuned.Chosen.Patient.YoudenJ.Value!.Value)}; ties: per-image J, then closest to the study's):");
        console.Line($"  threshold {s[0]}, more than {s[1]} pixels, k {s[2]}, {s[3]} quadrant, {s[4]}");
        console.Line($"Reported once on {to}:");
        var table = TextConsole.Table("level", "metric", "value", "counts", "95% CI");
        foreach (var (level, metrics) in new[] { ("patient", tuned.Reported.Patient), ("image", tuned.Reported.Image) })
        {
            foreach (var (name, estimate) in new[] { ("sensitivity", metrics.Sensitivity), ("specificity", metrics.Specificity), ("accuracy", metrics.Accuracy), ("PPV", metrics.Ppv), ("NPV", metrics.Npv) })
            {
                var interval = estimate.Interval is { } i ? $"{TextFormat.Percent(i.Lower)} – {TextFormat.Percent(i.Upper)}" : "";
                table.AddTextRow(level, name, estimate.Value is null ? $"undefined ({estimate.UndefinedReason})" : TextFormat.Percent(estimate.Value),
                    string.Create(CultureInfo.InvariantCulture, $"{estimate.Numerator:0}/{estimate.Denominator:0}"), interval);
            }
        }
        console.Write(table);
    }
}
