namespace CovidCt.Data;

/// <summary>
/// A CT volume in Hounsfield units on a <see cref="VolumeGeometry"/> grid, with where it came from.
/// </summary>
public sealed class CtVolume
{
    /// <summary>Wraps <paramref name="hounsfield"/> (not copied) as a volume on <paramref name="geometry"/>.</summary>
    /// <exception cref="ArgumentException">When the array length is not the grid's voxel count.</exception>
    public CtVolume(VolumeGeometry geometry, float[] hounsfield, string source, string? seriesInstanceUid = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(hounsfield);
        if (hounsfield.LongLength != geometry.VoxelCount)
        {
            throw new ArgumentException($"{hounsfield.LongLength} voxels do not fill a {geometry.Width}x{geometry.Height}x{geometry.Depth} grid", nameof(hounsfield));
        }
        Geometry = geometry;
        Hounsfield = hounsfield;
        Source = source;
        SeriesInstanceUid = seriesInstanceUid;
    }

    /// <summary>The voxel grid.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>Voxels in HU, laid out as described on <see cref="VolumeGeometry"/>.</summary>
    public float[] Hounsfield { get; }

    /// <summary>The file or folder the volume was read from, or a description for generated volumes.</summary>
    public string Source { get; }

    /// <summary>DICOM Series Instance UID when the volume came from DICOM (or was converted from it), else null.</summary>
    public string? SeriesInstanceUid { get; }

    /// <summary>
    /// The geometry the reader assumed because the source did not state it (orientation, slice positions or spacing), each
    /// once for the volume; empty when the source stated everything. Front ends print them as warnings before any number.
    /// </summary>
    public IReadOnlyList<ReadAssumption> Assumptions { get; init; } = [];

    /// <summary>The HU values of slice <paramref name="z"/>.</summary>
    public Span<float> Slice(int z) => Hounsfield.AsSpan(checked(z * Geometry.SliceLength), Geometry.SliceLength);
}

/// <summary>A 0/1 lesion mask on the grid of a <see cref="CtVolume"/>.</summary>
public sealed class LesionMask
{
    /// <summary>Wraps <paramref name="labels"/> (not copied); any non-zero value counts as lesion.</summary>
    /// <exception cref="ArgumentException">When the array length is not the grid's voxel count.</exception>
    public LesionMask(VolumeGeometry geometry, byte[] labels, string source)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.LongLength != geometry.VoxelCount)
        {
            throw new ArgumentException($"{labels.LongLength} labels do not fill a {geometry.Width}x{geometry.Height}x{geometry.Depth} grid", nameof(labels));
        }
        Geometry = geometry;
        Labels = labels;
        Source = source;
    }

    /// <summary>The voxel grid.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>0 = background, non-zero = lesion.</summary>
    public byte[] Labels { get; }

    /// <summary>The file or folder the mask was read from, or a description.</summary>
    public string Source { get; }

    /// <summary>The labels of slice <paramref name="z"/>.</summary>
    public ReadOnlySpan<byte> Slice(int z) => Labels.AsSpan(checked(z * Geometry.SliceLength), Geometry.SliceLength);

    /// <summary>Lesion voxels on slice <paramref name="z"/>.</summary>
    public int LesionPixels(int z)
    {
        var count = 0;
        foreach (var b in Slice(z)) if (b != 0) count++;
        return count;
    }
}
