using System.Buffers.Binary;
using System.IO.Compression;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

public sealed class NiftiRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("volume.nii")]
    [InlineData("volume.nii.gz")]
    public void Integral_volume_round_trips_exactly_as_int16(string name)
    {
        var volume = Volumes.Integral();
        var path = _folder.File(name);
        NiftiWriter.Write(volume, path);

        var header = RawHeader(path);
        Assert.Equal(4, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(70))); // datatype int16
        var back = NiftiReader.ReadVolume(path);
        Assert.Equal(volume.Hounsfield, back.Hounsfield);
        Assert.Equal(volume.Geometry.SlicePositions, back.Geometry.SlicePositions);
        Assert.Equal(volume.Geometry with { SlicePositions = back.Geometry.SlicePositions }, back.Geometry);
        Assert.Equal("1.2.3.4", back.SeriesInstanceUid);
    }

    [Fact]
    public void Fractional_volume_is_stored_as_float32_and_round_trips()
    {
        var volume = Volumes.Integral();
        volume.Hounsfield[3] = 12.25f;
        var path = _folder.File("fractional.nii.gz");
        NiftiWriter.Write(volume, path);

        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(RawHeader(path).AsSpan(70)));
        Assert.Equal(volume.Hounsfield, NiftiReader.ReadVolume(path).Hounsfield);
    }

    [Fact]
    public void Mask_round_trips_as_uint8()
    {
        var volume = Volumes.Integral();
        var mask = Volumes.MaskFor(volume);
        var path = _folder.File("mask.nii.gz");
        NiftiWriter.Write(mask, path);

        Assert.Equal(2, BinaryPrimitives.ReadInt16LittleEndian(RawHeader(path).AsSpan(70)));
        var back = NiftiReader.ReadMask(path);
        Assert.Equal(mask.Labels, back.Labels);
        Assert.True(back.Geometry.SameGridSize(volume.Geometry));
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes_and_the_gzip_header_has_no_timestamp()
    {
        var volume = Volumes.Integral();
        NiftiWriter.Write(volume, _folder.File("a.nii.gz"));
        NiftiWriter.Write(volume, _folder.File("b.nii.gz"));
        var a = File.ReadAllBytes(_folder.File("a.nii.gz"));
        Assert.Equal(a, File.ReadAllBytes(_folder.File("b.nii.gz")));
        Assert.Equal(new byte[] { 0x1f, 0x8b }, a[..2]);
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(a.AsSpan(4)));
    }

    [Fact]
    public void Sform_is_written_in_RAS_so_other_tools_see_the_same_anatomy()
    {
        var volume = Volumes.Integral();
        var path = _folder.File("ras.nii");
        NiftiWriter.Write(volume, path);
        var h = RawHeader(path);
        float Srow(int row, int column) => BinaryPrimitives.ReadSingleLittleEndian(h.AsSpan(280 + 16 * row + 4 * column));

        // LPS row direction (1,0,0) is RAS (-1,0,0); the origin's x and y flip sign.
        Assert.Equal(-0.703125f, Srow(0, 0));
        Assert.Equal(-0.8f, Srow(1, 1));
        Assert.Equal(2.5f, Srow(2, 2));
        Assert.Equal(166.3f, Srow(0, 3));
        Assert.Equal(180.1f, Srow(1, 3));
        Assert.Equal(-340.25f, Srow(2, 3));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(h.AsSpan(254)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(h.AsSpan(252)));
    }

    [Fact]
    public void Uneven_slice_positions_survive_through_the_geometry_extension()
    {
        var even = Volumes.Integral(depth: 3);
        var geometry = even.Geometry with { SlicePositions = [-340.25, -337.75, -330.0] };
        var volume = new CtVolume(geometry, even.Hounsfield, "generated");
        var path = _folder.File("uneven.nii.gz");
        NiftiWriter.Write(volume, path);

        Assert.Equal(geometry.SlicePositions, NiftiReader.ReadVolume(path).Geometry.SlicePositions);
    }

    internal static byte[] RawHeader(string path)
    {
        using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var header = new byte[348];
        stream.ReadExactly(header);
        return header;
    }
}
