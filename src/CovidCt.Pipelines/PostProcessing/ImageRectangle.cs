namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// An axis-aligned rectangle in continuous pixel coordinates of the original slice, where pixel (x, y) covers
/// [x, x+1) x [y, y+1): <see cref="Right"/> and <see cref="Bottom"/> are exclusive edges.
/// </summary>
/// <param name="Left">Left edge (column), inclusive.</param>
/// <param name="Top">Top edge (row), inclusive.</param>
/// <param name="Right">Right edge, exclusive.</param>
/// <param name="Bottom">Bottom edge, exclusive.</param>
public readonly record struct ImageRectangle(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Horizontal extent in pixels.</summary>
    public double Width => Right - Left;

    /// <summary>Vertical extent in pixels.</summary>
    public double Height => Bottom - Top;

    /// <summary>Horizontal centre.</summary>
    public double CentreX => (Left + Right) / 2;

    /// <summary>Vertical centre.</summary>
    public double CentreY => (Top + Bottom) / 2;

    /// <summary>True when the point lies inside (left/top edges inclusive, right/bottom exclusive).</summary>
    public bool Contains(double x, double y) => x >= Left && x < Right && y >= Top && y < Bottom;
}
