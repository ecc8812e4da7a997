using System.Globalization;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Files;

/// <summary>
/// slices.csv and patients.csv of an evaluation (columns in docs/cli.md), written atomically. Slices are 0-based indices
/// (<c>slice_index</c>, <c>first_slice_index</c>, <c>last_slice_index</c>), as in every machine file (<see cref="SliceNumbers"/>).
/// </summary>
public static class ResultTables
{
    /// <summary>One row per slice: truth (1, 0, or empty when unknown), decision, image score, the boxes and the predicted lesion area the valid area removed.</summary>
    public static void WriteSlices(string path, PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var csv = new CsvText("patient", "slice_index", "position_mm", "truth", "decision", "score", "boxes", "quadrants", "box_list", "removed_lesion_px");
        foreach (var patient in evaluation.Patients)
        {
            foreach (var slice in patient.Result.Slices)
            {
                var d = slice.Detection;
                csv.Row(patient.Result.PatientId, Text(slice.Index), CsvText.Number(slice.Position, "0.###"),
                    ComparedCases.TruthOf(patient, slice.Index) is { } truth ? (truth ? "1" : "0") : "", d.IsPositive ? "1" : "0", CsvText.Number(d.Score),
                    Text(d.Boxes.Count), QuadrantNames.Key(d.Quadrants), string.Join(' ', d.Boxes.Select(BoxText)),
                    CsvText.Number(d.RemovedLesionPixels, "0.#"));
            }
        }
        AtomicFile.WriteAllText(path, csv.ToString());
    }

    /// <summary>
    /// One row per patient: label, the rule's decision and score, the run of slices behind it, and whether a move of a box by
    /// <see cref="FragileCall.WithinPixels"/> px would flip the call (<c>fragile</c> 1 or 0, <c>fragile_reason</c> in words).
    /// </summary>
    public static void WritePatients(string path, PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var csv = new CsvText("patient", "label", "decision", "correct", "score", "quadrant", "first_slice_index", "last_slice_index", "positive_slices", "slices",
            "fragile", "fragile_reason");
        foreach (var patient in evaluation.Patients)
        {
            var d = patient.Result.Decision;
            var fired = d.IsPositive;
            csv.Row(patient.Result.PatientId, patient.IsCovid ? "covid" : "control", fired ? "1" : "0", fired == patient.IsCovid ? "1" : "0", CsvText.Number(d.Score),
                fired ? QuadrantNames.Key(d.Quadrant) : "", fired ? Text(d.FirstSlice) : "", fired ? Text(d.LastSlice) : "", Text(d.PositiveSlices), Text(d.SliceCount),
                d.Fragility is null ? "0" : "1", d.Fragility is { } f ? FragileCallText.Reason(f) : "");
        }
        AtomicFile.WriteAllText(path, csv.ToString());
    }

    // left:top:right:bottom:max probability, in original pixel coordinates; boxes separated by spaces.
    private static string BoxText(LesionBox box) =>
        $"{CsvText.Number(box.Bounds.Left, "0.#")}:{CsvText.Number(box.Bounds.Top, "0.#")}:{CsvText.Number(box.Bounds.Right, "0.#")}:{CsvText.Number(box.Bounds.Bottom, "0.#")}:{CsvText.Number(box.MaxProbability, "0.###")}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
