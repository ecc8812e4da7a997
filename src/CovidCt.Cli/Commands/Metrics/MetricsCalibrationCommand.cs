using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CovidCt.Cli.Output;
using CovidCt.Data.IO;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Files;

namespace CovidCt.Cli.Commands;

/// <summary>
/// <c>covidct metrics calibration FILE.csv</c>: for scores that are probabilities, the Brier score, calibration intercept
/// and slope, the reliability curve and the decision curve (net benefit against treat-all and treat-none).
/// </summary>
internal static class MetricsCalibrationCommand
{
    private const int MaxBins = 1000;

    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "CSV with columns id,label,score; score = predicted probability of disease, in [0, 1]." };
        var bins = new Option<int>("--bins") { Description = $"Equal-width bins of the reliability curve (1 to {MaxBins}).", DefaultValueFactory = _ => 10 };
        var thresholds = new Option<string>("--net-benefit-at")
        {
            Description = "Threshold probabilities of the decision curve, comma-separated, each in (0, 1).",
            DefaultValueFactory = _ => string.Join(",", DecisionCurve.DefaultThresholds.Select(t => t.ToString(CultureInfo.InvariantCulture))),
        };
        var step = new Option<string?>("--score-step")
        {
            Description = "The grid the scores were rounded to, as 1/N or a number (1/255 for scores from covidct's 8-bit probability maps, cached or not): "
                + "an exact 0 or 1 is then read as the edge of its rounding bin (1/510 or 1 - 1/510) for the intercept and slope, and counted in a caveat. "
                + "Without it, a score of exactly 0 or 1 leaves the intercept and slope undefined (its logit is infinite).",
        };
        var level = MetricsOptions.Level();
        var json = MetricsOptions.Json();
        var command = new Command("calibration", "Calibration of probability scores: Brier score, calibration intercept and slope, reliability curve, decision curve (net benefit).")
        {
            file, bins, thresholds, step, level, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(bins) is < 1 or > MaxBins) throw new UsageException($"--bins must be between 1 and {MaxBins:N0}; got {parse.GetValue(bins):N0}");
            var points = ParseThresholds(parse.GetValue(thresholds)!);
            var lvl = MetricsOptions.CheckedLevel(parse.GetValue(level));
            var cases = MetricsScoreFile.Read(path, "score");
            var probabilities = cases.Select(c => c.Scores[0]).ToArray();
            var outcomes = cases.Select(c => c.Diseased).ToArray();
            var bad = Array.FindIndex(probabilities, p => !(p >= 0 && p <= 1));
            if (bad >= 0)
            {
                throw new InvalidInputException(path, $"case '{cases[bad].Id}': score {probabilities[bad].ToString(CultureInfo.InvariantCulture)} is not a probability in [0, 1], as calibration needs", field: "score");
            }
            var calibration = Calibration.Compute(probabilities, outcomes, lvl, ParseStep(parse.GetValue(step)));
            var curve = ReliabilityCurve.Compute(probabilities, outcomes, parse.GetValue(bins), lvl);
            var decisions = DecisionCurve.Compute(probabilities, outcomes, points);
            if (parse.GetValue(json)) Json(output, path, calibration, curve, decisions);
            else Text(output, path, calibration, curve, decisions);
            return CliApp.Success;
        });
        return command;
    }

    // "1/255" or "0.5": a grid step in (0, 0.5].
    private static double? ParseStep(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        double? value = parts switch
        {
            [var number] when double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
            ["1", var denominator] when double.TryParse(denominator, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n != 0 => 1 / n,
            _ => null,
        };
        return value is > 0 and <= 0.5
            ? value
            : throw new UsageException($"--score-step takes the grid step the scores were rounded to, as 1/N (N at least 2) or a number in (0, 0.5], e.g. 1/255; '{text}' is not one");
    }

    private static double[] ParseThresholds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t > 0 && t < 1
            ? t
            : throw new UsageException($"--net-benefit-at takes probabilities in (0, 1) separated by commas; '{p}' is not one")).ToArray();
    }

    private static void Text(TextWriter output, string path, CalibrationResult c, IReadOnlyList<ReliabilityBin> curve, IReadOnlyList<NetBenefitPoint> decisions)
    {
        var console = TextConsole.Create(output);
        console.Line($"{path}: {TextFormat.Count(c.Cases)} cases");
        console.Line($"Brier score {TextFormat.Number(c.Brier, "0.0000")} (predicting the prevalence for everyone: {TextFormat.Number(c.ReferenceBrier, "0.0000")})");
        // Intercept and slope are undefined together, for one reason: say it once.
        console.Line(c.Slope.UndefinedReason is { } reason
            ? $"Calibration intercept and slope undefined: {reason}"
            : $"Calibration intercept {Coefficient(c.Intercept)} (ideal 0); slope {Coefficient(c.Slope)} (ideal 1)");
        if (c.Caveat is { } caveat) console.Line($"Caveat: {caveat}");
        console.Line();
        console.Line("Reliability curve:");
        var table = TextConsole.Table("Bin", "Cases", "Mean predicted", "Observed", "CI (wilson)");
        foreach (var bin in curve)
        {
            table.AddTextRow($"{TextFormat.Number(bin.Lower, "0.00")}–{TextFormat.Number(bin.Upper, "0.00")}", TextFormat.Count(bin.Cases),
                bin.MeanPredicted is { } m ? TextFormat.Number(m, "0.000") : "—", TextFormat.Value("sensitivity", bin.Observed), TextFormat.Interval("sensitivity", bin.Observed));
        }
        console.Write(table);
        console.Line("Decision curve (Vickers and Elkin 2006; treat when probability ≥ threshold; treat-none is 0):");
        var net = TextConsole.Table("Threshold", "TP", "FP", "Net benefit", "Treat all");
        foreach (var p in decisions)
        {
            net.AddTextRow(TextFormat.Number(p.Threshold, "0.###"), TextFormat.Count(p.Counts.TruePositives), TextFormat.Count(p.Counts.FalsePositives),
                TextFormat.Number(p.NetBenefit, "0.0000"), TextFormat.Number(p.TreatAll, "0.0000"));
        }
        console.Write(net);
    }

    private static string Coefficient(Estimate e) =>
        $"{TextFormat.Number(e.Value!.Value, "0.000")} ({TextFormat.Level(e.Interval!.Level)} CI {TextFormat.Number(e.Interval.Lower, "0.000")} to {TextFormat.Number(e.Interval.Upper, "0.000")})";

    // The file, then the one calibration document metrics.json writes too, property by property.
    private static void Json(TextWriter output, string path, CalibrationResult c, IReadOnlyList<ReliabilityBin> curve, IReadOnlyList<NetBenefitPoint> decisions) => JsonOutput.Write(output, j =>
    {
        j.Writer.WriteString("file", path);
        foreach (var property in JsonSerializer.SerializeToElement(CalibrationDocument.Of(c, curve, decisions), OutputJson.Options).EnumerateObject()) property.WriteTo(j.Writer);
    });
}
