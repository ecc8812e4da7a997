using System.Buffers.Binary;
using System.IO.Compression;

namespace CovidCt.Data.Tests.Nifti;

/// <summary>
/// Builds NIfTI-1 files byte by byte from the standard's offsets, independently of the production writer, to test the
/// reader on files other tools write (big-endian, qform only, flipped axes, scaled types) and on broken ones.
/// </summary>
public sealed class RawNifti
{
    public int SizeOfHeader { get; set; } = 348;
    public short[] Dim { get; set; } = [3, 2, 2, 2, 1, 1, 1, 1];
    public short DataType { get; set; } = 4;
    public short BitsPerVoxel { get; set; } = 16;
    public float[] PixDim { get; set; } = [1, 1, 1, 1, 0, 0, 0, 0];
    public float ScaleSlope { get; set; } = 1;
    public float ScaleIntercept { get; set; }
    public short QformCode { get; set; }
    public short SformCode { get; set; }
    public float[] Quatern { get; set; } = [0, 0, 0, 0, 0, 0];
    public float[] Srow { get; set; } = [-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0];
    public bool BigEndian { get; set; }
    public byte[] Data { get; set; } = [];

    public byte[] Bytes()
    {
        var bytes = new byte[352 + Data.Length];
        var s = bytes.AsSpan();
        I32(s, 0, SizeOfHeader);
        for (var i = 0; i < 8; i++) I16(s, 40 + 2 * i, Dim[i]);
        I16(s, 70, DataType);
        I16(s, 72, BitsPerVoxel);
        for (var i = 0; i < 8; i++) F32(s, 76 + 4 * i, PixDim[i]);
        F32(s, 108, 352);
        F32(s, 112, ScaleSlope);
        F32(s, 116, ScaleIntercept);
        I16(s, 252, QformCode);
        I16(s, 254, SformCode);
        for (var i = 0; i < 6; i++) F32(s, 256 + 4 * i, Quatern[i]);
        for (var i = 0; i < 12; i++) F32(s, 280 + 4 * i, Srow[i]);
        "n+1\0"u8.CopyTo(s[344..]);
        Data.CopyTo(s[352..]);
        return bytes;
    }

    public void Save(string path)
    {
        var bytes = Bytes();
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            File.WriteAllBytes(path, bytes);
            return;
        }
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    /// <summary>Int16 samples in the file's byte order.</summary>
    public RawNifti WithInt16(params short[] values)
    {
        Data = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) I16(Data, 2 * i, values[i]);
        DataType = 4;
        BitsPerVoxel = 16;
        return this;
    }

    /// <summary>Float64 samples in the file's byte order.</summary>
    public RawNifti WithFloat64(params double[] values)
    {
        Data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            if (BigEndian) BinaryPrimitives.WriteDoubleBigEndian(Data.AsSpan(8 * i), values[i]);
            else BinaryPrimitives.WriteDoubleLittleEndian(Data.AsSpan(8 * i), values[i]);
        }
        DataType = 64;
        BitsPerVoxel = 64;
        return this;
    }

    private void I16(Span<byte> s, int offset, short v)
    {
        if (BigEndian) BinaryPrimitives.WriteInt16BigEndian(s[offset..], v);
        else BinaryPrimitives.WriteInt16LittleEndian(s[offset..], v);
    }

    private void I32(Span<byte> s, int offset, int v)
    {
        if (BigEndian) BinaryPrimitives.WriteInt32BigEndian(s[offset..], v);
        else BinaryPrimitives.WriteInt32LittleEndian(s[offset..], v);
    }

    private void F32(Span<byte> s, int offset, float v)
    {
        if (BigEndian) BinaryPrimitives.WriteSingleBigEndian(s[offset..], v);
        else BinaryPrimitives.WriteSingleLittleEndian(s[offset..], v);
    }
}
