using CovidCt.Imaging;
using CovidCt.Testing.Oracles;
using FsCheck;
using FsCheck.Fluent;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class ConnectedComponentsTests
{
    private static byte[] Mask(params string[] rows) => rows.SelectMany(r => r.Select(c => c == '#' ? (byte)1 : (byte)0)).ToArray();

    [Fact]
    public void Diagonal_neighbours_join_with_eight_connectivity_only()
    {
        var mask = Mask("#..", ".#.", "..#");
        var labels = new int[9];
        var components = new ConnectedComponents();
        Assert.Equal(1, components.Label(mask, 3, 3, labels, Connectivity.Eight));
        Assert.Equal(3, components.Label(mask, 3, 3, labels, Connectivity.Four));
    }

    [Fact]
    public void Branches_that_meet_below_become_one_component_numbered_in_scan_order()
    {
        var mask = Mask("#.#..#", "#.#..#", "###..#");
        var labels = new int[mask.Length];
        Assert.Equal(2, new ConnectedComponents().Label(mask, 6, 3, labels, Connectivity.Eight));
        Assert.Equal([1, 0, 1, 0, 0, 2], labels[..6]);
        Assert.Equal(1, labels[13]);
    }

    [Fact]
    public void Labels_agree_with_a_flood_fill_on_random_masks()
    {
        var components = new ConnectedComponents();
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int width = random.Next(1, 20), height = random.Next(1, 20);
            var mask = Enumerable.Range(0, width * height).Select(_ => random.NextDouble() < 0.45 ? (byte)1 : (byte)0).ToArray();
            var labels = new int[mask.Length];
            var count = components.Label(mask, width, height, labels, Connectivity.Eight);
            return count == FloodFillCount(mask, width, height)
                && labels.Where(l => l != 0).Distinct().Count() == count
                && (count == 0 || labels.Max() == count)
                && SameComponentsAsNeighbours(mask, labels, width, height);
        }).QuickCheckThrowOnFailure();
    }

    private static int FloodFillCount(byte[] mask, int width, int height)
    {
        var seen = new bool[mask.Length];
        var count = 0;
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || seen[start]) continue;
            count++;
            var stack = new Stack<int>([start]);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                        var j = ny * width + nx;
                        if (mask[j] != 0 && !seen[j]) { seen[j] = true; stack.Push(j); }
                    }
                }
            }
        }
        return count;
    }

    // Every foreground pixel has a label, and touching foreground pixels share it.
    private static bool SameComponentsAsNeighbours(byte[] mask, int[] labels, int width, int height)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            if ((mask[i] != 0) != (labels[i] != 0)) return false;
            if (mask[i] == 0) continue;
            int x = i % width, y = i / width;
            if (x + 1 < width && mask[i + 1] != 0 && labels[i + 1] != labels[i]) return false;
            if (y + 1 < height && mask[i + width] != 0 && labels[i + width] != labels[i]) return false;
            if (y + 1 < height && x + 1 < width && mask[i + width + 1] != 0 && labels[i + width + 1] != labels[i]) return false;
            if (y + 1 < height && x > 0 && mask[i + width - 1] != 0 && labels[i + width - 1] != labels[i]) return false;
        }
        return true;
    }
}
