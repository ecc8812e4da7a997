using System.Globalization;

namespace CovidCt.Pipelines.Models.Quantization;

/// <summary>
/// How the quantiser turns the values an activation took on the calibration slices into its uint8 range:
/// <see cref="MinMax"/> (the default: nothing seen in calibration is clipped) or a percentile (a few extreme values are
/// clipped, so the rest get finer steps).
/// </summary>
public sealed record CalibrationMethod
{
    private CalibrationMethod(double? percentile) => Percentile = percentile;

    /// <summary>The smallest to the largest value seen (the default).</summary>
    public static CalibrationMethod MinMax { get; } = new((double?)null);

    /// <summary>
    /// For <see cref="OfPercentile"/>: the range runs from the (100 − p)th to the pth percentile of the values seen, each
    /// activation on its own; null for <see cref="MinMax"/>.
    /// </summary>
    public double? Percentile { get; }

    /// <summary>The range from the (100 − <paramref name="percentile"/>)th to the <paramref name="percentile"/>th percentile.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="percentile"/> is not above 50 and at most 100.</exception>
    public static CalibrationMethod OfPercentile(double percentile) =>
        percentile is > 50 and <= 100 ? new CalibrationMethod(percentile)
            : throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile above 50 and at most 100, such as 99.99");

    /// <summary>Reads <c>minmax</c> or <c>percentile:P</c> (as <c>--calibration</c> takes it).</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is neither, or P is not a number above 50 and at most 100; the message says what was expected.</exception>
    public static CalibrationMethod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "minmax") return MinMax;
        const string prefix = "percentile:";
        if (text.StartsWith(prefix, StringComparison.Ordinal)
            && double.TryParse(text.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is > 50 and <= 100)
        {
            return new CalibrationMethod(p);
        }
        throw new FormatException($"'{text}' is not a calibration method; expected minmax or percentile:P with P above 50 and at most 100 (e.g. percentile:99.99)");
    }

    /// <summary><c>minmax</c> or <c>percentile:P</c>, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Percentile is { } p ? string.Create(CultureInfo.InvariantCulture, $"percentile:{p:R}") : "minmax";
}
