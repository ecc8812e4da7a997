namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Classical HU lung segmentation: air-like pixels, minus the air (and scanner padding) connected to the image border,
/// keep the largest enclosed components, fill holes (vessels, nodules, lesions), then a small closing.
/// Works on runs of pixels rather than pixels, and draws the mask only when it is asked for: the study's rectangle needs
/// the bounds alone, which filling and closing do not move away from the border (benchmarks/README.md has the timings).
/// Keeps its buffers between calls: not thread-safe, reuse one per thread (the areas it returns are thread-safe).
/// </summary>
public sealed class LungSegmenter
{
    private readonly RowRuns _air = new();
    private int[] _pixels = [];
    private bool[] _touchesBorder = [];
    private bool[] _selected = [];

    /// <summary>Segments the lung fields of one slice of HU values (row-major). NaN pixels count as tissue, never as air.</summary>
    public ValidArea Segment(ReadOnlySpan<float> hounsfield, int width, int height, ValidAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = width * height;
        if (hounsfield.Length != n) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        if (options.Region == ValidAreaRegion.WholeImage) return ValidArea.WholeImage(width, height);

        // Air components (8-connected) that touch the border are outside air or padding; the largest enclosed ones are the lungs.
        _air.SetBelow(hounsfield, width, height, (float)options.AirThresholdHu);
        _air.Label(Connectivity.Eight);
        Grow(_air.Count);
        _air.Measure(_pixels, _touchesBorder);
        var minimum = Math.Max(1, (int)(options.MinLungFraction * n));
        var lungRoots = LargestEnclosed(_air.Count, options.LungComponents, minimum);
        var selected = _selected.AsSpan(0, _air.Count);
        for (var r = 0; r < _air.Count; r++) selected[r] = lungRoots.Contains(_air.Root(r));
        var lungs = _air.Select(selected);

        var radius = options.ClosingRadius;
        var bounds = lungs.Bounds();
        // Filling holes never leaves the rectangle, and a closing can only leave it where the dilation reaches the image
        // border (outside counts as foreground for the erosion); away from the border the rectangle is final already.
        if (bounds is null || (bounds.Value.Left > radius && bounds.Value.Top > radius && bounds.Value.Right < width - radius && bounds.Value.Bottom < height - radius))
        {
            return new ValidArea(width, height, bounds, () => Draw(lungs, radius));
        }
        return new ValidArea(width, height, Draw(lungs, radius));
    }

    // The mask: lung runs, plus the holes (background, 4-connected as the dual of the 8-connected foreground, that does not
    // reach the border), then the closing. Allocates its own buffers: it may run later, on another thread.
    private static byte[] Draw(RowRuns lungs, int closingRadius)
    {
        var mask = new byte[lungs.Width * lungs.Height];
        lungs.Paint(mask);
        var background = new RowRuns();
        background.SetGaps(lungs);
        background.Label(Connectivity.Four);
        var pixels = new int[background.Count];
        var touchesBorder = new bool[background.Count];
        background.Measure(pixels, touchesBorder);
        var holes = new bool[background.Count];
        for (var r = 0; r < holes.Length; r++) holes[r] = !touchesBorder[background.Root(r)];
        background.Paint(mask, holes);
        if (closingRadius > 0) Morphology.Close(mask, lungs.Width, lungs.Height, closingRadius);
        return mask;
    }

    private void Grow(int runs)
    {
        if (_pixels.Length >= runs) return;
        _pixels = new int[runs];
        _touchesBorder = new bool[runs];
        _selected = new bool[runs];
    }

    // The roots of the `keep` largest components that do not touch the border and hold at least `minimum` pixels;
    // ties go to the component met first in scan order.
    private List<int> LargestEnclosed(int runs, int keep, int minimum)
    {
        var kept = new List<int>(keep);
        for (var k = 0; k < keep; k++)
        {
            int best = -1, bestSize = minimum - 1;
            for (var root = 0; root < runs; root++)
            {
                if (!_touchesBorder[root] && _pixels[root] > bestSize && !kept.Contains(root)) { best = root; bestSize = _pixels[root]; }
            }
            if (best < 0) break;
            kept.Add(best);
        }
        return kept;
    }
}
