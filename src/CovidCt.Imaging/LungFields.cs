namespace CovidCt.Imaging;

/// <summary>
/// The platform's one definition of the lung fields on HU: air-like pixels, minus the air connected to the border of each
/// slice (outside air, table gaps, the padding of the scan circle; on request, border air that lies inside the body's convex
/// outline stays: lungs cut by a crop, <see cref="LungFieldOptions.BorderLungInsideBody"/>), grouped into components (per slice, or across slices),
/// of which the largest enclosed ones are kept; then, when the mask is drawn, holes filled and a small closing. The valid
/// area runs it per slice and the simulator in 3D, each with its own <see cref="LungFieldOptions"/>. Works on runs of pixels
/// rather than pixels. Keeps its buffers between calls: not thread-safe, reuse one per thread.
/// </summary>
internal sealed class LungFields
{
    private readonly RowRuns _air = new();
    private int[] _pixels = [];
    private bool[] _touchesBorder = [];
    private bool[] _eligible = [];
    private int[] _inside = [];
    private int[] _from = [];
    private int[] _to = [];
    private bool[] _selected = [];

    /// <summary>
    /// The lung runs of <paramref name="depth"/> slices of <paramref name="width"/> x <paramref name="height"/> HU values
    /// (slice-major, row-major): a new instance, which <see cref="Draw"/> turns into a mask.
    /// </summary>
    public RowRuns Find(ReadOnlySpan<float> hounsfield, int width, int height, int depth, LungFieldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _air.SetBelow(hounsfield, width, height, depth, options.AirThresholdHu);
        _air.Label(options.AirConnectivity);
        Measure(_air);
        var candidates = _air;
        if (options.LinkSlices)
        {
            if (options.BorderLungInsideBody > 0) throw new ArgumentException("lungs touching the border are found per slice, not with linked slices", nameof(options));
            // Enclosedness is a property of each slice; only what is enclosed there is joined across slices.
            var enclosed = Selection(_air.Count);
            for (var r = 0; r < _air.Count; r++) enclosed[r] = !_touchesBorder[_air.Root(r)];
            candidates = _air.Select(enclosed);
            candidates.Label(options.AirConnectivity, linkSlices: true);
            Measure(candidates);
        }
        var minimum = Math.Max(1L, (long)(options.MinFractionOfImage * ((long)width * height * depth)));
        MarkEligible(candidates, options.BorderLungInsideBody, minimum);
        var kept = Selection(candidates.Count);
        MarkLargest(kept, options.MaxComponents, minimum, options.MinFractionOfLargest);
        // A run is kept when its component's root is: roots precede their members, so each run reads a decided root.
        for (var r = 0; r < candidates.Count; r++) kept[r] = kept[candidates.Root(r)];
        return candidates.Select(kept);
    }

    /// <summary>
    /// The mask of <paramref name="lungs"/> (0 or 1 per pixel): the lung runs, then the holes filled and the closing, each slice
    /// on its own, as <paramref name="options"/> asks. Allocates its own buffers: it may run later, on another thread.
    /// </summary>
    public static byte[] Draw(RowRuns lungs, LungFieldOptions options)
    {
        ArgumentNullException.ThrowIfNull(lungs);
        ArgumentNullException.ThrowIfNull(options);
        var sliceLength = lungs.Width * lungs.Height;
        var mask = new byte[sliceLength * lungs.Depth];
        lungs.Paint(mask);
        if (options.FillHoles)
        {
            // The background is 4-connected, the dual of the 8-connected foreground; what of it cannot reach the border is a hole.
            var background = new RowRuns();
            background.SetGaps(lungs);
            background.Label(Connectivity.Four);
            var pixels = new int[background.Count];
            var touchesBorder = new bool[background.Count];
            background.Measure(pixels, touchesBorder);
            var holes = new bool[background.Count];
            for (var r = 0; r < holes.Length; r++) holes[r] = !touchesBorder[background.Root(r)];
            background.Paint(mask, holes);
        }
        if (options.ClosingRadius > 0)
        {
            if (lungs.Depth == 1)
            {
                Morphology.Close(mask, lungs.Width, lungs.Height, options.ClosingRadius);
                return mask;
            }
            var slice = new byte[sliceLength];
            for (var z = 0; z < lungs.Depth; z++)
            {
                mask.AsSpan(z * sliceLength, sliceLength).CopyTo(slice);
                Morphology.Close(slice, lungs.Width, lungs.Height, options.ClosingRadius);
                slice.CopyTo(mask.AsSpan(z * sliceLength, sliceLength));
            }
        }
        return mask;
    }

    private void Measure(RowRuns runs)
    {
        if (_pixels.Length < runs.Count)
        {
            _pixels = new int[runs.Count];
            _touchesBorder = new bool[runs.Count];
            _eligible = new bool[runs.Count];
            _inside = new int[runs.Count];
        }
        runs.Measure(_pixels, _touchesBorder);
    }

    // Which components (by root) may be lungs: the enclosed ones and, when `insideBody` > 0, those touching the border with at
    // least that fraction of their pixels inside the convex outline of the slice's non-air pixels (LungFieldOptions.BorderLungInsideBody).
    // The outline is drawn only when a component touching the border is large enough to be kept.
    private void MarkEligible(RowRuns runs, double insideBody, long minimum)
    {
        var candidates = false;
        for (var r = 0; r < runs.Count; r++)
        {
            _eligible[r] = !_touchesBorder[r];
            candidates |= insideBody > 0 && _touchesBorder[r] && _pixels[r] >= minimum;
        }
        if (!candidates) return;
        var rows = runs.Height * runs.Depth;
        if (_from.Length < rows)
        {
            _from = new int[rows];
            _to = new int[rows];
        }
        for (var z = 0; z < runs.Depth; z++)
        {
            var first = z * runs.Height;
            ConvexOutline.Fill(runs.Height, y => runs.GapExtent(first + y), _from.AsSpan(first), _to.AsSpan(first));
        }
        runs.MeasureWithin(_from, _to, _inside);
        for (var r = 0; r < runs.Count; r++)
        {
            if (_touchesBorder[r] && _inside[r] >= insideBody * _pixels[r]) _eligible[r] = true;
        }
    }

    private Span<bool> Selection(int runs)
    {
        if (_selected.Length < runs) _selected = new bool[runs];
        return _selected.AsSpan(0, runs);
    }

    // Marks (in `kept`, indexed by root) the `keep` largest eligible components that hold at least
    // `minimum` pixels and at least `fractionOfLargest` of the largest such component; ties go to the first in scan order.
    private void MarkLargest(Span<bool> kept, int keep, long minimum, double fractionOfLargest)
    {
        kept.Clear();
        var largest = 0;
        for (var root = 0; root < kept.Length; root++)
        {
            if (_eligible[root]) largest = Math.Max(largest, _pixels[root]);
        }
        for (var k = 0; k < keep; k++)
        {
            int best = -1, bestSize = 0;
            for (var root = 0; root < kept.Length; root++)
            {
                var size = _pixels[root];
                if (!_eligible[root] || kept[root] || size <= bestSize || size < minimum || size < fractionOfLargest * largest) continue;
                best = root;
                bestSize = size;
            }
            if (best < 0) return;
            kept[best] = true;
        }
    }
}
