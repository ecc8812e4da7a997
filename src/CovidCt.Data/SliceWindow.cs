namespace CovidCt.Data;

/// <summary>
/// A display window: gray 0 shows HU <c>Level - Width/2</c> and gray 255 shows <c>Level + Width/2</c>, linearly between.
/// </summary>
/// <remarks>
/// Mapping gray back to HU (<see cref="ToHounsfield"/>) is approximate: an 8-bit slice keeps only 256 levels (a step of
/// Width/255 HU) and everything outside the window was clipped to 0 or 255 when it was exported.
/// </remarks>
/// <param name="Width">Window width in HU; must be positive.</param>
/// <param name="Level">Window centre in HU.</param>
public readonly record struct SliceWindow(double Width, double Level)
{
    /// <summary>The lung window of Chen et al. 2020: width 1200, level -700.</summary>
    public static SliceWindow Lung { get; } = new(1200, -700);

    /// <summary>HU shown as gray 0.</summary>
    public double Lower => Level - Width / 2;

    /// <summary>Approximate HU of an 8-bit gray value.</summary>
    public float ToHounsfield(byte gray) => (float)(Lower + gray * Width / 255.0);

    /// <summary>The 8-bit gray that shows <paramref name="hounsfield"/> (rounded, clipped to 0..255).</summary>
    public byte ToGray(float hounsfield) => (byte)Math.Clamp(Math.Round((hounsfield - Lower) / Width * 255.0), 0, 255);

    /// <summary>Throws when the width is not a positive finite number.</summary>
    public SliceWindow Validated() =>
        Width > 0 && double.IsFinite(Width) && double.IsFinite(Level) ? this : throw new ArgumentException($"window width must be positive and finite; got W{Width}/L{Level}");
}
