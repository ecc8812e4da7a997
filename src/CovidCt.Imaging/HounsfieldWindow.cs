using System.Numerics;

namespace CovidCt.Imaging;

/// <summary>
/// A window on Hounsfield units: HU <see cref="Lower"/> shows as 0 (black) and HU <see cref="Upper"/> as 1 (white), linearly
/// between, clipped outside. The one mapping from HU to model input (<see cref="ToUnit(ReadOnlySpan{float}, Span{float})"/>)
/// and to 8-bit gray (<see cref="ToGray"/>) in the platform; the study's is <see cref="StudyProtocol.LungWindow"/>.
/// </summary>
/// <remarks>
/// Mapping gray back to HU (<see cref="ToHounsfield"/>) is approximate: an 8-bit slice keeps only 256 levels (a step of
/// Width/255 HU) and everything outside the window was clipped to 0 or 255 when it was exported.
/// </remarks>
public sealed record HounsfieldWindow
{
    // The model input is computed in single precision from these two, exactly as the models were trained and as the
    // probability cache recorded it: changing their rounding would change every cached map.
    private readonly float _unitLower;
    private readonly float _unitScale;

    /// <summary>A window of <paramref name="width"/> HU centred on <paramref name="level"/> HU.</summary>
    /// <param name="width">Window width in HU; positive and finite.</param>
    /// <param name="level">Window level (centre) in HU; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the width is not positive and finite, or the level is not finite.</exception>
    public HounsfieldWindow(double width, double level)
    {
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"the window width must be a positive, finite number of HU; got W{width}/L{level}");
        }
        if (!double.IsFinite(level)) throw new ArgumentOutOfRangeException(nameof(level), level, $"the window level must be a finite number of HU; got W{width}/L{level}");
        Width = width;
        Level = level;
        _unitLower = (float)(level - width / 2);
        _unitScale = (float)(1 / width);
    }

    /// <summary>Window width, HU.</summary>
    public double Width { get; }

    /// <summary>Window level (centre), HU.</summary>
    public double Level { get; }

    /// <summary>HU shown as 0 (gray 0).</summary>
    public double Lower => Level - Width / 2;

    /// <summary>HU shown as 1 (gray 255).</summary>
    public double Upper => Level + Width / 2;

    /// <summary>
    /// Windows HU into [0, 1], the model input: clip((HU − <see cref="Lower"/>) / <see cref="Width"/>, 0, 1) in single
    /// precision. NaN (a missing pixel) becomes 0, like air.
    /// </summary>
    public float ToUnit(float hounsfield)
    {
        var v = (hounsfield - _unitLower) * _unitScale;
        return v > 0 ? (v < 1 ? v : 1) : 0; // NaN fails both tests and becomes 0
    }

    /// <summary>Windows every pixel of <paramref name="hounsfield"/> into <paramref name="destination"/> (same length) with <see cref="ToUnit(float)"/>.</summary>
    /// <exception cref="ArgumentException">When the lengths differ.</exception>
    public void ToUnit(ReadOnlySpan<float> hounsfield, Span<float> destination)
    {
        if (destination.Length != hounsfield.Length) throw new ArgumentException($"destination holds {destination.Length} pixels; the source {hounsfield.Length}", nameof(destination));
        // Every slice the model sees passes here: a vector at a time, with the scalar's operations in its order (subtract,
        // then multiply, no fused multiply-add), so each float is the one ToUnit(float) gives; NaN fails both comparisons
        // and becomes 0 there too.
        var i = 0;
        if (hounsfield.Length >= Vector<float>.Count)
        {
            var (lower, scale, one) = (new Vector<float>(_unitLower), new Vector<float>(_unitScale), Vector<float>.One);
            for (; i + Vector<float>.Count <= hounsfield.Length; i += Vector<float>.Count)
            {
                var v = (new Vector<float>(hounsfield[i..]) - lower) * scale;
                var below1 = Vector.ConditionalSelect(Vector.LessThan(v, one), v, one);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), below1, Vector<float>.Zero).CopyTo(destination[i..]);
            }
        }
        for (; i < hounsfield.Length; i++) destination[i] = ToUnit(hounsfield[i]);
    }

    /// <summary>
    /// The 8-bit gray that shows <paramref name="hounsfield"/>: round(255 · clip((HU − <see cref="Lower"/>) / <see cref="Width"/>, 0, 1))
    /// in double precision, what PNG export, the red-box figures and the contact sheet draw. NaN shows as 0.
    /// </summary>
    public byte ToGray(double hounsfield)
    {
        var v = (hounsfield - Lower) / Width;
        return (byte)Math.Round(255 * (v > 0 ? (v < 1 ? v : 1) : 0));
    }

    /// <summary>Approximate HU of an 8-bit gray value (the centre of what the gray level shows, see the remarks).</summary>
    public float ToHounsfield(byte gray) => (float)(Lower + gray * Width / 255.0);

    /// <summary>
    /// Reads a window written as <c>WIDTH/LEVEL</c> in HU, e.g. <c>1500/-600</c> (invariant culture, a W and L prefix allowed:
    /// <c>W1500/L-600</c>, what <see cref="ToString"/> writes).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="window">The window, or null when the text is not one.</param>
    /// <param name="problem">Why the text is not a window (null when it is).</param>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HounsfieldWindow? window, out string? problem)
    {
        window = null;
        var parts = (text ?? "").Trim().Split('/');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var number = System.Globalization.NumberStyles.Float;
        if (parts.Length != 2 || !double.TryParse(parts[0].TrimStart('W', 'w'), number, c, out var width) || !double.TryParse(parts[1].TrimStart('L', 'l'), number, c, out var level))
        {
            problem = $"'{text}' is not a window; expected WIDTH/LEVEL in HU, e.g. 1500/-600";
            return false;
        }
        if (!(width > 0) || !double.IsFinite(width) || !double.IsFinite(level))
        {
            problem = $"'{text}' is not a window; the width must be a positive, finite number of HU and the level finite";
            return false;
        }
        window = new HounsfieldWindow(width, level);
        problem = null;
        return true;
    }

    /// <summary>The window as radiologists write it, e.g. <c>W1200/L-700</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"W{Width}/L{Level}");
}
