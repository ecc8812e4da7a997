using System.Globalization;
using System.Text;
using CovidCt.Data.IO;
using CovidCt.Metrics;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>Every setting's per-image and per-patient tables, with the Pareto fronts, the study's setting and the tuning rule.</summary>
public sealed class SweepResult
{
    internal SweepResult(SweepGrid grid, IReadOnlyList<SweepRow> rows, int patients, long slices, long imagesWithoutTruth)
    {
        Grid = grid;
        Rows = rows;
        Patients = patients;
        Slices = slices;
        ImagesWithoutTruth = imagesWithoutTruth;
    }

    /// <summary>The settings.</summary>
    public SweepGrid Grid { get; }

    /// <summary>One row per setting, in <see cref="SweepGrid.Settings"/> order.</summary>
    public IReadOnlyList<SweepRow> Rows { get; }

    /// <summary>Patients evaluated.</summary>
    public int Patients { get; }

    /// <summary>Slices evaluated.</summary>
    public long Slices { get; }

    /// <summary>Slices left out of the per-image tables because their truth is unknown (COVID-19 patients without masks).</summary>
    public long ImagesWithoutTruth { get; }

    /// <summary>
    /// What the run must say before its numbers, in this order: each case that body framing had nothing to frame on
    /// (<see cref="FramingCheck.WholeSliceFallback"/>, checked as the case was read), then why the probability or valid-area
    /// cache could not be written (the numbers are the same, only slower).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = [];

    /// <summary>Patients whose valid areas were read from the valid-area cache rather than segmented.</summary>
    public int ValidAreasFromCache { get; internal set; }

    /// <summary>The row of the study's setting, or null when the grid does not hold it.</summary>
    public SweepRow? StudyDefaults => Find(SweepSetting.Study);

    /// <summary>The row of <paramref name="setting"/>, or null when the grid does not hold it.</summary>
    public SweepRow? Find(SweepSetting setting) => Rows.FirstOrDefault(r => r.Setting.Equals(setting));

    /// <summary>The Pareto front of sensitivity against specificity at <paramref name="level"/> (see <see cref="Sweeps.ParetoFront.Of"/>).</summary>
    public IReadOnlyList<ParetoPoint> ParetoFront(SweepLevel level) => Sweeps.ParetoFront.Of(Rows, level);

    /// <summary>The operating point this sweep chooses when used as the tuning split (see <see cref="OperatingPointRule.Choose"/>).</summary>
    public SweepRow ChooseOperatingPoint() => OperatingPointRule.Choose(Rows);

    /// <summary>
    /// Writes every row as CSV (atomically): the setting, then per image and per patient tp, fp, tn, fn, sensitivity,
    /// specificity, ppv, npv, accuracy, youden_j (empty when undefined), then whether the row is on each Pareto front and
    /// whether it is the study's setting. Numbers are invariant-culture, round-trip precision. Without
    /// <paramref name="withPatients"/> (an image-level cohort, whose cases are unrelated slices) the patient columns and
    /// <c>patient_pareto</c> are left out: the patient rule needs consecutive slices of one patient.
    /// </summary>
    public void WriteCsv(string path, bool withPatients = true)
    {
        var patientFront = ParetoFront(SweepLevel.Patient).SelectMany(p => p.Settings).ToHashSet();
        var imageFront = ParetoFront(SweepLevel.Image).SelectMany(p => p.Settings).ToHashSet();
        var levels = withPatients ? new[] { "image", "patient" } : ["image"];
        var text = new StringBuilder();
        text.Append("threshold,min_pixels,consecutive_slices,quadrant_rule,assignment");
        foreach (var level in levels)
        {
            foreach (var column in MetricColumns) text.Append(',').Append(level).Append('_').Append(column);
        }
        text.Append(withPatients ? ",patient_pareto,image_pareto,study_default\n" : ",image_pareto,study_default\n");
        foreach (var row in Rows)
        {
            var s = row.Setting;
            text.Append(Invariant($"{s.Threshold},{s.MinPixels},{s.ConsecutiveSlices},{(s.SameQuadrant ? "on" : "off")},{s.Assignment.ToString().ToLowerInvariant()}"));
            AppendMetrics(text, row.Image);
            if (withPatients)
            {
                AppendMetrics(text, row.Patient);
                text.Append(Invariant($",{Flag(patientFront.Contains(s))}"));
            }
            text.Append(Invariant($",{Flag(imageFront.Contains(s))},{Flag(s.IsStudyDefault)}\n"));
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>The per-level metric columns of <see cref="WriteCsv"/>, after the level prefix.</summary>
    public static IReadOnlyList<string> MetricColumns { get; } = ["tp", "fp", "tn", "fn", "sensitivity", "specificity", "ppv", "npv", "accuracy", "youden_j"];

    private static void AppendMetrics(StringBuilder text, DiagnosticMetrics metrics)
    {
        var c = metrics.Counts;
        text.Append(Invariant($",{c.TruePositives},{c.FalsePositives},{c.TrueNegatives},{c.FalseNegatives}"));
        foreach (var estimate in new[] { metrics.Sensitivity, metrics.Specificity, metrics.Ppv, metrics.Npv, metrics.Accuracy, metrics.YoudenJ })
        {
            text.Append(',');
            if (estimate.Value is { } v) text.Append(v.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static int Flag(bool value) => value ? 1 : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
