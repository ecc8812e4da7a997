using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Files;

/// <summary>
/// <c>covidct sweep --json</c>: the grid, the Pareto fronts, the study's setting and the tuned operating point (docs/sweep.md). An
/// image-level cohort has no patient sections (<c>patients</c>, <c>pareto_patient</c>, the study's per-patient table): they are
/// null, and <see cref="PerPatientOmitted"/> says why, as in metrics.json.
/// </summary>
/// <param name="SchemaVersion">The schema version (<see cref="OutputJson.SchemaVersion"/>).</param>
/// <param name="Model">The model file.</param>
/// <param name="Cohort">The cohort manifest.</param>
/// <param name="Split">The split swept (the tuning split with --tune-on), or <c>all</c>.</param>
/// <param name="Patients">Patients swept; null for an image-level cohort (<paramref name="Slices"/> counts its images).</param>
/// <param name="Slices">Slices swept.</param>
/// <param name="ImagesWithoutTruth">Slices left out of the per-image columns (no truth).</param>
/// <param name="Settings">Settings evaluated.</param>
/// <param name="Csv">sweep.csv, every setting.</param>
/// <param name="Seconds">Wall time of scoring and sweeping.</param>
/// <param name="Grid">The axes of the grid.</param>
/// <param name="ParetoPatient">The per-patient Pareto front; null for an image-level cohort.</param>
/// <param name="ParetoImage">The per-image Pareto front.</param>
/// <param name="StudyDefault">The study's setting, or null when the grid lacks it.</param>
/// <param name="Tuning">The tuned operating point, or null without --tune-on.</param>
public sealed record SweepDocument(int SchemaVersion, string Model, string Cohort, string Split, int? Patients, long Slices, long ImagesWithoutTruth, int Settings,
    string Csv, double Seconds, SweepGridDocument Grid, IReadOnlyList<ParetoPointDocument>? ParetoPatient, IReadOnlyList<ParetoPointDocument> ParetoImage,
    SweepRowDocument? StudyDefault, TuningDocument? Tuning)
{
    /// <summary>Why there are no patient sections (<see cref="CohortLevelText.NoPatientTable"/>), or null when there are.</summary>
    public string? PerPatientOmitted { get; init; }

    /// <summary>The run's warnings, as the console says them before any number (<see cref="SweepResult.Warnings"/>): the scoring plan's memory, read assumptions, framing, cache failures.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The document of <paramref name="result"/> (of the tuning split when <paramref name="tuned"/> is given).</summary>
    public static SweepDocument Of(string model, CohortManifest manifest, CohortSplit? split, SweepResult result, TunedOperatingPoint? tuned, string csv, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(result);
        var patients = CohortLevelText.HasPatientTable(manifest);
        return new(OutputJson.SchemaVersion, model, manifest.Path, CohortSplitNames.NameOrAll(split), patients ? result.Patients : null, result.Slices, result.ImagesWithoutTruth,
            result.Grid.Count, csv, elapsed.TotalSeconds, SweepGridDocument.Of(result.Grid), patients ? Front(result, SweepLevel.Patient) : null, Front(result, SweepLevel.Image),
            result.StudyDefaults is { } study ? SweepRowDocument.Of(study, patients) : null, tuned is null ? null : TuningDocument.Of(tuned))
        {
            PerPatientOmitted = patients ? null : CohortLevelText.NoPatientTable,
            Warnings = result.Warnings,
        };
    }

    private static ParetoPointDocument[] Front(SweepResult result, SweepLevel level) =>
        result.ParetoFront(level).Select(p => new ParetoPointDocument(p.Sensitivity, p.Specificity, SweepSettingDocument.Of(p.Representative.Setting), p.Settings.Count)).ToArray();
}

