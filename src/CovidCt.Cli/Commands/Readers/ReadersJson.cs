using CovidCt.Cli.Output;
using CovidCt.Metrics;
using CovidCt.Reporting.Readers;

namespace CovidCt.Cli.Commands;

/// <summary>The <c>--json</c> document of <c>covidct readers analyse</c> (fields in docs/metrics.md).</summary>
internal static class ReadersJson
{
    public static void Write(TextWriter output, ReaderStudyReport report) => JsonOutput.Write(output, j =>
    {
        var w = j.Writer;
        var study = report.Study;
        w.WriteStartObject("design");
        Strings(w, "readers", study.Readers);
        Strings(w, "modalities", study.Modalities);
        w.WriteNumber("cases", study.Cases.Count);
        w.WriteNumber("diseased", study.Truth.Count(t => t));
        w.WriteEndObject();
        j.Number("level", report.Level);
        Mrmc(j, report);
        Agreement(j, report);
        Times(j, report);
    });

    private static void Mrmc(JsonOutput j, ReaderStudyReport report)
    {
        var w = j.Writer;
        w.WriteStartObject("mrmc_auc");
        w.WriteString("undefined", report.MrmcUndefinedReason);
        if (report.Mrmc is { } m)
        {
            w.WriteString("method", "obuchowski-rockette-hillis, jackknife covariances, readers and cases random");
            w.WriteStartArray("modalities");
            foreach (var x in m.Modalities)
            {
                w.WriteStartObject();
                w.WriteString("modality", x.Name);
                j.Number("mean_auc", x.MeanAuc);
                w.WriteStartArray("reader_aucs");
                foreach (var a in x.ReaderAucs) w.WriteNumberValue(a);
                w.WriteEndArray();
                j.Number("ms_r", x.ReaderMeanSquare);
                j.Number("cov2", x.Cov2);
                j.Number("se", x.StandardError);
                j.Number("df", x.DegreesOfFreedom);
                j.Interval("ci", x.Interval);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var c = m.Components;
            w.WriteStartObject("components");
            j.Number("var_r", c.ReaderVariance);
            j.Number("var_tr", c.ReaderByModalityVariance);
            j.Number("var_error", c.ErrorVariance);
            j.Number("cov1", c.Cov1);
            j.Number("cov2", c.Cov2);
            j.Number("cov3", c.Cov3);
            j.Number("ms_t", m.ModalityMeanSquare);
            j.Number("ms_tr", m.ReaderByModalityMeanSquare);
            w.WriteEndObject();
            if (m.Test is { } t)
            {
                w.WriteStartObject("f_test");
                j.Number("f", t.F);
                j.Number("df1", t.NumeratorDegreesOfFreedom);
                // JSON has no infinity: an infinite ddf is written as null, with the flag saying why.
                j.Number("df2", t.DenominatorDegreesOfFreedom);
                w.WriteBoolean("df2_infinite", double.IsPositiveInfinity(t.DenominatorDegreesOfFreedom));
                j.Number("p", t.P);
                w.WriteString("undefined", t.UndefinedReason);
                w.WriteEndObject();
            }
            else w.WriteNull("f_test");
            w.WriteStartArray("differences");
            foreach (var d in m.Differences)
            {
                w.WriteStartObject();
                w.WriteString("first", d.First);
                w.WriteString("second", d.Second);
                j.Number("estimate", d.Estimate);
                j.Number("se", d.StandardError);
                j.Number("df", d.DegreesOfFreedom);
                j.Number("t", d.T);
                j.Number("p", d.P);
                j.Interval("ci", d.Interval);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "caveats", m.Caveats);
        }
        w.WriteEndObject();
    }

    private static void Agreement(JsonOutput j, ReaderStudyReport report)
    {
        var w = j.Writer;
        w.WriteStartObject("agreement");
        w.WriteString("on", report.AgreementOn);
        w.WriteString("undefined", report.AgreementUndefinedReason);
        w.WriteStartArray("modalities");
        foreach (var m in report.Agreement)
        {
            w.WriteStartObject();
            w.WriteString("modality", m.Modality);
            Kappa(j, "fleiss", m.Fleiss);
            w.WriteStartArray("cohen");
            foreach (var (first, second, kappa) in m.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("first", first);
                w.WriteString("second", second);
                Kappa(j, "kappa", kappa);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Kappa(JsonOutput j, string name, KappaResult k)
    {
        var w = j.Writer;
        w.WriteStartObject(name);
        j.Estimate("estimate", k.Kappa);
        j.Number("observed_agreement", k.ObservedAgreement);
        j.Number("chance_agreement", k.ChanceAgreement);
        j.Number("se", k.StandardError);
        w.WriteNumber("cases", k.Cases);
        w.WriteNumber("raters", k.Raters);
        Strings(w, "categories", k.Categories);
        w.WriteString("caveat", k.Caveat);
        w.WriteEndObject();
    }

    private static void Times(JsonOutput j, ReaderStudyReport report)
    {
        var w = j.Writer;
        w.WriteStartObject("reading_time");
        w.WriteString("reference", report.Reference);
        w.WriteString("undefined", report.ReadingTimesUndefinedReason);
        w.WriteStartArray("comparisons");
        foreach (var t in report.ReadingTimes)
        {
            w.WriteStartObject();
            w.WriteString("modality", t.Other);
            j.Number("geometric_mean_reference", t.ReferenceGeometricMean);
            j.Number("geometric_mean", t.OtherGeometricMean);
            j.Estimate("ratio", t.Ratio);
            j.Number("relative_change", t.RelativeChange);
            j.Number("log_ratio_se", t.LogRatioStandardError);
            j.Number("df", t.DegreesOfFreedom);
            j.Number("var_reader", t.ReaderVariance);
            j.Number("var_case", t.CaseVariance);
            j.Number("var_residual", t.ResidualVariance);
            w.WriteString("caveat", t.Caveat);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
