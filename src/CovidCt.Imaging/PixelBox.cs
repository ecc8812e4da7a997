namespace CovidCt.Imaging;

/// <summary>
/// A rectangle of whole pixels of a slice, possibly reaching beyond its edges (where it stands for air): columns
/// [<see cref="Left"/>, <see cref="Right"/>) and rows [<see cref="Top"/>, <see cref="Bottom"/>).
/// </summary>
/// <param name="Left">First column.</param>
/// <param name="Top">First row.</param>
/// <param name="Width">Columns (positive).</param>
/// <param name="Height">Rows (positive).</param>
internal readonly record struct PixelBox(int Left, int Top, int Width, int Height)
{
    /// <summary>One past the last column.</summary>
    public int Right => Left + Width;

    /// <summary>One past the last row.</summary>
    public int Bottom => Top + Height;

    /// <summary>The whole of a <paramref name="width"/> x <paramref name="height"/> slice.</summary>
    public static PixelBox Whole(int width, int height) => new(0, 0, width, height);
}
