using System.IO.Compression;
using System.Runtime.InteropServices;
using CovidCt.Data.IO;

namespace CovidCt.Data.Nifti;

/// <summary>
/// Writes volumes and masks as single-file NIfTI-1, gzip-compressed when the path ends in ".gz".
/// </summary>
/// <remarks>
/// A volume is stored as int16 HU when every voxel is a whole number in [-32768, 32767] (as DICOM CT is), else as
/// float32; a mask as uint8 0/1. The sform and qform (code 1, scanner) carry the grid in RAS as the standard requires;
/// slice positions that are not evenly spaced get their mean spacing there, and the exact geometry travels in a header
/// extension read back by <see cref="NiftiReader"/>. Output is written atomically and is byte-for-byte deterministic:
/// no timestamp in the header or the gzip member.
/// </remarks>
public static class NiftiWriter
{
    private const string Description = "covidct";

    /// <summary>Writes <paramref name="volume"/> to <paramref name="path"/>.</summary>
    public static void Write(CtVolume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var voxels = volume.Hounsfield;
        if (FitsInt16(voxels))
        {
            var stored = GC.AllocateUninitializedArray<short>(voxels.Length);
            for (var i = 0; i < voxels.Length; i++) stored[i] = (short)voxels[i];
            Write(path, volume.Geometry, volume.SeriesInstanceUid, NiftiDataType.Int16, s => s.Write(MemoryMarshal.AsBytes(stored.AsSpan())));
        }
        else
        {
            Write(path, volume.Geometry, volume.SeriesInstanceUid, NiftiDataType.Float32, s => s.Write(MemoryMarshal.AsBytes(voxels.AsSpan())));
        }
    }

    /// <summary>Writes <paramref name="mask"/> to <paramref name="path"/> as uint8, every non-zero label stored as 1.</summary>
    public static void Write(LesionMask mask, string path)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var labels = new byte[mask.Labels.Length];
        for (var i = 0; i < labels.Length; i++) labels[i] = mask.Labels[i] != 0 ? (byte)1 : (byte)0;
        Write(path, mask.Geometry, null, NiftiDataType.UInt8, s => s.Write(labels));
    }

    private static bool FitsInt16(float[] voxels)
    {
        foreach (var v in voxels)
        {
            if (v != MathF.Round(v) || v < short.MinValue || v > short.MaxValue) return false;
        }
        return true;
    }

    private static void Write(string path, VolumeGeometry geometry, string? seriesInstanceUid, NiftiDataType type, Action<Stream> writeVoxels)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("NIfTI output is written little-endian from memory; big-endian machines are not supported");
        if (geometry.Width > short.MaxValue || geometry.Height > short.MaxValue || geometry.Depth > short.MaxValue)
        {
            throw new ArgumentException($"a {geometry.Width}x{geometry.Height}x{geometry.Depth} grid does not fit the 16-bit dimensions of NIfTI-1", nameof(geometry));
        }
        var extension = GeometryExtension.From(geometry, seriesInstanceUid).Encode();
        var header = new NiftiHeader { DataType = type, BitsPerVoxel = (short)(8 * VoxelDecoder.BytesPerSample(NiftiDataTypes.ToSampleFormat(type)!.Value)), ScaleSlope = 1, ScaleIntercept = 0, Description = Description };
        header.Dim[0] = 3;
        header.Dim[1] = (short)geometry.Width;
        header.Dim[2] = (short)geometry.Height;
        header.Dim[3] = (short)geometry.Depth;
        for (var i = 4; i < 8; i++) header.Dim[i] = 1;
        NiftiAffine.Write(header, geometry);
        header.XyztUnits = 2; // millimetres
        header.VoxelOffset = NiftiHeader.MinimumVoxelOffset + extension.Length;
        var head = new byte[NiftiHeader.MinimumVoxelOffset + extension.Length];
        header.WriteTo(head);
        head[348] = 1; // extensions follow
        extension.CopyTo(head, NiftiHeader.MinimumVoxelOffset);

        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, stream =>
        {
            if (!gzip)
            {
                stream.Write(head);
                writeVoxels(stream);
                return;
            }
            // .NET's gzip member has MTIME 0 and no file name, so equal input gives equal bytes.
            using var compressed = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            compressed.Write(head);
            writeVoxels(compressed);
        });
    }
}
