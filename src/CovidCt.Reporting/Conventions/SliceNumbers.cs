using System.Globalization;

namespace CovidCt.Reporting.Conventions;

/// <summary>
/// The one slice-numbering convention. Machine files (CSV, JSON) carry the 0-based slice <em>index</em> of the volume in
/// anatomical order (feet to head), in fields named <c>slice_index</c>, <c>first_slice_index</c>, ... Everything a person
/// reads (console, report.html, figure captions and file names, notebook HTML) shows the 1-based slice <em>number</em>:
/// index 6 is "slice 7 of 24". The two are never printed under the same name.
/// </summary>
public static class SliceNumbers
{
    /// <summary>The 1-based number a person reads for the 0-based <paramref name="index"/>.</summary>
    public static int Number(int index) => index + 1;

    /// <summary>"slice 7" for index 6.</summary>
    public static string Slice(int index) => string.Create(CultureInfo.InvariantCulture, $"slice {Number(index)}");

    /// <summary>"slice 7 of 24" for index 6 of a 24-slice volume.</summary>
    public static string Slice(int index, int count) => string.Create(CultureInfo.InvariantCulture, $"slice {Number(index)} of {count}");

    /// <summary>"slices 7–9" for indices 6 to 8.</summary>
    public static string Range(int firstIndex, int lastIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"slices {Number(firstIndex)}–{Number(lastIndex)}");

    /// <summary>"007": the 1-based number zero-padded to three digits, for figure file names that sort in slice order.</summary>
    public static string FileNumber(int index) => Number(index).ToString("000", CultureInfo.InvariantCulture);
}
