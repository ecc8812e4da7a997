using CovidCt.Imaging;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.Evaluation;

// The lesion matcher as it was before issue #20's third session, kept as the oracle of SliceLesionMatcherParityTests: it paints
// every slice's labels, and measures the lesions and the boxes' overlap over the whole image.
internal sealed class WholeImageLesionMatcher
{
    private readonly RowRuns _runs = new();
    private int[] _labels = [];
    private bool[] _covered = [];

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
        var (pixels, left, top, right, bottom) = Extents(count, width, height);
        for (var i = 0; i < count; i++) lesions[i] = new LesionRecord(patientId, sliceIndex, i + 1, pixels[i], left[i], top[i], right[i], bottom[i], hitBoxes[i], scores[i]);
        var overlap = Overlap(mask, width, height, boxes);
        return (lesions, new SliceLesionRecord(patientId, sliceIndex, count, lesions.Count(l => l.IsHit), boxes.Count, falsePositives, overlap));
    }

    // Labels the lesion pixels 0..count-1 in _labels (-1 elsewhere), lesions numbered in scan order of their first run.
    private int Label(ReadOnlySpan<byte> mask, int width, int height)
    {
        var length = width * height;
        if (_labels.Length < length) _labels = new int[length];
        _runs.SetNonZero(mask[..length], width, height);
        _runs.Label(Connectivity.Eight);
        return _runs.PaintLabels(_labels.AsSpan(0, length));
    }

    private void Reached(ImageRectangle box, int width, int height, LesionHitCriterion criterion, HashSet<int> reached)
    {
        if (criterion == LesionHitCriterion.Centre)
        {
            var (x, y) = ((int)Math.Floor(box.CentreX), (int)Math.Floor(box.CentreY));
            if (x >= 0 && x < width && y >= 0 && y < height && _labels[y * width + x] is var centre and >= 0) reached.Add(centre);
            return;
        }
        // Pixel (x, y) covers [x, x+1) x [y, y+1): it overlaps the box when that square and the box share some area.
        var (x0, y0) = (Math.Max(0, (int)Math.Floor(box.Left)), Math.Max(0, (int)Math.Floor(box.Top)));
        var (x1, y1) = (Math.Min(width, (int)Math.Ceiling(box.Right)), Math.Min(height, (int)Math.Ceiling(box.Bottom)));
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                if (_labels[y * width + x] is var label and >= 0) reached.Add(label);
            }
        }
    }

    private (int[] Pixels, int[] Left, int[] Top, int[] Right, int[] Bottom) Extents(int count, int width, int height)
    {
        var pixels = new int[count];
        var (left, top, right, bottom) = (Enumerable.Repeat(width, count).ToArray(), Enumerable.Repeat(height, count).ToArray(), new int[count], new int[count]);
        for (var y = 0; y < height && count > 0; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (_labels[y * width + x] is not (var l and >= 0)) continue;
                pixels[l]++;
                left[l] = Math.Min(left[l], x);
                top[l] = Math.Min(top[l], y);
                right[l] = Math.Max(right[l], x + 1);
                bottom[l] = Math.Max(bottom[l], y + 1);
            }
        }
        return (pixels, left, top, right, bottom);
    }

    // A pixel is covered when its centre lies in a box. Only the pixels of the boxes are visited: most slices have none, and
    // then the overlap is just the truth's area.
    private AreaOverlap Overlap(ReadOnlySpan<byte> mask, int width, int height, IReadOnlyList<LesionBox> boxes)
    {
        var truth = mask.IsEmpty ? 0L : (long)width * height - mask.Count((byte)0);
        if (boxes.Count == 0) return new AreaOverlap(truth, 0, 0);
        var length = width * height;
        if (_covered.Length < length) _covered = new bool[length];
        var covered = _covered.AsSpan(0, length);
        covered.Clear();
        foreach (var box in boxes)
        {
            var b = box.Bounds;
            var (x0, y0) = (Math.Max(0, (int)Math.Floor(b.Left)), Math.Max(0, (int)Math.Floor(b.Top)));
            var (x1, y1) = (Math.Min(width, (int)Math.Ceiling(b.Right)), Math.Min(height, (int)Math.Ceiling(b.Bottom)));
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++) if (b.Contains(x + 0.5, y + 0.5)) covered[y * width + x] = true;
            }
        }
        long predicted = 0, both = 0;
        for (var i = 0; i < length; i++)
        {
            if (!covered[i]) continue;
            predicted++;
            if (!mask.IsEmpty && mask[i] != 0) both++;
        }
        return new AreaOverlap(truth, predicted, both);
    }
}
