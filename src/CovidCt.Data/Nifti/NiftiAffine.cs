namespace CovidCt.Data.Nifti;

/// <summary>
/// Maps between a <see cref="VolumeGeometry"/> (DICOM LPS) and the NIfTI voxel-to-world transform (RAS): the sform when
/// its code is set, else the qform, else the pixel spacings alone.
/// </summary>
internal static class NiftiAffine
{
    /// <summary>Sets qform and sform (both code 1, scanner anatomical) and pixdim from <paramref name="geometry"/>.</summary>
    /// <remarks>Unevenly spaced slices get the mean spacing; the exact positions travel in the <see cref="GeometryExtension"/>.</remarks>
    public static void Write(NiftiHeader header, VolumeGeometry geometry)
    {
        var step = SliceStep(geometry);
        var normal = geometry.SliceNormal;
        var columns = new[] { Scale(geometry.RowDirection, geometry.ColumnSpacing), Scale(geometry.ColumnDirection, geometry.RowSpacing), Scale(normal, step) };
        var origin = geometry.Origin;
        // LPS -> RAS negates the first two world axes.
        var ras = new double[3, 4];
        for (var j = 0; j < 3; j++)
        {
            ras[0, j] = -columns[j].X;
            ras[1, j] = -columns[j].Y;
            ras[2, j] = columns[j].Z;
        }
        ras[0, 3] = -origin.X;
        ras[1, 3] = -origin.Y;
        ras[2, 3] = origin.Z;
        for (var j = 0; j < 4; j++)
        {
            header.SrowX[j] = (float)ras[0, j];
            header.SrowY[j] = (float)ras[1, j];
            header.SrowZ[j] = (float)ras[2, j];
        }
        header.SformCode = 1;
        header.QformCode = 1;
        header.PixDim[0] = 1; // qfac: the rotation below is proper because slices run along +normal
        header.PixDim[1] = (float)geometry.ColumnSpacing;
        header.PixDim[2] = (float)geometry.RowSpacing;
        header.PixDim[3] = (float)step;
        var rotation = new double[3, 3];
        var lengths = new[] { geometry.ColumnSpacing, geometry.RowSpacing, step };
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                rotation[i, j] = ras[i, j] / lengths[j];
        var (b, c, d) = Quaternion(rotation);
        header.QuaternB = (float)b;
        header.QuaternC = (float)c;
        header.QuaternD = (float)d;
        header.QoffsetX = (float)ras[0, 3];
        header.QoffsetY = (float)ras[1, 3];
        header.QoffsetZ = (float)ras[2, 3];
    }

    /// <summary>The distance between slices used for the transform: mean spacing of the positions, else the thickness, else 1 mm.</summary>
    public static double SliceStep(VolumeGeometry geometry)
    {
        var p = geometry.SlicePositions;
        if (p.Count > 1) return (p[^1] - p[0]) / (p.Count - 1);
        return geometry.SliceThickness > 0 ? geometry.SliceThickness : 1;
    }

    /// <summary>The voxel-to-world transform in LPS as 3 columns (voxel axes i, j, k scaled by spacing) and the origin.</summary>
    public static (Vector3D I, Vector3D J, Vector3D K, Vector3D Origin) Read(NiftiHeader h)
    {
        double[,] ras;
        if (h.SformCode > 0)
        {
            ras = new double[3, 4];
            for (var j = 0; j < 4; j++)
            {
                ras[0, j] = h.SrowX[j];
                ras[1, j] = h.SrowY[j];
                ras[2, j] = h.SrowZ[j];
            }
        }
        else if (h.QformCode > 0)
        {
            ras = FromQuaternion(h);
        }
        else
        {
            // Method 1 of the NIfTI standard: spacings only, no orientation; taken as the standard axial orientation.
            ras = new double[3, 4];
            ras[0, 0] = -Math.Abs(h.PixDim[1]);
            ras[1, 1] = -Math.Abs(h.PixDim[2]);
            ras[2, 2] = Math.Abs(h.PixDim[3]);
        }
        Vector3D Column(int j) => new(-ras[0, j], -ras[1, j], ras[2, j]);
        return (Column(0), Column(1), Column(2), Column(3));
    }

    private static double[,] FromQuaternion(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        var a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7)
        {
            // A 180-degree rotation: renormalise (b, c, d) as nifti1_io does.
            var norm = 1.0 / Math.Sqrt(b * b + c * c + d * d);
            b *= norm; c *= norm; d *= norm;
            a = 0;
        }
        else a = Math.Sqrt(a);
        var qfac = h.PixDim[0] < 0 ? -1.0 : 1.0;
        double dx = Math.Abs(h.PixDim[1]) > 0 ? Math.Abs(h.PixDim[1]) : 1;
        double dy = Math.Abs(h.PixDim[2]) > 0 ? Math.Abs(h.PixDim[2]) : 1;
        double dz = (Math.Abs(h.PixDim[3]) > 0 ? Math.Abs(h.PixDim[3]) : 1) * qfac;
        var m = new double[3, 4];
        m[0, 0] = (a * a + b * b - c * c - d * d) * dx;
        m[0, 1] = 2 * (b * c - a * d) * dy;
        m[0, 2] = 2 * (b * d + a * c) * dz;
        m[1, 0] = 2 * (b * c + a * d) * dx;
        m[1, 1] = (a * a + c * c - b * b - d * d) * dy;
        m[1, 2] = 2 * (c * d - a * b) * dz;
        m[2, 0] = 2 * (b * d - a * c) * dx;
        m[2, 1] = 2 * (c * d + a * b) * dy;
        m[2, 2] = (a * a + d * d - c * c - b * b) * dz;
        m[0, 3] = h.QoffsetX;
        m[1, 3] = h.QoffsetY;
        m[2, 3] = h.QoffsetZ;
        return m;
    }

    /// <summary>Quaternion (b, c, d) of a proper rotation matrix, with a &gt;= 0 (nifti_mat44_to_quatern).</summary>
    private static (double B, double C, double D) Quaternion(double[,] r)
    {
        double a, b, c, d;
        var trace = r[0, 0] + r[1, 1] + r[2, 2] + 1;
        if (trace > 0.5)
        {
            a = 0.5 * Math.Sqrt(trace);
            b = 0.25 * (r[2, 1] - r[1, 2]) / a;
            c = 0.25 * (r[0, 2] - r[2, 0]) / a;
            d = 0.25 * (r[1, 0] - r[0, 1]) / a;
        }
        else
        {
            var xd = 1 + r[0, 0] - (r[1, 1] + r[2, 2]);
            var yd = 1 + r[1, 1] - (r[0, 0] + r[2, 2]);
            var zd = 1 + r[2, 2] - (r[0, 0] + r[1, 1]);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r[0, 1] + r[1, 0]) / b;
                d = 0.25 * (r[0, 2] + r[2, 0]) / b;
                a = 0.25 * (r[2, 1] - r[1, 2]) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r[0, 1] + r[1, 0]) / c;
                d = 0.25 * (r[1, 2] + r[2, 1]) / c;
                a = 0.25 * (r[0, 2] - r[2, 0]) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r[0, 2] + r[2, 0]) / d;
                c = 0.25 * (r[1, 2] + r[2, 1]) / d;
                a = 0.25 * (r[1, 0] - r[0, 1]) / d;
            }
            if (a < 0) { b = -b; c = -c; d = -d; }
        }
        return (b, c, d);
    }

    private static Vector3D Scale(Vector3D v, double s) => new(v.X * s, v.Y * s, v.Z * s);
}
