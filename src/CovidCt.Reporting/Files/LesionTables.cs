using System.Globalization;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Reporting.Files;

/// <summary>lesions.csv (one row per true lesion) and lesion-slices.csv (one row per slice with a known truth), written atomically.</summary>
public static class LesionTables
{
    /// <summary>The lesions file's name.</summary>
    public const string LesionsName = "lesions.csv";

    /// <summary>The per-slice lesion file's name.</summary>
    public const string SlicesName = "lesion-slices.csv";

    /// <summary>Writes both files of <paramref name="lesions"/> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, LesionEvaluation lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        var csv = new CsvText("patient", "slice_index", "lesion", "pixels", "left", "top", "right", "bottom", "hit", "hit_boxes", "score");
        foreach (var l in lesions.Lesions)
        {
            csv.Row(l.PatientId, Text(l.SliceIndex), Text(l.Lesion), Text(l.Pixels), Text(l.Left), Text(l.Top), Text(l.Right), Text(l.Bottom),
                l.IsHit ? "1" : "0", Text(l.HitBoxes), l.Score is { } s ? CsvText.Number(s) : "");
        }
        AtomicFile.WriteAllText(Path.Combine(folder, LesionsName), csv.ToString());
        var slices = new CsvText("patient", "slice_index", "lesions", "lesions_hit", "boxes", "false_positive_boxes", "truth_px", "box_px", "overlap_px", "dice", "iou");
        foreach (var s in lesions.Slices)
        {
            var o = s.Overlap;
            slices.Row(s.PatientId, Text(s.SliceIndex), Text(s.Lesions), Text(s.LesionsHit), Text(s.Boxes), Text(s.FalsePositiveBoxes),
                Text(o.Truth), Text(o.Predicted), Text(o.Intersection), CsvText.Number(o.Dice), CsvText.Number(o.Iou));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, SlicesName), slices.ToString());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
