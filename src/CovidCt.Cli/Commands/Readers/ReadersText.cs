using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Readers;

namespace CovidCt.Cli.Commands;

/// <summary>The console tables of <c>covidct readers analyse</c>.</summary>
internal static class ReadersText
{
    public static void Write(TextWriter output, ReaderStudyReport report)
    {
        var console = TextConsole.Create(output);
        var study = report.Study;
        var ci = $"{TextFormat.Level(report.Level)} CI";
        console.Line($"{study.Readers.Count} readers × {study.Cases.Count} cases ({study.Truth.Count(t => t)} diseased) × {study.Modalities.Count} modalities: {string.Join(", ", study.Modalities)}");
        console.Line();
        console.Line("AUC, Obuchowski–Rockette with Hillis degrees of freedom (readers and cases random; jackknife covariances):");
        if (report.Mrmc is not { } mrmc)
        {
            console.Line($"  undefined: {report.MrmcUndefinedReason}");
        }
        else
        {
            var table = TextConsole.Table(["Modality", "Mean AUC", "SE", "df", ci, .. study.Readers.Select(r => $"Reader {r}")]);
            foreach (var m in mrmc.Modalities)
            {
                table.AddTextRow([m.Name, N(m.MeanAuc), N(m.StandardError, "0.0000"), Df(m.DegreesOfFreedom), Range(m.Interval), .. m.ReaderAucs.Select(a => N(a))]);
            }
            console.Write(table);
            if (mrmc.Test is { } test)
            {
                console.Line(test.F is { } f
                    ? $"  Test of equal mean AUCs in every modality: F({Df(test.NumeratorDegreesOfFreedom)}, {Df(test.DenominatorDegreesOfFreedom)}) = {N(f, "0.###")}, p = {P(test.P!.Value)}"
                    : $"  F test undefined: {test.UndefinedReason}");
                var differences = TextConsole.Table("Difference", "Estimate", "SE", "df", ci, "p");
                foreach (var d in mrmc.Differences)
                {
                    differences.AddTextRow($"{d.First} − {d.Second}", N(d.Estimate, "+0.000;−0.000;0.000"), N(d.StandardError, "0.0000"), Df(d.DegreesOfFreedom),
                        Range(d.Interval), d.P is { } p ? P(p) : "undefined (SE 0)");
                }
                console.Write(differences);
            }
            foreach (var caveat in mrmc.Caveats) console.Line($"  note: {caveat}");
        }
        console.Line();
        WriteAgreement(console, report, ci);
        console.Line();
        WriteTimes(console, report, ci);
    }

    private static void WriteAgreement(Spectre.Console.IAnsiConsole console, ReaderStudyReport report, string ci)
    {
        if (report.AgreementOn is null)
        {
            console.Line($"Agreement: undefined: {report.AgreementUndefinedReason}");
            return;
        }
        console.Line(report.AgreementOn == "decision"
            ? "Agreement on the decisions (unweighted kappa):"
            : "Agreement on the scores as rating categories (unweighted kappa: every disagreement counts the same):");
        var table = TextConsole.Table("Modality", "Readers", "Kappa", ci, "Method", "Note");
        foreach (var m in report.Agreement)
        {
            table.AddTextRow(m.Modality, $"all {m.Fleiss.Raters} (Fleiss)", Kappa(m.Fleiss), Range(m.Fleiss.Kappa.Interval), m.Fleiss.Kappa.Interval?.Method ?? "—", m.Fleiss.Caveat ?? "");
            foreach (var (first, second, kappa) in m.Pairs)
            {
                table.AddTextRow("", $"{first} & {second} (Cohen)", Kappa(kappa), Range(kappa.Kappa.Interval), kappa.Kappa.Interval?.Method ?? "—", kappa.Caveat ?? "");
            }
        }
        console.Write(table);
    }

    private static void WriteTimes(Spectre.Console.IAnsiConsole console, ReaderStudyReport report, string ci)
    {
        if (report.ReadingTimes.Count == 0)
        {
            console.Line($"Reading time: undefined: {report.ReadingTimesUndefinedReason}");
            return;
        }
        console.Line($"Reading time, ratio of geometric means against {report.Reference} (readers and cases random):");
        var table = TextConsole.Table("Modality", $"Geometric mean ({report.Reference})", "Geometric mean", "Ratio", ci, "Change", "df");
        foreach (var t in report.ReadingTimes)
        {
            table.AddTextRow(t.Other, N(t.ReferenceGeometricMean, "0.##"), N(t.OtherGeometricMean, "0.##"), N(t.Ratio.Value!.Value), Range(t.Ratio.Interval),
                $"{N(100 * t.RelativeChange!.Value, "+0.#;−0.#;0")}%", Df(t.DegreesOfFreedom));
        }
        console.Write(table);
        foreach (var caveat in report.ReadingTimes.Select(t => t.Caveat).OfType<string>().Distinct()) console.Line($"  note: {caveat}");
    }

    private static string Kappa(KappaResult k) => k.Kappa.Value is { } v ? N(v) : $"undefined: {k.Kappa.UndefinedReason}";

    private static string N(double value, string format = "0.000") => TextFormat.Number(value, format);

    private static string Df(double df) => double.IsPositiveInfinity(df) ? "∞" : N(df, "0.##");

    private static string P(double p) => p < 0.0001 ? "<0.0001" : N(p, "0.0000");

    private static string Range(ConfidenceInterval? interval) => interval is { } i ? $"{N(i.Lower)}–{N(i.Upper)}" : "—";
}
