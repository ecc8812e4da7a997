using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CovidCt.Testing.Fixtures;

/// <summary>
/// Writes small DICOM Part-10 CT slices for tests (the broken-input corpus is generated from it): preamble, meta group,
/// then the data set in Explicit or Implicit VR Little Endian, with options to leave things out or break them.
/// </summary>
public sealed class TestDicom
{
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";

    public string TransferSyntax { get; set; } = ExplicitLittleEndian;
    public string SeriesUid { get; set; } = "1.2.826.0.1.3680043.2.1125.1";
    public int Rows { get; set; } = 3;
    public int Columns { get; set; } = 4;
    public int BitsStored { get; set; } = 16;
    public bool Signed { get; set; } = true;
    /// <summary>Rescale Slope; null leaves the attribute out.</summary>
    public double? Slope { get; set; } = 1;

    /// <summary>Rescale Intercept; null leaves the attribute out.</summary>
    public double? Intercept { get; set; } = -1024;
    public double[]? Position { get; set; } = [-100, -120, 0];
    public double[]? Orientation { get; set; } = [1, 0, 0, 0, 1, 0];
    public int? InstanceNumber { get; set; } = 1;

    /// <summary>Slice Thickness as DICOM writes it; null leaves the attribute out.</summary>
    public string? SliceThickness { get; set; } = "2.5";
    public string PixelSpacing { get; set; } = "0.7\\0.75";
    public bool WithPixelData { get; set; } = true;
    public bool WithNestedSequence { get; set; }
    public short[]? Pixels { get; set; }

    /// <summary>Pixel i of the slice holds <c>base + i</c> (stored value), so order and rescale are visible.</summary>
    public TestDicom Filled(short first)
    {
        Pixels = Enumerable.Range(0, Rows * Columns).Select(i => (short)(first + i)).ToArray();
        return this;
    }

    public byte[] Bytes()
    {
        var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        var meta = new MemoryStream();
        Explicit(meta, 0x0002, 0x0001, "OB", [0, 1]);
        Explicit(meta, 0x0002, 0x0002, "UI", Uid("1.2.840.10008.5.1.4.1.1.2"));
        Explicit(meta, 0x0002, 0x0010, "UI", Uid(TransferSyntax));
        Explicit(output, 0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length));
        meta.WriteTo(output);

        var implicitVr = TransferSyntax == ImplicitLittleEndian;
        void Add(ushort group, ushort element, string vr, byte[] value)
        {
            if (implicitVr) Implicit(output, group, element, value);
            else Explicit(output, group, element, vr, value);
        }
        if (WithNestedSequence) NestedSequence(output, implicitVr);
        if (SliceThickness is not null) Add(0x0018, 0x0050, "DS", Text(SliceThickness));
        Add(0x0020, 0x000E, "UI", Uid(SeriesUid));
        if (InstanceNumber is { } n) Add(0x0020, 0x0013, "IS", Text(n.ToString(CultureInfo.InvariantCulture)));
        if (Position is not null) Add(0x0020, 0x0032, "DS", Text(Join(Position)));
        if (Orientation is not null) Add(0x0020, 0x0037, "DS", Text(Join(Orientation)));
        Add(0x0028, 0x0002, "US", U16(1));
        Add(0x0028, 0x0010, "US", U16(Rows));
        Add(0x0028, 0x0011, "US", U16(Columns));
        Add(0x0028, 0x0030, "DS", Text(PixelSpacing));
        Add(0x0028, 0x0100, "US", U16(16));
        Add(0x0028, 0x0101, "US", U16(BitsStored));
        Add(0x0028, 0x0103, "US", U16(Signed ? 1 : 0));
        if (Intercept is { } intercept) Add(0x0028, 0x1052, "DS", Text(intercept.ToString(CultureInfo.InvariantCulture)));
        if (Slope is { } slope) Add(0x0028, 0x1053, "DS", Text(slope.ToString(CultureInfo.InvariantCulture)));
        if (WithPixelData)
        {
            var pixels = Pixels ?? new short[Rows * Columns];
            var bytes = new byte[pixels.Length * 2];
            for (var i = 0; i < pixels.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), pixels[i]);
            Add(0x7FE0, 0x0010, "OW", bytes);
        }
        return output.ToArray();
    }

    public string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Bytes());
        return path;
    }

    /// <summary>A sequence of undefined length whose item (also undefined length) holds a tag the reader keeps at top level, which must not leak out.</summary>
    private static void NestedSequence(Stream output, bool implicitVr)
    {
        Header(output, 0x0008, 0x1140, implicitVr ? null : "SQ", 0xFFFFFFFF);
        Header(output, 0xFFFE, 0xE000, null, 0xFFFFFFFF);
        if (implicitVr) Implicit(output, 0x0028, 0x0010, U16(999));
        else Explicit(output, 0x0028, 0x0010, "US", U16(999));
        Header(output, 0xFFFE, 0xE00D, null, 0);
        Header(output, 0xFFFE, 0xE000, null, 4);
        output.Write(new byte[4]);
        Header(output, 0xFFFE, 0xE0DD, null, 0);
    }

    private static void Header(Stream output, ushort group, ushort element, string? vr, uint length)
    {
        Span<byte> b = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(b, group);
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], element);
        if (vr is null)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], length);
            output.Write(b[..8]);
            return;
        }
        Encoding.ASCII.GetBytes(vr, b[4..]);
        b[6] = b[7] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], length);
        output.Write(b);
    }

    private static void Explicit(Stream output, ushort group, ushort element, string vr, byte[] value)
    {
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            Header(output, group, element, vr, (uint)value.Length);
        }
        else
        {
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(b, group);
            BinaryPrimitives.WriteUInt16LittleEndian(b[2..], element);
            Encoding.ASCII.GetBytes(vr, b[4..]);
            BinaryPrimitives.WriteUInt16LittleEndian(b[6..], (ushort)value.Length);
            output.Write(b);
        }
        output.Write(value);
    }

    private static void Implicit(Stream output, ushort group, ushort element, byte[] value)
    {
        Header(output, group, element, null, (uint)value.Length);
        output.Write(value);
    }

    private static byte[] U16(int v) => BitConverter.GetBytes((ushort)v);

    private static byte[] Text(string s) => Encoding.ASCII.GetBytes(s.Length % 2 == 0 ? s : s + " ");

    private static byte[] Uid(string s) => s.Length % 2 == 0 ? Encoding.ASCII.GetBytes(s) : [.. Encoding.ASCII.GetBytes(s), 0];

    private static string Join(double[] values) => string.Join('\\', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
