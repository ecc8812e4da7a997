namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Classical HU lung segmentation: air-like pixels, minus the air (and scanner padding) connected to the image border,
/// keep the largest enclosed components, fill holes (vessels, nodules, lesions), then a small closing.
/// Works on runs of pixels rather than pixels (about 1 ms per 512 x 512 slice, benchmarks/README.md).
/// Keeps its buffers between calls: not thread-safe, reuse one per thread.
/// </summary>
public sealed class LungSegmenter
{
    private readonly RowRuns _air = new();
    private readonly RowRuns _background = new();
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
        Measure(_air);
        var minimum = Math.Max(1, (int)(options.MinLungFraction * n));
        var lungs = LargestEnclosed(_air.Count, options.LungComponents, minimum);
        var selected = Selection(_air.Count);
        for (var r = 0; r < _air.Count; r++) selected[r] = lungs.Contains(_air.Root(r));

        var lung = new byte[n];
        _air.Paint(lung, selected);
        // Holes: background (4-connected, the dual of the 8-connected foreground) not reachable from the border.
        _background.SetGaps(_air, selected);
        _background.Label(Connectivity.Four);
        Measure(_background);
        selected = Selection(_background.Count);
        for (var r = 0; r < _background.Count; r++) selected[r] = !_touchesBorder[_background.Root(r)];
        _background.Paint(lung, selected);

        if (options.ClosingRadius > 0) Morphology.Close(lung, width, height, options.ClosingRadius);
        return new ValidArea(width, height, lung);
    }

    private void Measure(RowRuns runs)
    {
        if (_pixels.Length < runs.Count)
        {
            _pixels = new int[runs.Count];
            _touchesBorder = new bool[runs.Count];
        }
        runs.Measure(_pixels, _touchesBorder);
    }

    private Span<bool> Selection(int count)
    {
        if (_selected.Length < count) _selected = new bool[count];
        return _selected.AsSpan(0, count);
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
