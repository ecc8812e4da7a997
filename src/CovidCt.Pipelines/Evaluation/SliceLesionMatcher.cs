using System.Runtime.CompilerServices;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// Matches one slice's red boxes against its truth mask: lesions are the mask's 8-connected components (the imaging core's
/// labeller, <see cref="RowRuns"/>), each box hits the lesions it reaches under the criterion, a box that hits none is a false
/// positive, and the truth is compared with the area the boxes cover. Keeps its buffers; not thread-safe.
/// </summary>
internal sealed class SliceLesionMatcher
{
    private readonly RowRuns _runs = new();
    private int[] _labels = [];
    private bool[] _covered = [];

    /// <summary>The lesions (with the boxes that hit each) and the slice's record.</summary>
    /// <param name="patientId">Named in the records.</param>
    /// <param name="sliceIndex">Named in the records.</param>
    /// <param name="mask">The slice's truth, row-major, non-zero = lesion; empty for a slice known to be lesion-free without a mask.</param>
    /// <param name="width">Columns of the slice.</param>
    /// <param name="height">Rows of the slice.</param>
    /// <param name="boxes">The slice's boxes, in slice pixel coordinates.</param>
    /// <param name="criterion">When a box hits a lesion.</param>
    public (IReadOnlyList<LesionRecord> Lesions, SliceLesionRecord Slice) Match(string patientId, int sliceIndex, ReadOnlySpan<byte> mask, int width, int height,
        IReadOnlyList<LesionBox> boxes, LesionHitCriterion criterion)
    {
        var count = mask.IsEmpty ? 0 : Label(mask, width, height);
        var hitBoxes = new int[count];
        var scores = new double?[count];
        var falsePositives = new List<double>();
        var reached = new HashSet<int>();
        foreach (var box in boxes)
        {
            reached.Clear();
            if (count > 0) Reached(box.Bounds, width, height, criterion, reached);
            if (reached.Count == 0) falsePositives.Add(box.MaxProbability);
            foreach (var lesion in reached)
            {
                hitBoxes[lesion]++;
                scores[lesion] = Math.Max(scores[lesion] ?? double.NegativeInfinity, box.MaxProbability);
            }
        }
        var lesions = new LesionRecord[count];
        var (pixels, left, top, right, bottom) = Extents(count);
        for (var i = 0; i < count; i++) lesions[i] = new LesionRecord(patientId, sliceIndex, i + 1, pixels[i], left[i], top[i], right[i], bottom[i], hitBoxes[i], scores[i]);
        var overlap = Overlap(mask, width, height, boxes);
        return (lesions, new SliceLesionRecord(patientId, sliceIndex, count, lesions.Count(l => l.IsHit), boxes.Count, falsePositives, overlap));
    }

    // Labels the lesion pixels 0..count-1 in _labels (-1 elsewhere), lesions numbered in scan order of their first run; with no
    // lesion, _labels is left as it was.
    private int Label(ReadOnlySpan<byte> mask, int width, int height)
    {
        var length = width * height;
        if (_labels.Length < length) _labels = new int[length];
        _runs.SetNonZero(mask[..length], width, height);
        // Most slices hold no lesion: then no label is ever read, and painting the whole image -1 would be the slice's largest cost.
        if (_runs.Count == 0) return 0;
        _runs.Label(Connectivity.Eight);
        return _runs.PaintLabels(_labels.AsSpan(0, length));
    }

    // Per-slice kernels are compiled fully optimised at their first call: docs/pipeline.md, "Speed", says why.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reached(ImageRectangle box, int width, int height, LesionHitCriterion criterion, HashSet<int> reached)
    {
        if (criterion == LesionHitCriterion.Centre)
        {
            var (x, y) = ((int)Math.Floor(box.CentreX), (int)Math.Floor(box.CentreY));
            if (x >= 0 && x < width && y >= 0 && y < height && _labels[y * width + x] is var centre and >= 0) reached.Add(centre);
            return;
        }
        // Pixel (x, y) covers [x, x+1) x [y, y+1): it overlaps the box when that square and the box share some area.
        var (x0, y0, x1, y1) = Pixels(box, width, height);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                if (_labels[y * width + x] is var label and >= 0) reached.Add(label);
            }
        }
    }

    // Each lesion's pixels and bounding box, from its runs (the labeller numbers them as it painted _labels).
    private (int[] Pixels, int[] Left, int[] Top, int[] Right, int[] Bottom) Extents(int count)
    {
        var (pixels, left, top, right, bottom) = (new int[count], new int[count], new int[count], new int[count], new int[count]);
        if (count > 0) _runs.Extents(pixels, left, top, right, bottom);
        return (pixels, left, top, right, bottom);
    }

    // A pixel is covered when its centre lies in a box. Only the pixels of the boxes are visited: most slices have none, and
    // then the overlap is just the truth's area; otherwise only the rectangle around every box is cleared and counted.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private AreaOverlap Overlap(ReadOnlySpan<byte> mask, int width, int height, IReadOnlyList<LesionBox> boxes)
    {
        var truth = mask.IsEmpty ? 0L : (long)width * height - mask.Count((byte)0);
        if (boxes.Count == 0) return new AreaOverlap(truth, 0, 0);
        var (ux0, uy0, ux1, uy1) = (width, height, 0, 0);
        foreach (var box in boxes)
        {
            var (x0, y0, x1, y1) = Pixels(box.Bounds, width, height);
            (ux0, uy0, ux1, uy1) = (Math.Min(ux0, x0), Math.Min(uy0, y0), Math.Max(ux1, x1), Math.Max(uy1, y1));
        }
        if (ux0 >= ux1 || uy0 >= uy1) return new AreaOverlap(truth, 0, 0);
        var span = ux1 - ux0;
        var length = span * (uy1 - uy0);
        if (_covered.Length < length) _covered = new bool[length];
        var covered = _covered.AsSpan(0, length);
        covered.Clear();
        foreach (var box in boxes)
        {
            var b = box.Bounds;
            var (x0, y0, x1, y1) = Pixels(b, width, height);
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++) if (b.Contains(x + 0.5, y + 0.5)) covered[(y - uy0) * span + x - ux0] = true;
            }
        }
        long predicted = 0, both = 0;
        for (var y = uy0; y < uy1; y++)
        {
            var row = covered.Slice((y - uy0) * span, span);
            for (var x = 0; x < span; x++)
            {
                if (!row[x]) continue;
                predicted++;
                if (!mask.IsEmpty && mask[y * width + ux0 + x] != 0) both++;
            }
        }
        return new AreaOverlap(truth, predicted, both);
    }

    // The slice pixels [x0, x1) x [y0, y1) a rectangle touches, clipped to the slice.
    private static (int X0, int Y0, int X1, int Y1) Pixels(ImageRectangle b, int width, int height) =>
        (Math.Max(0, (int)Math.Floor(b.Left)), Math.Max(0, (int)Math.Floor(b.Top)), Math.Min(width, (int)Math.Ceiling(b.Right)), Math.Min(height, (int)Math.Ceiling(b.Bottom)));
}
