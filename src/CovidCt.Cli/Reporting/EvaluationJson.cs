using CovidCt.Cli.Commands;
using CovidCt.Cli.Output;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;

namespace CovidCt.Cli.Reporting;

/// <summary>The JSON of an evaluation (metrics.json and <c>evaluate --json</c>; one entry of <c>compare --json</c>); fields in docs/cli.md.</summary>
internal static class EvaluationJson
{
    public const int FormatVersion = 1;

    /// <summary>The cohort part: manifest, split and patient counts.</summary>
    public static void Cohort(JsonOutput j, CohortManifest manifest, CohortSplit? split, ModelRun run)
    {
        var w = j.Writer;
        var patients = run.Evaluation.Patients;
        w.WriteStartObject("cohort");
        w.WriteString("manifest", manifest.Path);
        w.WriteString("split", EvaluationRun.SplitName(split));
        w.WriteNumber("patients", patients.Count);
        w.WriteNumber("covid", patients.Count(p => p.IsCovid));
        w.WriteNumber("control", patients.Count(p => !p.IsCovid));
        w.WriteNumber("slices", patients.Sum(p => p.Result.Slices.Count));
        w.WriteEndObject();
    }

    /// <summary>Model, settings, probability cache and both tables of one run, written into the current object.</summary>
    public static void Run(JsonOutput j, ModelRun run)
    {
        var w = j.Writer;
        var options = run.Pipeline.Options;
        w.WriteStartObject("model");
        w.WriteString("path", run.ModelPath);
        w.WriteString("sha256", run.Pipeline.Sha256);
        w.WriteString("architecture", run.Pipeline.Architecture);
        w.WriteString("version", run.Pipeline.Version);
        w.WriteEndObject();
        w.WriteStartObject("settings");
        j.Number("threshold", options.LesionBoxes.Threshold);
        w.WriteNumber("min_pixels", options.LesionBoxes.MinPixels);
        w.WriteNumber("consecutive_slices", options.PatientRule.ConsecutiveSlices);
        w.WriteNumber("max_gap", options.PatientRule.MaxGap);
        w.WriteString("valid_area", options.ValidArea.Region.ToString());
        w.WriteString("quadrant_centre", options.Quadrants.Centre.ToString());
        w.WriteString("quadrant_assignment", options.Quadrants.Assignment.ToString());
        w.WriteEndObject();
        w.WriteStartObject("probability_cache");
        w.WriteString("folder", run.CacheFolder);
        w.WriteNumber("patients_from_cache", run.CachedPatients);
        w.WriteEndObject();
        var e = run.Evaluation;
        w.WriteString("ci_method", ProportionIntervals.Name(e.PatientMetrics.Method));
        j.Number("level", e.PatientMetrics.Level);
        w.WriteStartObject("per_image");
        w.WriteNumber("images", e.ImageCounts.Total);
        w.WriteNumber("images_without_truth", e.ImagesWithoutTruth);
        j.Counts("counts", e.ImageCounts);
        j.Metrics("metrics", e.ImageMetrics);
        if (e.ImageRoc is { } imageRoc) j.Estimate("auc", imageRoc.Auc);
        else w.WriteNull("auc");
        w.WriteEndObject();
        w.WriteStartObject("per_patient");
        w.WriteNumber("patients", e.PatientCounts.Total);
        j.Counts("counts", e.PatientCounts);
        j.Metrics("metrics", e.PatientMetrics);
        j.Estimate("auc", e.PatientRoc.Auc);
        w.WriteEndObject();
    }

    /// <summary>The study's published percentages (retrospective internal test set), for side-by-side reading.</summary>
    public static void Published(JsonOutput j)
    {
        var w = j.Writer;
        w.WriteStartObject("published");
        w.WriteString("source", "Chen et al. 2020, Sci Rep 10:19196, retrospective internal test set (percent)");
        foreach (var (name, table) in new[] { ("per_image", ChenEtAl2020.RetrospectivePerImage), ("per_patient", ChenEtAl2020.RetrospectivePerPatient) })
        {
            w.WriteStartObject(name);
            foreach (var (metric, value) in table.Figures.Given) w.WriteNumber(metric, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
