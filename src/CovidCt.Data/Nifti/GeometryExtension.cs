using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace CovidCt.Data.Nifti;

/// <summary>
/// A NIfTI header extension (code 6, comment) carrying the exact geometry in double precision — slice positions,
/// thickness, directions, origin — and the DICOM Series Instance UID, which the float32 transform of NIfTI-1 cannot
/// hold. Other tools ignore it; this project's reader uses it only when it agrees with the header's transform.
/// </summary>
internal sealed record GeometryExtension(
    int Width,
    int Height,
    int Depth,
    double ColumnSpacing,
    double RowSpacing,
    double[] SlicePositions,
    double SliceThickness,
    double[] RowDirection,
    double[] ColumnDirection,
    double[] Origin,
    string? SeriesInstanceUid)
{
    public const int CommentCode = 6;
    private const string Marker = "covidct-geometry/1 ";

    public static GeometryExtension From(VolumeGeometry g, string? seriesInstanceUid) => new(
        g.Width, g.Height, g.Depth, g.ColumnSpacing, g.RowSpacing, g.SlicePositions.ToArray(), g.SliceThickness,
        Array(g.RowDirection), Array(g.ColumnDirection), Array(g.Origin), seriesInstanceUid);

    public VolumeGeometry ToGeometry() => new(
        Width, Height, Depth, ColumnSpacing, RowSpacing, SlicePositions, SliceThickness,
        Vector(RowDirection), Vector(ColumnDirection), Vector(Origin));

    /// <summary>The extension as stored: esize, ecode, then the marker and JSON padded with zeros to a multiple of 16 bytes.</summary>
    public byte[] Encode()
    {
        var text = Encoding.UTF8.GetBytes(Marker + JsonSerializer.Serialize(this));
        var size = (8 + text.Length + 15) / 16 * 16;
        var bytes = new byte[size];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, size);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), CommentCode);
        text.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>Finds this project's extension among the extension bytes (between byte 352 and vox_offset), or null.</summary>
    public static GeometryExtension? Find(ReadOnlySpan<byte> extensions, bool bigEndian)
    {
        var offset = 0;
        while (offset + 8 <= extensions.Length)
        {
            var size = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(extensions[offset..]) : BinaryPrimitives.ReadInt32LittleEndian(extensions[offset..]);
            var code = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(extensions[(offset + 4)..]) : BinaryPrimitives.ReadInt32LittleEndian(extensions[(offset + 4)..]);
            if (size < 8 || offset + size > extensions.Length) return null;
            if (code == CommentCode)
            {
                var text = Encoding.UTF8.GetString(extensions.Slice(offset + 8, size - 8)).TrimEnd('\0');
                if (text.StartsWith(Marker, StringComparison.Ordinal))
                {
                    try
                    {
                        var parsed = JsonSerializer.Deserialize<GeometryExtension>(text[Marker.Length..]);
                        if (parsed is not null && parsed.IsWellFormed()) return parsed;
                    }
                    catch (JsonException)
                    {
                        // A damaged extension is ignored: the header's own transform still describes the grid.
                    }
                }
            }
            offset += size;
        }
        return null;
    }

    private bool IsWellFormed() =>
        SlicePositions is not null && SlicePositions.Length == Depth && RowDirection is { Length: 3 } && ColumnDirection is { Length: 3 } && Origin is { Length: 3 }
        && SlicePositions.Zip(SlicePositions.Skip(1)).All(p => p.Second > p.First);

    private static double[] Array(Vector3D v) => [v.X, v.Y, v.Z];

    private static Vector3D Vector(double[] a) => new(a[0], a[1], a[2]);
}
