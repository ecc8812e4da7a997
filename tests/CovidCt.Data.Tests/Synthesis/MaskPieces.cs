namespace CovidCt.Data.Tests.Synthesis;

/// <summary>The 8-connected pieces of one slice's mask, as <c>covidct_train.realism</c> counts them.</summary>
public static class MaskPieces
{
    /// <summary>Each piece as the list of its pixel indices within the slice.</summary>
    public static List<List<int>> Of(ReadOnlySpan<byte> mask, int width, int height)
    {
        var seen = new bool[mask.Length];
        var stack = new Stack<int>();
        var pieces = new List<List<int>>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || seen[start]) continue;
            var piece = new List<int>();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                piece.Add(i);
                int r = i / width, c = i % width;
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= height || cc >= width) continue;
                        var j = rr * width + cc;
                        if (mask[j] == 0 || seen[j]) continue;
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }
            pieces.Add(piece);
        }
        return pieces;
    }
}
