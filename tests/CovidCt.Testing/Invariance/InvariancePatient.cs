using CovidCt.Data;
using CovidCt.Data.Cohorts;

namespace CovidCt.Testing.Invariance;

/// <summary>
/// One patient of the invariance cohort: a slab of consecutive slices of a built real-CT patient, in HU, with its exact
/// lesion mask (controls have none, so every slice is negative).
/// </summary>
public sealed record InvariancePatient(string Id, PatientLabel Label, CtVolume Volume, LesionMask? Mask)
{
    /// <summary>
    /// Reads <paramref name="entry"/> and keeps <paramref name="depth"/> consecutive slices: centred on the slice with the
    /// most lesion pixels for a COVID-19 patient (so the slab holds the lesion run and its ends), on the middle of the series
    /// for a control. A whole series of 133-140 slices at 512 x 512 would make every form take minutes to score.
    /// </summary>
    public static InvariancePatient Slab(CohortEntry entry, int depth)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var volume = CtReader.Read(entry.ImagesPath);
        var mask = entry.MasksPath is { } masks ? CtReader.ReadMask(masks, volume) : null;
        var g = volume.Geometry;
        if (depth > g.Depth) throw new ArgumentOutOfRangeException(nameof(depth), $"{entry.PatientId} has {g.Depth} slices, fewer than the {depth} asked for");
        var centre = mask is null ? g.Depth / 2 : Enumerable.Range(0, g.Depth).MaxBy(mask.LesionPixels);
        var first = Math.Clamp(centre - depth / 2, 0, g.Depth - depth);

        var normal = g.SliceNormal;
        var shift = g.SlicePositions[first] - g.SlicePositions[0];
        var slab = g with
        {
            Depth = depth,
            SlicePositions = g.SlicePositions.Skip(first).Take(depth).ToArray(),
            Origin = new Vector3D(g.Origin.X + shift * normal.X, g.Origin.Y + shift * normal.Y, g.Origin.Z + shift * normal.Z),
        };
        var voxels = volume.Hounsfield.AsSpan(first * g.SliceLength, depth * g.SliceLength).ToArray();
        var labels = mask?.Labels.AsSpan(first * g.SliceLength, depth * g.SliceLength).ToArray();
        return new InvariancePatient(entry.PatientId, entry.Label, new CtVolume(slab, voxels, $"{volume.Source} slices {first}..{first + depth - 1}", volume.SeriesInstanceUid),
            labels is null ? null : new LesionMask(slab, labels, $"{mask!.Source} slices {first}..{first + depth - 1}"));
    }
}
