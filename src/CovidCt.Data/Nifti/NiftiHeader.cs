using CovidCt.Data.IO;
using System.Buffers.Binary;

namespace CovidCt.Data.Nifti;

/// <summary>
/// The fields of a NIfTI-1 header (348 bytes) that this project uses, with parsing in either byte order
/// and little-endian serialisation.
/// </summary>
internal sealed class NiftiHeader
{
    public const int Size = 348;

    /// <summary>Header plus the 4-byte extension flag; the voxel data of a single-file .nii starts here when there are no extensions.</summary>
    public const int MinimumVoxelOffset = 352;

    public short[] Dim { get; } = new short[8];
    public NiftiDataType DataType { get; set; }
    public short BitsPerVoxel { get; set; }
    public float[] PixDim { get; } = new float[8];
    public float VoxelOffset { get; set; }
    public float ScaleSlope { get; set; }
    public float ScaleIntercept { get; set; }
    public byte XyztUnits { get; set; }
    public string Description { get; set; } = "";
    public short QformCode { get; set; }
    public short SformCode { get; set; }
    public float QuaternB { get; set; }
    public float QuaternC { get; set; }
    public float QuaternD { get; set; }
    public float QoffsetX { get; set; }
    public float QoffsetY { get; set; }
    public float QoffsetZ { get; set; }
    public float[] SrowX { get; } = new float[4];
    public float[] SrowY { get; } = new float[4];
    public float[] SrowZ { get; } = new float[4];
    public bool BigEndian { get; private set; }

    /// <summary>Parses the first 348 bytes of <paramref name="bytes"/>; <paramref name="file"/> names the source in errors.</summary>
    public static NiftiHeader Parse(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length < Size)
        {
            throw new InvalidInputException(file, $"the file ends after {bytes.Length} bytes; a NIfTI-1 header needs {Size}", field: "sizeof_hdr");
        }
        var little = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var big = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var header = new NiftiHeader();
        if (little == Size) header.BigEndian = false;
        else if (big == Size) header.BigEndian = true;
        else if (little == 540 || big == 540) throw new InvalidInputException(file, "this is a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 (sizeof_hdr 348) is supported", field: "sizeof_hdr");
        else throw new InvalidInputException(file, $"sizeof_hdr is {little}; a NIfTI-1 file has 348", field: "sizeof_hdr");

        var magic = bytes.Slice(344, 4);
        if (!(magic.SequenceEqual("n+1\0"u8) || magic.SequenceEqual("ni1\0"u8)))
        {
            throw new InvalidInputException(file, "the magic string is not 'n+1' or 'ni1'; not a NIfTI-1 file", field: "magic");
        }
        if (magic[1] == (byte)'i')
        {
            throw new InvalidInputException(file, "this is the header of a two-file NIfTI pair (.hdr/.img); convert it to a single .nii or .nii.gz", field: "magic");
        }

        var h = header;
        for (var i = 0; i < 8; i++) h.Dim[i] = h.Int16(bytes, 40 + 2 * i);
        h.DataType = (NiftiDataType)h.Int16(bytes, 70);
        h.BitsPerVoxel = h.Int16(bytes, 72);
        for (var i = 0; i < 8; i++) h.PixDim[i] = h.Single(bytes, 76 + 4 * i);
        h.VoxelOffset = h.Single(bytes, 108);
        h.ScaleSlope = h.Single(bytes, 112);
        h.ScaleIntercept = h.Single(bytes, 116);
        h.QformCode = h.Int16(bytes, 252);
        h.SformCode = h.Int16(bytes, 254);
        h.QuaternB = h.Single(bytes, 256);
        h.QuaternC = h.Single(bytes, 260);
        h.QuaternD = h.Single(bytes, 264);
        h.QoffsetX = h.Single(bytes, 268);
        h.QoffsetY = h.Single(bytes, 272);
        h.QoffsetZ = h.Single(bytes, 276);
        for (var i = 0; i < 4; i++)
        {
            h.SrowX[i] = h.Single(bytes, 280 + 4 * i);
            h.SrowY[i] = h.Single(bytes, 296 + 4 * i);
            h.SrowZ[i] = h.Single(bytes, 312 + 4 * i);
        }
        return h;
    }

    /// <summary>Writes the header, little-endian, as magic 'n+1'.</summary>
    public void WriteTo(Span<byte> bytes)
    {
        bytes[..Size].Clear();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Size);
        bytes[38] = (byte)'r'; // "regular", as every NIfTI writer sets it
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes[(40 + 2 * i)..], Dim[i]);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[70..], (short)DataType);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[72..], BitsPerVoxel);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes[(76 + 4 * i)..], PixDim[i]);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[108..], VoxelOffset);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[112..], ScaleSlope);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[116..], ScaleIntercept);
        bytes[123] = XyztUnits;
        var description = System.Text.Encoding.ASCII.GetBytes(Description);
        description.AsSpan(0, Math.Min(79, description.Length)).CopyTo(bytes[148..]);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[252..], QformCode);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[254..], SformCode);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[256..], QuaternB);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[260..], QuaternC);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[264..], QuaternD);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[268..], QoffsetX);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[272..], QoffsetY);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[276..], QoffsetZ);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes[(280 + 4 * i)..], SrowX[i]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes[(296 + 4 * i)..], SrowY[i]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes[(312 + 4 * i)..], SrowZ[i]);
        }
        "n+1\0"u8.CopyTo(bytes[344..]);
    }

    private short Int16(ReadOnlySpan<byte> b, int offset) =>
        BigEndian ? BinaryPrimitives.ReadInt16BigEndian(b[offset..]) : BinaryPrimitives.ReadInt16LittleEndian(b[offset..]);

    private float Single(ReadOnlySpan<byte> b, int offset) =>
        BigEndian ? BinaryPrimitives.ReadSingleBigEndian(b[offset..]) : BinaryPrimitives.ReadSingleLittleEndian(b[offset..]);
}
