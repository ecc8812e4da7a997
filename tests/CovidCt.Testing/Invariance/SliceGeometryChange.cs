using CovidCt.Data;

namespace CovidCt.Testing.Invariance;

/// <summary>The geometric edit of an exported form; each becomes a <see cref="SliceReshape"/> for a given patient.</summary>
public enum SliceGeometryChange
{
    /// <summary>The slices as they are.</summary>
    None,

    /// <summary>Cropped to the chest: the bounding box of the body and table over the whole slab (a non-square image).</summary>
    CropToChest,

    /// <summary>A black border of different widths on each side (a non-square image; the chest off-centre).</summary>
    Pad,

    /// <summary>Resized to the odd, non-square 531 x 530.</summary>
    Resize531x530,
}

/// <summary>Turns a <see cref="SliceGeometryChange"/> into the edit for one patient.</summary>
public static class SliceGeometryChanges
{
    /// <summary>Anything denser than this is body or table; the outside air and the scanner's -2048 padding are not.</summary>
    private const float BodyHu = -500;

    /// <summary>Pixels kept around the body, as a hand-drawn crop leaves.</summary>
    private const int CropMargin = 6;

    /// <summary>The edit <paramref name="change"/> makes to every slice of <paramref name="volume"/>, or null for none.</summary>
    public static SliceReshape? For(SliceGeometryChange change, CtVolume volume) => change switch
    {
        SliceGeometryChange.None => null,
        SliceGeometryChange.CropToChest => ChestCrop(volume),
        SliceGeometryChange.Pad => new SliceReshape.Pad(Left: 37, Top: 21, Right: 64, Bottom: 90),
        SliceGeometryChange.Resize531x530 => new SliceReshape.Resize(531, 530),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static SliceReshape.Crop ChestCrop(CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        int left = g.Width, top = g.Height, right = -1, bottom = -1;
        for (var z = 0; z < g.Depth; z++)
        {
            var slice = volume.Slice(z);
            for (var y = 0; y < g.Height; y++)
            {
                for (var x = 0; x < g.Width; x++)
                {
                    if (slice[y * g.Width + x] <= BodyHu) continue;
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
            }
        }
        if (right < 0) throw new ArgumentException($"{volume.Source} has no pixel above {BodyHu} HU: no chest to crop to", nameof(volume));
        left = Math.Max(0, left - CropMargin);
        top = Math.Max(0, top - CropMargin);
        right = Math.Min(g.Width - 1, right + CropMargin);
        bottom = Math.Min(g.Height - 1, bottom + CropMargin);
        return new SliceReshape.Crop(left, top, right - left + 1, bottom - top + 1);
    }
}
