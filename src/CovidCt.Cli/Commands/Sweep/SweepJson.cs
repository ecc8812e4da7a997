using CovidCt.Cli.Output;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>The sweep's --json document (fields in docs/sweep.md).</summary>
internal static class SweepJson
{
    public static void Write(TextWriter output, SweepRun run) => JsonOutput.Write(output, j =>
    {
        var result = run.Result!;
        var w = j.Writer;
        w.WriteString("model", run.Model.Path);
        w.WriteString("cohort", run.Manifest.Path);
        w.WriteString("split", CohortSplitNames.Name(run.Split));
        w.WriteNumber("patients", result.Patients);
        w.WriteNumber("slices", result.Slices);
        w.WriteNumber("images_without_truth", result.ImagesWithoutTruth);
        w.WriteNumber("settings", result.Grid.Count);
        w.WriteString("csv", run.CsvPath);
        j.Number("seconds", run.Elapsed.TotalSeconds);
        w.WriteStartObject("grid");
        w.WriteStartArray("thresholds");
        foreach (var t in result.Grid.Thresholds) w.WriteNumberValue(t);
        w.WriteEndArray();
        w.WriteStartArray("min_pixels");
        foreach (var m in result.Grid.MinPixels) w.WriteNumberValue(m);
        w.WriteEndArray();
        w.WriteStartArray("consecutive_slices");
        foreach (var k in result.Grid.ConsecutiveSlices) w.WriteNumberValue(k);
        w.WriteEndArray();
        w.WriteStartArray("quadrant_rule");
        foreach (var q in result.Grid.SameQuadrant) w.WriteStringValue(q ? "on" : "off");
        w.WriteEndArray();
        w.WriteStartArray("assignments");
        foreach (var a in result.Grid.Assignments) w.WriteStringValue(a.ToString().ToLowerInvariant());
        w.WriteEndArray();
        w.WriteEndObject();
        Front(j, "pareto_patient", result.ParetoFront(SweepLevel.Patient));
        Front(j, "pareto_image", result.ParetoFront(SweepLevel.Image));
        if (result.StudyDefaults is { } study) Row(j, "study_default", study);
        else w.WriteNull("study_default");
        if (run.Tuned is not { } tuned)
        {
            w.WriteNull("tuning");
            return;
        }
        w.WriteStartObject("tuning");
        w.WriteString("tuned_on", CohortSplitNames.Name(tuned.TunedOn));
        w.WriteString("reported_on", CohortSplitNames.Name(tuned.ReportedOn));
        w.WriteString("rule", "max per-patient Youden's J; ties: per-image J, then closest to the study's setting, then grid order");
        Row(j, "chosen", tuned.Chosen);
        Row(j, "reported", tuned.Reported);
        w.WriteEndObject();
    });

    private static void Front(JsonOutput j, string name, IReadOnlyList<ParetoPoint> front)
    {
        j.Writer.WriteStartArray(name);
        foreach (var point in front)
        {
            j.Writer.WriteStartObject();
            j.Number("sensitivity", point.Sensitivity);
            j.Number("specificity", point.Specificity);
            Setting(j, "setting", point.Representative.Setting);
            j.Writer.WriteNumber("settings_here", point.Settings.Count);
            j.Writer.WriteEndObject();
        }
        j.Writer.WriteEndArray();
    }

    private static void Row(JsonOutput j, string name, SweepRow row)
    {
        j.Writer.WriteStartObject(name);
        Setting(j, "setting", row.Setting);
        j.Counts("image_counts", row.Image.Counts);
        j.Metrics("image", row.Image);
        j.Counts("patient_counts", row.Patient.Counts);
        j.Metrics("patient", row.Patient);
        j.Writer.WriteEndObject();
    }

    private static void Setting(JsonOutput j, string name, SweepSetting s)
    {
        j.Writer.WriteStartObject(name);
        j.Writer.WriteNumber("threshold", s.Threshold);
        j.Writer.WriteNumber("min_pixels", s.MinPixels);
        j.Writer.WriteNumber("consecutive_slices", s.ConsecutiveSlices);
        j.Writer.WriteString("quadrant_rule", s.SameQuadrant ? "on" : "off");
        j.Writer.WriteString("assignment", s.Assignment.ToString().ToLowerInvariant());
        j.Writer.WriteEndObject();
    }
}
