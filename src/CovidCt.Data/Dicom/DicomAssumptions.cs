using System.Globalization;

namespace CovidCt.Data.Dicom;

/// <summary>
/// The geometry a DICOM series is read with when its files do not state it (<see cref="ReadAssumption"/>): axial when Image
/// Orientation (Patient) is missing, Instance Number order and Slice Thickness (or 1 mm) spacing when Image Position (Patient)
/// is missing on every slice. One assumption per series, naming how many slices lack the attribute.
/// </summary>
internal static class DicomAssumptions
{
    /// <summary>The distance between slices placed by Instance Number: their Slice Thickness when positive, else 1 mm.</summary>
    public static double UnplacedStep(DicomSliceHeader first) => first.SliceThickness is > 0 and var thickness ? thickness : 1.0;

    /// <summary>What reading <paramref name="slices"/> (in volume order, at <paramref name="positions"/>) from <paramref name="source"/> assumed.</summary>
    public static IReadOnlyList<ReadAssumption> Of(string source, IReadOnlyList<DicomSliceHeader> slices, IReadOnlyList<double> positions)
    {
        var assumptions = new List<ReadAssumption>();
        var placed = slices[0].ImagePosition is not null;
        // Every slice has the first one's orientation or, like it, none; positions are on every slice or on none (Sort).
        if (slices[0].ImageOrientation is null)
        {
            assumptions.Add(new ReadAssumption(source, DicomTag.Name(DicomTag.ImageOrientationPatient),
                $"missing on {Slices(slices.Count)}, so the series was read as axial (1\\0\\0\\0\\1\\0: rows towards the patient's left, columns towards the back{(placed && slices.Count > 1 ? ", slices ordered by the z of Image Position (Patient)" : "")})",
                "if it is not axial, left and right, the quadrants the patient rule compares and the slice order are wrong; a series that states its orientation silences this warning"));
        }
        if (!placed && slices.Count > 1)
        {
            var step = UnplacedStep(slices[0]);
            var spacing = slices[0].SliceThickness is > 0
                ? $"spaced by their Slice Thickness, {Mm(step)} mm"
                : "spaced 1 mm apart (Slice Thickness is missing or not positive too)";
            assumptions.Add(new ReadAssumption(source, DicomTag.Name(DicomTag.ImagePositionPatient),
                $"missing on {Slices(slices.Count)}, so they were ordered by Instance Number and {spacing} (positions {Mm(positions[0])} to {Mm(positions[^1])} mm)",
                "the patient rule counts consecutive slices in this order, so if the Instance Numbers do not follow the anatomy its call is wrong; a series with Image Position (Patient) on every slice silences this warning"));
        }
        return assumptions;
    }

    private static string Slices(int count) => count == 1 ? "its one slice" : $"all {count} slices";

    private static string Mm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
