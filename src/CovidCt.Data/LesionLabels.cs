using System.Globalization;
using CovidCt.Data.IO;

namespace CovidCt.Data;

/// <summary>
/// Which values of a mask file are lesion: one rule for every mask reader (PNG/JPEG files and folders, NIfTI).
/// </summary>
/// <remarks>
/// <see cref="Binary"/>, the default, takes the two conventions masks are saved with, 0/255 (image tools) and 0/1 (nnU-Net,
/// MONAI, most NIfTI exports), and refuses every other set of values, naming the file and the values found: a label mask
/// (1 = ground glass, 2 = consolidation …), an anti-aliased mask or one saved as JPEG has no single reading, so guessing one
/// would silently change the truth. A label mask is read by stating its lesion labels (<see cref="Of"/>): those values are
/// lesion, 0 and every other whole value (another structure, e.g. the lung) is background.
/// </remarks>
public sealed class LesionLabels
{
    private readonly int[] _labels;

    private LesionLabels(int[] labels) => _labels = labels;

    /// <summary>A binary mask: 0 is background, lesion is 1 or 255 (one of the two throughout a file).</summary>
    public static LesionLabels Binary { get; } = new([]);

    /// <summary>A label mask whose values <paramref name="labels"/> (each 1–65535) are lesion.</summary>
    /// <exception cref="ArgumentException">When no label is given, or one is outside 1–65535.</exception>
    public static LesionLabels Of(IEnumerable<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Distinct().Order().ToArray();
        if (distinct.Length == 0) throw new ArgumentException("at least one lesion label is needed", nameof(labels));
        if (distinct.Any(l => l is < 1 or > 65535)) throw new ArgumentException("lesion labels are whole values from 1 to 65535 (0 is background)", nameof(labels));
        return new LesionLabels(distinct);
    }

    /// <summary>The stated lesion labels; empty for <see cref="Binary"/>.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>Reads <c>1,2</c> (the lesion labels, comma-separated) or <c>binary</c>.</summary>
    /// <returns>False with <paramref name="problem"/> saying what was expected.</returns>
    public static bool TryParse(string text, out LesionLabels? labels, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        labels = null;
        problem = null;
        if (text.Trim().Equals("binary", StringComparison.OrdinalIgnoreCase))
        {
            labels = Binary;
            return true;
        }
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            {
                problem = $"'{text}' is not a list of lesion labels; expected whole values from 1 to 65535 separated by commas (e.g. 1,2), or binary";
                return false;
            }
            values.Add(value);
        }
        labels = Of(values);
        return true;
    }

    /// <summary><c>binary</c>, or the labels comma-separated (what <see cref="TryParse"/> reads).</summary>
    public override string ToString() => _labels.Length == 0 ? "binary" : string.Join(",", _labels);

    /// <summary>0/1 labels of an 8-bit mask (PNG/JPEG gray) read from <paramref name="file"/>.</summary>
    /// <exception cref="InvalidInputException">When the values break the rule.</exception>
    internal byte[] Apply(ReadOnlySpan<byte> gray, string file)
    {
        var labels = gray.ToArray();
        ApplyInPlace(labels, file);
        return labels;
    }

    /// <summary>
    /// Replaces the 8-bit values of <paramref name="values"/> (an unscaled uint8 mask read from <paramref name="file"/>) by their
    /// 0/1 labels, as <see cref="Apply(ReadOnlySpan{byte}, string)"/> gives them.
    /// </summary>
    /// <exception cref="InvalidInputException">When the values break the rule.</exception>
    internal void ApplyInPlace(Span<byte> values, string file)
    {
        var present = new bool[256];
        foreach (var g in values) present[g] = true;
        var found = Enumerable.Range(0, 256).Where(v => present[v]).Select(v => (double)v).ToList();
        var lesion = LesionValues(found, file);
        // One entry per byte value: a table lookup per voxel instead of a set lookup.
        var table = new byte[256];
        for (var v = 0; v < table.Length; v++) table[v] = lesion.Contains(v) ? (byte)1 : (byte)0;
        for (var i = 0; i < values.Length; i++) values[i] = table[values[i]];
    }

    /// <summary>0/1 labels of a mask of any value type (NIfTI, after scl_slope/scl_inter) read from <paramref name="file"/>.</summary>
    /// <exception cref="InvalidInputException">When a value is not finite or the values break the rule.</exception>
    internal byte[] Apply(ReadOnlySpan<float> values, string file)
    {
        var present = new HashSet<double>();
        // Masks are long runs of one value: a voxel equal to the one before needs no set lookup.
        var previous = float.NaN;
        foreach (var v in values)
        {
            if (v == previous) continue;
            if (!float.IsFinite(v)) throw new InvalidInputException(file, "the mask holds NaN or infinite values; expected 0 for background and 1 or 255 for lesion", field: "voxel data");
            previous = v;
            // A mask of thousands of distinct values (a probability map, a CT) is refused from the first few.
            if (present.Add(v) && present.Count > 256) break;
        }
        var lesion = LesionValues(present.Order().ToList(), file);
        var labels = new byte[values.Length];
        var (last, lastLabel) = (float.NaN, (byte)0);
        for (var i = 0; i < labels.Length; i++)
        {
            if (values[i] != last) (last, lastLabel) = (values[i], lesion.Contains(values[i]) ? (byte)1 : (byte)0);
            labels[i] = lastLabel;
        }
        return labels;
    }

    // The values among `found` that are lesion, or an error naming the values found and the remedy.
    private HashSet<double> LesionValues(IReadOnlyList<double> found, string file)
    {
        if (_labels.Length > 0)
        {
            var odd = found.Where(v => v < 0 || v != Math.Round(v)).ToList();
            if (odd.Count > 0)
            {
                throw new InvalidInputException(file, $"the mask holds {Values(found)}; with lesion labels {this} expected whole values 0 and up (a label mask), but {odd[0].ToString(CultureInfo.InvariantCulture)} is not one", field: "mask values");
            }
            return _labels.Select(l => (double)l).ToHashSet();
        }
        if (found.All(v => v is 0 or 1) || found.All(v => v is 0 or 255)) return [1, 255];
        throw new InvalidInputException(file,
            $"the mask holds {Values(found)}; expected a binary mask: 0 for background and 1 or 255 for lesion. A label mask (e.g. 1 = ground glass, "
            + "2 = consolidation) needs its lesion labels stated: --mask-labels 1,2 with --images/--masks, or the manifest's mask_labels column. A mask with "
            + "intermediate grays (anti-aliased, resized, or saved as JPEG) must be re-saved binary, as a PNG thresholded where you mean it",
            field: "mask values");
    }

    private static string Values(IReadOnlyList<double> found)
    {
        var shown = string.Join(", ", found.Take(8).Select(v => v.ToString(CultureInfo.InvariantCulture)));
        return found.Count > 8 ? $"{(found.Count > 256 ? "more than 256" : found.Count.ToString(CultureInfo.InvariantCulture))} distinct values ({shown}, …)" : $"the values {shown}";
    }
}