/// <summary>The axes of a sweep grid.</summary>
/// <param name="Thresholds">Box probability thresholds.</param>
/// <param name="MinPixels">Minimum component sizes.</param>
/// <param name="ConsecutiveSlices">k of the patient rule.</param>
/// <param name="QuadrantRule"><c>on</c> (same quadrant) and/or <c>off</c>.</param>
/// <param name="Assignments"><c>centroid</c> and/or <c>overlap</c>.</param>
public sealed record SweepGridDocument(IReadOnlyList<double> Thresholds, IReadOnlyList<int> MinPixels, IReadOnlyList<int> ConsecutiveSlices,
    IReadOnlyList<string> QuadrantRule, IReadOnlyList<string> Assignments)
{
    /// <summary>The document of <paramref name="grid"/>.</summary>
    public static SweepGridDocument Of(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new(grid.Thresholds, grid.MinPixels, grid.ConsecutiveSlices, grid.SameQuadrant.Select(SweepSettingDocument.Rule).ToArray(),
            grid.Assignments.Select(a => a.ToString().ToLowerInvariant()).ToArray());
    }
}

/// <summary>One post-processing setting.</summary>
/// <param name="Threshold">Box probability threshold.</param>
/// <param name="MinPixels">A box needs more than this many pixels.</param>
/// <param name="ConsecutiveSlices">k of the patient rule.</param>
/// <param name="QuadrantRule"><c>on</c> (same quadrant) or <c>off</c>.</param>
/// <param name="Assignment"><c>centroid</c> or <c>overlap</c>.</param>
public sealed record SweepSettingDocument(double Threshold, int MinPixels, int ConsecutiveSlices, string QuadrantRule, string Assignment)
{
    /// <summary>The document of <paramref name="setting"/>.</summary>
    public static SweepSettingDocument Of(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return new(setting.Threshold, setting.MinPixels, setting.ConsecutiveSlices, Rule(setting.SameQuadrant), setting.Assignment.ToString().ToLowerInvariant());
    }

    internal static string Rule(bool sameQuadrant) => sameQuadrant ? "on" : "off";
}

/// <summary>A point of a Pareto front.</summary>
/// <param name="Sensitivity">Sensitivity at this point.</param>
/// <param name="Specificity">Specificity at this point.</param>
/// <param name="Setting">One setting that reaches it.</param>
/// <param name="SettingsHere">How many settings reach it.</param>
public sealed record ParetoPointDocument(double Sensitivity, double Specificity, SweepSettingDocument Setting, int SettingsHere);

/// <summary>One setting's tables.</summary>
/// <param name="Setting">The setting.</param>
/// <param name="ImageCounts">Per-image confusion table.</param>
/// <param name="Image">Per-image metrics by key.</param>
/// <param name="PatientCounts">Per-patient confusion table; null for an image-level cohort.</param>
/// <param name="Patient">Per-patient metrics by key; null for an image-level cohort.</param>
public sealed record SweepRowDocument(SweepSettingDocument Setting, CountsDocument ImageCounts, IReadOnlyDictionary<string, EstimateDocument> Image,
    CountsDocument? PatientCounts, IReadOnlyDictionary<string, EstimateDocument>? Patient)
{
    /// <summary>The document of <paramref name="row"/>, with its per-patient table when <paramref name="patients"/> (a patient-level cohort).</summary>
    public static SweepRowDocument Of(SweepRow row, bool patients = true)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(SweepSettingDocument.Of(row.Setting), CountsDocument.Of(row.Image.Counts), EstimateDocument.All(row.Image),
            patients ? CountsDocument.Of(row.Patient.Counts) : null, patients ? EstimateDocument.All(row.Patient) : null);
    }
}

/// <summary>The operating point chosen on one split and reported once on another.</summary>
/// <param name="TunedOn">The split it was chosen on.</param>
/// <param name="ReportedOn">The split it is reported on.</param>
/// <param name="Rule">How it was chosen.</param>
/// <param name="Chosen">The chosen setting's tables on the tuning split.</param>
/// <param name="Reported">Its tables on the reporting split.</param>
public sealed record TuningDocument(string TunedOn, string ReportedOn, string Rule, SweepRowDocument Chosen, SweepRowDocument Reported)
{
    /// <summary>The document of <paramref name="tuned"/>.</summary>
    public static TuningDocument Of(TunedOperatingPoint tuned)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        return new(CohortSplitNames.NameOrAll(tuned.TunedOn), CohortSplitNames.NameOrAll(tuned.ReportedOn),
            "max per-patient Youden's J; ties: per-image J, then closest to the study's setting, then grid order", SweepRowDocument.Of(tuned.Chosen), SweepRowDocument.Of(tuned.Reported));
    }
}
