using System.Globalization;
using CovidCt.Interactive.Html;
using CovidCt.Metrics;
using CovidCt.Reporting.Readers;

namespace CovidCt.Interactive.Formatting;

/// <summary>
/// HTML for a reader-study analysis (<see cref="ReaderStudyAnalysis"/>), the tables <c>covidct readers analyse</c> prints: the
/// Obuchowski–Rockette MRMC comparison of AUCs with Hillis's degrees of freedom, Fleiss' and Cohen's kappa per modality, and the
/// reading-time ratio of geometric means. A part that cannot be computed shows as undefined with its reason; every caveat is shown.
/// </summary>
public static class ReaderStudyHtml
{
    /// <summary>The three parts of <paramref name="report"/>, each under its own caption.</summary>
    public static string Report(ReaderStudyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var study = report.Study;
        var ci = $"{(report.Level * 100).ToString("0.##", CultureInfo.InvariantCulture)}% CI";
        return Markup.Block(
            Markup.Paragraph($"{study.Readers.Count} readers × {study.Cases.Count} cases ({study.Truth.Count(t => t)} diseased) × {study.Modalities.Count} modalities: {string.Join(", ", study.Modalities)}"),
            Mrmc(report, ci), Agreement(report, ci), ReadingTimes(report, ci));
    }

    private static string Mrmc(ReaderStudyReport report, string ci)
    {
        const string caption = "AUC, Obuchowski–Rockette with Hillis degrees of freedom (readers and cases random; jackknife covariances)";
        if (report.Mrmc is not { } mrmc) return Markup.Paragraph($"{caption}: undefined: {report.MrmcUndefinedReason}");
        var modalities = Markup.Table(caption, ["Modality", "Mean AUC", "SE", "df", ci, .. mrmc.Readers.Select(r => $"Reader {r}")], mrmc.Modalities.Select(m => (IReadOnlyList<Cell>)
        [
            Markup.Encode(m.Name), Cell.Numeric(Markup.Number(m.MeanAuc)), Cell.Numeric(Markup.Number(m.StandardError, 4)), Cell.Numeric(Df(m.DegreesOfFreedom)),
            Cell.Numeric(Markup.Interval(m.Interval, asPercent: false)), .. m.ReaderAucs.Select(a => Cell.Numeric(Markup.Number(a))),
        ]));
        var parts = new List<string> { modalities };
        if (mrmc.Test is { } test)
        {
            parts.Add(test.F is { } f
                ? $"<p>Test of equal mean AUCs in every modality: F({Df(test.NumeratorDegreesOfFreedom)}, {Df(test.DenominatorDegreesOfFreedom)}) = {Markup.Number(f)}, p = {Markup.PValue(test.P!.Value)}</p>"
                : Markup.Paragraph($"F test undefined: {test.UndefinedReason}"));
            parts.Add(Markup.Table("Differences in mean AUC", ["Difference", "Estimate", "SE", "df", ci, "p"], mrmc.Differences.Select(d => (IReadOnlyList<Cell>)
            [
                Markup.Encode($"{d.First} − {d.Second}"), Cell.Numeric(Markup.Number(d.Estimate)), Cell.Numeric(Markup.Number(d.StandardError, 4)),
                Cell.Numeric(Df(d.DegreesOfFreedom)), Cell.Numeric(Markup.Interval(d.Interval, asPercent: false)),
                Cell.Numeric(d.P is { } p ? Markup.PValue(p) : Markup.Undefined("the standard error is 0")),
            ])));
        }
        parts.AddRange(mrmc.Caveats.Select(c => Markup.Paragraph($"Note: {c}")));
        return string.Concat(parts);
    }

    private static string Agreement(ReaderStudyReport report, string ci)
    {
        if (report.AgreementOn is null) return Markup.Paragraph($"Agreement: undefined: {report.AgreementUndefinedReason}");
        var caption = report.AgreementOn == "decision"
            ? "Agreement on the decisions (unweighted kappa)"
            : "Agreement on the scores as rating categories (unweighted kappa: every disagreement counts the same)";
        var rows = report.Agreement.SelectMany(m => new[] { (m.Modality, Readers: $"all {m.Fleiss.Raters} (Fleiss)", Kappa: m.Fleiss) }
            .Concat(m.Pairs.Select(p => (Modality: "", Readers: $"{p.First} & {p.Second} (Cohen)", p.Kappa))));
        return Markup.Table(caption, ["Modality", "Readers", "Kappa", ci, "Method", "Note"], rows.Select(r => (IReadOnlyList<Cell>)
        [
            Markup.Encode(r.Modality), Markup.Encode(r.Readers),
            Cell.Numeric(r.Kappa.Kappa.Value is { } v ? Markup.Number(v) : Markup.Undefined(r.Kappa.Kappa.UndefinedReason)),
            Cell.Numeric(Markup.Interval(r.Kappa.Kappa.Interval, asPercent: false)), Markup.Encode(r.Kappa.Kappa.Interval?.Method ?? "—"), Markup.Encode(r.Kappa.Caveat ?? ""),
        ]));
    }

    private static string ReadingTimes(ReaderStudyReport report, string ci)
    {
        if (report.ReadingTimes.Count == 0) return Markup.Paragraph($"Reading time: undefined: {report.ReadingTimesUndefinedReason}");
        var table = Markup.Table($"Reading time, ratio of geometric means against {report.Reference} (readers and cases random): a ratio of 0.35 is “65% faster”",
            ["Modality", $"Geometric mean, {report.Reference} (s)", "Geometric mean (s)", "Ratio", ci, "Change", "df"], report.ReadingTimes.Select(t => (IReadOnlyList<Cell>)
            [
                Markup.Encode(t.Other), Cell.Numeric(Markup.Number(t.ReferenceGeometricMean, 2)), Cell.Numeric(Markup.Number(t.OtherGeometricMean, 2)),
                Cell.Numeric(t.Ratio.Value is { } r ? Markup.Number(r) : Markup.Undefined(t.Ratio.UndefinedReason)), Cell.Numeric(Markup.Interval(t.Ratio.Interval, asPercent: false)),
                Cell.Numeric(t.RelativeChange is { } change ? (100 * change).ToString("+0.0;−0.0;0", CultureInfo.InvariantCulture) + "%" : "—"), Cell.Numeric(Df(t.DegreesOfFreedom)),
            ]));
        return table + string.Concat(report.ReadingTimes.Select(t => t.Caveat).OfType<string>().Distinct().Select(c => Markup.Paragraph($"Note: {c}")));
    }

    private static string Df(double df) => double.IsPositiveInfinity(df) ? "∞" : df.ToString("0.##", CultureInfo.InvariantCulture);
}
