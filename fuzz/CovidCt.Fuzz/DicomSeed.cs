using System.Buffers.Binary;
using System.Text;

namespace CovidCt.Fuzz;

/// <summary>A minimal uncompressed DICOM CT slice (Part 10, little endian, 16-bit signed), written element by element.</summary>
internal static class DicomSeed
{
    public static byte[] Slice(int columns, int rows, bool explicitVr)
    {
        var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        var syntax = explicitVr ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2";
        Element(output, 0x0002, 0x0010, "UI", Text(syntax, pad: 0), explicitVr: true);
        Element(output, 0x0020, 0x000E, "UI", Text("1.2.3.4", pad: 0), explicitVr);
        Element(output, 0x0020, 0x0013, "IS", Text("1"), explicitVr);
        Element(output, 0x0020, 0x0032, "DS", Text("-100\\-120\\0"), explicitVr);
        Element(output, 0x0020, 0x0037, "DS", Text("1\\0\\0\\0\\1\\0"), explicitVr);
        Element(output, 0x0028, 0x0002, "US", UShort(1), explicitVr);
        Element(output, 0x0028, 0x0010, "US", UShort(rows), explicitVr);
        Element(output, 0x0028, 0x0011, "US", UShort(columns), explicitVr);
        Element(output, 0x0028, 0x0030, "DS", Text("0.7\\0.75"), explicitVr);
        Element(output, 0x0028, 0x0100, "US", UShort(16), explicitVr);
        Element(output, 0x0028, 0x0101, "US", UShort(12), explicitVr);
        Element(output, 0x0028, 0x0103, "US", UShort(1), explicitVr);
        Element(output, 0x0028, 0x1052, "DS", Text("-1024"), explicitVr);
        Element(output, 0x0028, 0x1053, "DS", Text("1"), explicitVr);
        var pixels = new byte[columns * rows * 2];
        for (var i = 0; i < columns * rows; i++) BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(2 * i), (short)(i * 37));
        Element(output, 0x7FE0, 0x0010, "OW", pixels, explicitVr);
        return output.ToArray();
    }

    private static void Element(Stream output, ushort group, ushort element, string vr, byte[] value, bool explicitVr)
    {
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(head, group);
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], element);
        if (!explicitVr)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(head[4..], (uint)value.Length);
            output.Write(head[..8]);
        }
        else if (vr is "OB" or "OW" or "SQ" or "UN")
        {
            Encoding.ASCII.GetBytes(vr, head[4..]);
            BinaryPrimitives.WriteUInt32LittleEndian(head[8..], (uint)value.Length);
            output.Write(head);
        }
        else
        {
            Encoding.ASCII.GetBytes(vr, head[4..]);
            BinaryPrimitives.WriteUInt16LittleEndian(head[6..], (ushort)value.Length);
            output.Write(head[..8]);
        }
        output.Write(value);
    }

    // DICOM values have even length: text is padded with a space, UIDs with a zero byte.
    private static byte[] Text(string value, byte pad = (byte)' ')
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];
    }

    private static byte[] UShort(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }
}
