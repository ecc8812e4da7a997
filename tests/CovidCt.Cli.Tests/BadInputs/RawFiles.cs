using System.Buffers.Binary;
using System.IO.Compression;

namespace CovidCt.Cli.Tests.BadInputs;

/// <summary>
/// Writes hostile NIfTI and PNG files byte by byte, so every header field can lie (declared sizes, bit depth, dims) in a way
/// no well-behaved writer would produce.
/// </summary>
public static class RawFiles
{
    /// <summary>A NIfTI-1 single file: 348-byte header, 4 extension bytes, then <paramref name="data"/>.</summary>
    public static byte[] Nifti(short[] dim, short datatype, short bitpix, byte[] data, float voxOffset = 352, int sizeOfHeader = 348, string magic = "n+1")
    {
        var header = new byte[352];
        var h = header.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(h, sizeOfHeader);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(h[(40 + 2 * i)..], i < dim.Length ? dim[i] : (short)1);
        BinaryPrimitives.WriteInt16LittleEndian(h[70..], datatype);
        BinaryPrimitives.WriteInt16LittleEndian(h[72..], bitpix);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteSingleLittleEndian(h[(76 + 4 * i)..], 1f);
        BinaryPrimitives.WriteSingleLittleEndian(h[108..], voxOffset);
        BinaryPrimitives.WriteSingleLittleEndian(h[112..], 1f);
        System.Text.Encoding.ASCII.GetBytes(magic).CopyTo(h[344..]);
        return [.. header, .. data];
    }

    /// <summary>Float32 voxels of a <paramref name="w"/> x <paramref name="h"/> x <paramref name="d"/> NIfTI, each from <paramref name="value"/>.</summary>
    public static byte[] FloatNifti(int w, int h, int d, Func<int, float> value)
    {
        var data = new byte[w * h * d * 4];
        for (var i = 0; i < w * h * d; i++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), value(i));
        return Nifti([3, (short)w, (short)h, (short)d], 16, 32, data);
    }

    /// <summary>A uint8 NIfTI of the given size, each voxel from <paramref name="value"/>.</summary>
    public static byte[] ByteNifti(int w, int h, int d, Func<int, byte> value) =>
        Nifti([3, (short)w, (short)h, (short)d], 2, 8, Enumerable.Range(0, w * h * d).Select(value).ToArray());

    /// <summary>Gzip-compresses <paramref name="bytes"/>.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>
    /// A PNG with the given header, whose pixel data is <paramref name="rows"/> rows of gray (or RGB) samples, each
    /// <paramref name="bitDepth"/> bits; the IHDR may declare a size the data does not have.
    /// </summary>
    public static byte[] Png(int width, int height, int bitDepth = 8, int colorType = 0, int? rows = null)
    {
        var channels = colorType == 2 ? 3 : 1;
        var rowBytes = width * channels * bitDepth / 8;
        var raw = new MemoryStream();
        for (var y = 0; y < (rows ?? height); y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < rowBytes; x++) raw.WriteByte((byte)((x + y) * 7));
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    // The CRC-32 of PNG chunks (ISO 3309), bit by bit: the files are tiny.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
