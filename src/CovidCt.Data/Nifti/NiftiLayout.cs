using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>
/// How the stored NIfTI voxel order maps onto this project's convention (<see cref="VolumeGeometry"/>): which axes to
/// flip so that rows and columns point the way a DICOM axial image does and slices run along +normal, and the resulting grid.
/// </summary>
internal sealed record NiftiLayout(bool FlipX, bool FlipY, bool FlipZ, VolumeGeometry Geometry, string? SeriesInstanceUid)
{
    public bool IsIdentity => !FlipX && !FlipY && !FlipZ;

    public static NiftiLayout Resolve(NiftiHeader header, int width, int height, int depth, GeometryExtension? extension, string file)
    {
        var (i, j, k, origin) = NiftiAffine.Read(header);
        var columnSpacing = Length(i);
        var rowSpacing = Length(j);
        if (columnSpacing == 0 || rowSpacing == 0 || Length(k) == 0)
        {
            throw new InvalidInputException(file, "the voxel-to-world transform has a zero-length axis (pixdim or sform is zero); the grid spacing is unknown", field: header.SformCode > 0 ? "srow" : "pixdim");
        }
        // Rows and columns are flipped, never swapped: a transposed grid keeps its stored axes.
        var flipX = DominantNegative(i);
        if (flipX) { origin = Add(origin, i, width - 1); i = Negate(i); }
        var flipY = DominantNegative(j);
        if (flipY) { origin = Add(origin, j, height - 1); j = Negate(j); }
        var rowDirection = Normalize(i);
        var columnDirection = Normalize(j);
        var normal = rowDirection.Cross(columnDirection);
        var step = k.Dot(normal);
        if (Math.Abs(step) < 1e-6)
        {
            throw new InvalidInputException(file, "the slice axis of the transform lies in the image plane; the slices have no position along the normal", field: "srow");
        }
        var flipZ = step < 0;
        if (flipZ) { origin = Add(origin, k, depth - 1); step = -step; }
        var first = origin.Dot(normal);
        var positions = new double[depth];
        for (var z = 0; z < depth; z++) positions[z] = first + z * step;
        var geometry = new VolumeGeometry(width, height, depth, columnSpacing, rowSpacing, positions, step, rowDirection, columnDirection, origin);
        var layout = new NiftiLayout(flipX, flipY, flipZ, geometry, null);
        return extension is not null && layout.IsIdentity && layout.Agrees(extension)
            ? layout with { Geometry = extension.ToGeometry(), SeriesInstanceUid = extension.SeriesInstanceUid }
            : layout;
    }

    /// <summary>True when the exact geometry of the extension is the one the (float32) transform describes, so the file was not resampled or edited since.</summary>
    private bool Agrees(GeometryExtension e)
    {
        var g = Geometry;
        var exact = e.ToGeometry();
        const double Millimetres = 0.01;
        return e.Width == g.Width && e.Height == g.Height && e.Depth == g.Depth
            && Math.Abs(e.ColumnSpacing - g.ColumnSpacing) < 1e-4 * g.ColumnSpacing + 1e-6
            && Math.Abs(e.RowSpacing - g.RowSpacing) < 1e-4 * g.RowSpacing + 1e-6
            && exact.RowDirection.Dot(g.RowDirection) > 0.99999 && exact.ColumnDirection.Dot(g.ColumnDirection) > 0.99999
            && Math.Abs(e.SlicePositions[0] - g.SlicePositions[0]) < Millimetres
            && Math.Abs(e.SlicePositions[^1] - g.SlicePositions[^1]) < Millimetres
            && Length(Add(exact.Origin, g.Origin, -1)) < Millimetres;
    }

    /// <summary>Reorders stored voxels (x fastest, then y, then z) into this layout; returns <paramref name="stored"/> itself when nothing flips.</summary>
    public T[] Apply<T>(T[] stored)
    {
        if (IsIdentity) return stored;
        int w = Geometry.Width, h = Geometry.Height, d = Geometry.Depth;
        var result = new T[stored.Length];
        for (var z = 0; z < d; z++)
        {
            var sz = FlipZ ? d - 1 - z : z;
            for (var y = 0; y < h; y++)
            {
                var sy = FlipY ? h - 1 - y : y;
                var source = stored.AsSpan((sz * h + sy) * w, w);
                var target = result.AsSpan((z * h + y) * w, w);
                source.CopyTo(target);
                if (FlipX) target.Reverse();
            }
        }
        return result;
    }

    private static bool DominantNegative(Vector3D v)
    {
        var ax = Math.Abs(v.X);
        var ay = Math.Abs(v.Y);
        var az = Math.Abs(v.Z);
        var dominant = ax >= ay && ax >= az ? v.X : ay >= az ? v.Y : v.Z;
        return dominant < 0;
    }

    private static double Length(Vector3D v) => Math.Sqrt(v.Dot(v));

    private static Vector3D Normalize(Vector3D v)
    {
        var length = Length(v);
        return new Vector3D(v.X / length, v.Y / length, v.Z / length);
    }

    private static Vector3D Negate(Vector3D v) => new(-v.X, -v.Y, -v.Z);

    private static Vector3D Add(Vector3D a, Vector3D b, double times) => new(a.X + b.X * times, a.Y + b.Y * times, a.Z + b.Z * times);
}
