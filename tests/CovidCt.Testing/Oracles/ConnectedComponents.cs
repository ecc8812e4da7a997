using CovidCt.Imaging;

namespace CovidCt.Testing.Oracles;

/// <summary>
/// Two-pass scanline labelling with union-find over a flat mask, pixel by pixel rather than run by run: linear time, no
/// recursion, no allocation beyond the label buffer and the equivalence table it keeps between calls. The oracle the
/// product's run-based labellers are checked against; it has no production caller. Not thread-safe; reuse one per thread.
/// </summary>
public sealed class ConnectedComponents
{
    private int[] _parent = new int[64];

    /// <summary>
    /// Labels the non-zero pixels of <paramref name="mask"/> (<paramref name="width"/> x <paramref name="height"/>, row-major) into
    /// <paramref name="labels"/>: 0 for background, 1..count for components numbered in scan order of their first pixel.
    /// </summary>
    /// <returns>The number of components.</returns>
    public int Label(ReadOnlySpan<byte> mask, int width, int height, Span<int> labels, Connectivity connectivity)
    {
        if (mask.Length != width * height || labels.Length != mask.Length) throw new ArgumentException("mask and labels must both hold width x height pixels");
        var next = 1;
        var corners = connectivity == Connectivity.Eight;
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                if (mask[i] == 0)
                {
                    labels[i] = 0;
                    continue;
                }
                var label = 0;
                var up = i - width;
                if (corners && y > 0 && labels[up] != 0)
                {
                    // The pixel above touches the left, upper-left and upper-right neighbours too, so they already share its root.
                    label = labels[up];
                }
                else
                {
                    if (x > 0) label = labels[i - 1];
                    if (y > 0)
                    {
                        label = Join(label, labels[up]);
                        if (corners)
                        {
                            if (x > 0) label = Join(label, labels[up - 1]);
                            if (x < width - 1) label = Join(label, labels[up + 1]);
                        }
                    }
                }
                if (label == 0)
                {
                    label = next++;
                    EnsureCapacity(label);
                    _parent[label] = label;
                }
                labels[i] = label;
            }
        }
        // Point every provisional label at its root, then number the roots 1..count in scan order (stored negated so
        // a root, which always precedes its members, is already renumbered when a member reads it).
        for (var l = 1; l < next; l++) _parent[l] = Find(l);
        var count = 0;
        for (var l = 1; l < next; l++)
        {
            _parent[l] = _parent[l] == l ? -(++count) : _parent[_parent[l]];
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0) labels[i] = -_parent[labels[i]];
        }
        return count;
    }

    private int Join(int label, int neighbour)
    {
        // Most neighbours already carry the same provisional label: skip the root search for them.
        if (neighbour == 0 || neighbour == label) return label;
        if (label == 0) return neighbour;
        var a = Find(label);
        var b = Find(neighbour);
        if (a == b) return a;
        // The smaller root wins, so roots always precede their members in scan order (needed by the compaction).
        if (a < b) { _parent[b] = a; return a; }
        _parent[a] = b;
        return b;
    }

    private int Find(int label)
    {
        var root = label;
        while (_parent[root] != root) root = _parent[root];
        while (_parent[label] != root)
        {
            var up = _parent[label];
            _parent[label] = root;
            label = up;
        }
        return root;
    }

    private void EnsureCapacity(int label)
    {
        if (label >= _parent.Length) Array.Resize(ref _parent, _parent.Length * 2);
    }
}
