namespace CovidCt.Data.Synthesis;

/// <summary>
/// Paints findings into a volume. Each finding replaces a fraction of the air in a voxel by tissue (or, for emphysema,
/// tissue by air), measured against a noise-free background, so vessels keep their density inside ground glass and the
/// image keeps its own noise texture.
/// </summary>
/// <remarks>
/// The lesion field at a voxel is <c>c = F · (TissueHu − background) − E · (background − AirHu) · (1 − F)</c>, where F
/// combines the fills of all densifying findings and E is the emphysema fill, both limited to the lung. The field is
/// soft-thresholded: where |c| exceeds <see cref="MaskThresholdHu"/> the voxel changes by <c>c ∓ (MaskThresholdHu − 1)</c>,
/// elsewhere not at all. So the change rises continuously from about 1 HU at the lesion's edge (no step a model could
/// learn as an outline), every voxel outside the lesions is left exactly as it was, and the COVID-19 mask is exactly
/// the set of voxels the COVID-19 findings changed (each by at least 1 HU, also after rounding to whole HU); the
/// <see cref="LesionModel.Realistic"/> planner's mask leaves out the pieces no reader could see (<see cref="FaintPieces"/>).
/// </remarks>
public static class LesionSimulator
{
    /// <summary>A voxel is changed, and enters the mask, when its lesion field exceeds this many HU (see the remarks).</summary>
    public const float MaskThresholdHu = 20f;

    /// <summary>
    /// The change in HU a lesion piece must reach somewhere on its slice to stay in a <see cref="LesionModel.Realistic"/>
    /// mask: about the scanner noise of a lung slice, below which no reader sees the piece.
    /// </summary>
    public const float VisibleChangeHu = 30f;

    /// <summary>The density lesions fill towards (fluid and cells), HU.</summary>
    public const float TissueHu = 40f;

    /// <summary>The density emphysema empties towards, HU.</summary>
    public const float AirHu = -1000f;

    /// <summary>
    /// Adds <paramref name="findings"/> to <paramref name="image"/> (in place) and returns the COVID-19 lesion mask
    /// (1 where the COVID-19 findings' field exceeds <see cref="MaskThresholdHu"/>, i.e. where they changed the voxel).
    /// </summary>
    /// <param name="findings">What to paint, in the mm frame of <paramref name="geometry"/> (see <see cref="Finding"/>).</param>
    /// <param name="geometry">The grid.</param>
    /// <param name="image">HU, modified in place.</param>
    /// <param name="background">Noise-free estimate of <paramref name="image"/>; may be the same array only when the image is noise-free.</param>
    /// <param name="lungCoverage">0..255 fraction of each voxel inside the lung; findings are scaled by it.</param>
    /// <param name="lesions">The planner: <see cref="LesionModel.Realistic"/> also leaves invisible specks out of the mask (<see cref="FaintPieces"/>).</param>
    internal static byte[] Apply(IReadOnlyList<Finding> findings, VolumeGeometry geometry, float[] image, float[] background, byte[] lungCoverage, LesionModel lesions)
    {
        var shapes = findings.Select(f => new LesionShape(f)).ToArray();
        var mask = new byte[geometry.VoxelCount];
        Parallel.For(0, geometry.Depth, z => PaintSlice(shapes, geometry, z, image, background, lungCoverage, mask, lesions == LesionModel.Realistic));
        return mask;
    }

    private static void PaintSlice(LesionShape[] shapes, VolumeGeometry g, int z, float[] image, float[] background, byte[] lungCoverage, byte[] mask, bool dropFaintPieces)
    {
        var zMm = g.SlicePositions[z];
        var covid = new float[g.SliceLength];
        var dense = new float[g.SliceLength];
        var empty = new float[g.SliceLength];
        var touched = false;
        foreach (var shape in shapes)
        {
            var f = shape.Finding;
            if (Math.Abs(zMm - f.Centre.Z) > f.CraniocaudalRadius * shape.Reach) continue;
            var extent = Math.Max(f.RadialRadius, f.TangentialRadius) * shape.Reach;
            var c0 = Math.Max(0, (int)Math.Floor((f.Centre.X - extent) / g.ColumnSpacing));
            var c1 = Math.Min(g.Width - 1, (int)Math.Ceiling((f.Centre.X + extent) / g.ColumnSpacing));
            var r0 = Math.Max(0, (int)Math.Floor((f.Centre.Y - extent) / g.RowSpacing));
            var r1 = Math.Min(g.Height - 1, (int)Math.Ceiling((f.Centre.Y + extent) / g.RowSpacing));
            for (var row = r0; row <= r1; row++)
            {
                for (var column = c0; column <= c1; column++)
                {
                    var i = row * g.Width + column;
                    var lung = lungCoverage[z * g.SliceLength + i] / 255.0;
                    if (lung <= 0) continue;
                    var fill = shape.At(column * g.ColumnSpacing, row * g.RowSpacing, zMm) * lung;
                    if (fill == 0) continue;
                    touched = true;
                    if (fill < 0) empty[i] = Math.Max(empty[i], (float)-fill);
                    else if (f.IsCovid) covid[i] = 1 - (1 - covid[i]) * (1 - (float)fill);
                    else dense[i] = 1 - (1 - dense[i]) * (1 - (float)fill);
                }
            }
        }
        if (!touched) return;
        var offset = z * g.SliceLength;
        var changed = dropFaintPieces ? new float[g.SliceLength] : null;
        for (var i = 0; i < g.SliceLength; i++)
        {
            if (covid[i] == 0 && dense[i] == 0 && empty[i] == 0) continue;
            var b = background[offset + i];
            var room = Math.Max(0f, TissueHu - b);
            var fill = 1 - (1 - covid[i]) * (1 - dense[i]);
            var change = fill * room - empty[i] * Math.Max(0f, b - AirHu) * (1 - fill);
            if (Math.Abs(change) <= MaskThresholdHu) continue;
            var applied = change - MathF.Sign(change) * (MaskThresholdHu - 1);
            image[offset + i] += applied;
            if (covid[i] * room > MaskThresholdHu) mask[offset + i] = 1;
            if (changed is not null) changed[i] = covid[i] * room - (MaskThresholdHu - 1);
        }
        if (changed is not null) FaintPieces.Drop(mask.AsSpan(offset, g.SliceLength), changed, g.Width, g.Height);
    }
}
