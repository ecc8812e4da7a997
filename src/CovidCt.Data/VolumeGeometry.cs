namespace CovidCt.Data;

/// <summary>
/// The voxel grid of a CT volume in the DICOM patient coordinate system (LPS, millimetres).
/// </summary>
/// <remarks>
/// Conventions shared by every reader and writer:
/// <list type="bullet">
/// <item>Voxel (x, y, z) is stored at index <c>z * Width * Height + y * Width + x</c>; x runs along a row (columns), y down the rows.</item>
/// <item>Slices are ordered by increasing position along the slice normal (row direction × column direction); for an axial scan
/// in the standard orientation that is feet to head: slice 0 is the most inferior.</item>
/// <item>In the standard axial orientation the row direction is (1,0,0) (towards the patient's left) and the column direction
/// (0,1,0) (towards the back), so pixel (0,0) is the patient's right-anterior corner, as a radiologist views an axial slice.</item>
/// </list>
/// </remarks>
/// <param name="Width">Columns per slice.</param>
/// <param name="Height">Rows per slice.</param>
/// <param name="Depth">Number of slices.</param>
/// <param name="ColumnSpacing">Distance between adjacent columns (along a row), mm.</param>
/// <param name="RowSpacing">Distance between adjacent rows, mm.</param>
/// <param name="SlicePositions">Position of each slice along the slice normal, mm, strictly increasing; length <paramref name="Depth"/>.</param>
/// <param name="SliceThickness">Nominal slice thickness, mm (may differ from the spacing of <paramref name="SlicePositions"/>).</param>
/// <param name="RowDirection">Unit vector of increasing column index, patient LPS.</param>
/// <param name="ColumnDirection">Unit vector of increasing row index, patient LPS.</param>
/// <param name="Origin">Patient position of voxel (0, 0, 0), mm, LPS.</param>
public sealed record VolumeGeometry(
    int Width,
    int Height,
    int Depth,
    double ColumnSpacing,
    double RowSpacing,
    IReadOnlyList<double> SlicePositions,
    double SliceThickness,
    Vector3D RowDirection,
    Vector3D ColumnDirection,
    Vector3D Origin)
{
    /// <summary>Voxels per slice.</summary>
    public int SliceLength => Width * Height;

    /// <summary>Voxels in the volume.</summary>
    public long VoxelCount => (long)Width * Height * Depth;

    /// <summary>The slice normal, row direction × column direction.</summary>
    public Vector3D SliceNormal => RowDirection.Cross(ColumnDirection);

    /// <summary>An axial grid in the standard orientation with evenly spaced slices starting at position 0.</summary>
    public static VolumeGeometry Axial(int width, int height, int depth, double pixelSpacing, double sliceSpacing, double? sliceThickness = null) =>
        new(width, height, depth, pixelSpacing, pixelSpacing,
            Enumerable.Range(0, depth).Select(z => z * sliceSpacing).ToArray(),
            sliceThickness ?? sliceSpacing,
            new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 0));

    /// <summary>True when both grids have the same dimensions (the condition for a mask to fit a volume).</summary>
    public bool SameGridSize(VolumeGeometry other) => Width == other.Width && Height == other.Height && Depth == other.Depth;
}

/// <summary>A 3-vector in patient coordinates (mm or unit direction).</summary>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    /// <summary>Cross product.</summary>
    public Vector3D Cross(Vector3D o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);

    /// <summary>Dot product.</summary>
    public double Dot(Vector3D o) => X * o.X + Y * o.Y + Z * o.Z;
}
