namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Classical HU lung segmentation: air-like pixels, minus the air (and scanner padding) connected to the image border,
/// keep the largest enclosed components, fill holes (vessels, nodules, lesions), then a small closing.
/// Keeps its buffers between calls: not thread-safe, reuse one per thread.
/// </summary>
public sealed class LungSegmenter
{
    private readonly ConnectedComponents _components = new();
    private int[] _labels = [];
    private byte[] _scratch = [];
    private int[] _sizes = [];

    /// <summary>Segments the lung fields of one slice of HU values (row-major). NaN pixels count as outside the body.</summary>
    public ValidArea Segment(ReadOnlySpan<float> hounsfield, int width, int height, ValidAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = width * height;
        if (hounsfield.Length != n) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        if (options.Region == ValidAreaRegion.WholeImage) return ValidArea.WholeImage(width, height);
        Grow(n);
        var labels = _labels.AsSpan(0, n);
        var air = _scratch.AsSpan(0, n);
        var threshold = (float)options.AirThresholdHu;
        for (var i = 0; i < n; i++) air[i] = hounsfield[i] < threshold ? (byte)1 : (byte)0;

        var count = _components.Label(air, width, height, labels, Connectivity.Eight);
        var sizes = ComponentSizes(labels, count);
        ClearBorderComponents(labels, width, height, sizes);
        var lung = new byte[n];
        var minimum = Math.Max(1, (int)(options.MinLungFraction * n));
        var kept = LargestComponents(sizes, count, options.LungComponents, minimum);
        if (kept.Count > 0)
        {
            var keep = new bool[count + 1];
            foreach (var label in kept) keep[label] = true;
            for (var i = 0; i < n; i++) lung[i] = keep[labels[i]] ? (byte)1 : (byte)0;
        }
        FillHoles(lung, width, height);
        if (options.ClosingRadius > 0) Morphology.Close(lung, width, height, options.ClosingRadius);
        return new ValidArea(width, height, lung);
    }

    private Span<int> ComponentSizes(ReadOnlySpan<int> labels, int count)
    {
        if (_sizes.Length < count + 1) _sizes = new int[count + 1];
        var sizes = _sizes.AsSpan(0, count + 1);
        sizes.Clear();
        foreach (var l in labels) sizes[l]++;
        sizes[0] = 0;
        return sizes;
    }

    // Components touching the border are outside air or padding: their size is set to 0 so they are never kept.
    private static void ClearBorderComponents(ReadOnlySpan<int> labels, int width, int height, Span<int> sizes)
    {
        for (var x = 0; x < width; x++)
        {
            sizes[labels[x]] = 0;
            sizes[labels[(height - 1) * width + x]] = 0;
        }
        for (var y = 0; y < height; y++)
        {
            sizes[labels[y * width]] = 0;
            sizes[labels[y * width + width - 1]] = 0;
        }
    }

    private static List<int> LargestComponents(ReadOnlySpan<int> sizes, int count, int keep, int minimum)
    {
        var kept = new List<int>(keep);
        for (var k = 0; k < keep; k++)
        {
            int best = 0, bestSize = minimum - 1;
            for (var l = 1; l <= count; l++)
            {
                if (sizes[l] > bestSize && !kept.Contains(l)) { best = l; bestSize = sizes[l]; }
            }
            if (best == 0) break;
            kept.Add(best);
        }
        return kept;
    }

    // Background not reachable from the border (4-connected, the dual of the 8-connected foreground) is a hole.
    private void FillHoles(byte[] lung, int width, int height)
    {
        var n = lung.Length;
        var background = _scratch.AsSpan(0, n);
        for (var i = 0; i < n; i++) background[i] = lung[i] == 0 ? (byte)1 : (byte)0;
        var labels = _labels.AsSpan(0, n);
        var count = _components.Label(background, width, height, labels, Connectivity.Four);
        var outside = new bool[count + 1];
        for (var x = 0; x < width; x++) { outside[labels[x]] = true; outside[labels[(height - 1) * width + x]] = true; }
        for (var y = 0; y < height; y++) { outside[labels[y * width]] = true; outside[labels[y * width + width - 1]] = true; }
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != 0 && !outside[labels[i]]) lung[i] = 1;
        }
    }

    private void Grow(int n)
    {
        if (_labels.Length >= n) return;
        _labels = new int[n];
        _scratch = new byte[n];
    }
}
