using System.IO.Compression;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

/// <summary>The NIfTI part of the broken-input corpus: each file is generated here and must fail with a clear typed error.</summary>
public sealed class NiftiBrokenInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly short[] Eight = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Truncated_gzip_names_the_file_and_says_truncated_or_corrupt()
    {
        var whole = _folder.File("whole.nii.gz");
        NiftiWriter.Write(Volumes.Integral(64, 64, 4), whole);
        var bytes = File.ReadAllBytes(whole);
        var path = _folder.File("truncated.nii.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Equal(path, error.File);
        Assert.Matches("truncated|corrupt", error.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_gzip_whose_check_value_disagrees_with_its_data_is_refused_as_corrupt(bool mask)
    {
        // The deflate data are intact and inflate to the same voxels; only the CRC-32 in the gzip trailer is wrong, which is
        // what a stream garbled in a way that still inflates looks like to zlib. 64 KiB of bytes after the voxels (which a
        // reader ignores) keep the trailer out of the inflater's input when the last voxel comes out, as in a large volume.
        var whole = _folder.File("whole.nii.gz");
        var volume = Volumes.Integral(32, 32, 3);
        if (mask) NiftiWriter.Write(new LesionMask(volume.Geometry, new byte[volume.Geometry.VoxelCount], "mask"), whole);
        else NiftiWriter.Write(volume, whole);
        using var plain = new MemoryStream();
        using (var inflate = new GZipStream(File.OpenRead(whole), CompressionMode.Decompress)) inflate.CopyTo(plain);
        plain.Write(new byte[64 * 1024]);
        using var packed = new MemoryStream();
        using (var deflate = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(plain.ToArray());
        var bytes = packed.ToArray();
        var path = _folder.File("bad-crc.nii.gz");
        File.WriteAllBytes(path, bytes);
        _ = mask ? (object)NiftiReader.ReadMask(path) : NiftiReader.ReadVolume(path); // read as it is: the trailing bytes are legal
        bytes[^8] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidInputException>(() => mask ? (object)NiftiReader.ReadMask(path) : NiftiReader.ReadVolume(path));
        Assert.Equal(path, error.File);
        Assert.Contains("gzip stream is corrupt", error.Problem);
    }

    [Fact]
    public void A_gzip_declaring_more_than_its_length_can_inflate_to_is_refused_as_truncated_from_its_header()
    {
        // 64 x 64 x 1000 int16 is 8,192,000 bytes; a gzip of a few hundred bytes inflates to at most 1040 times its length.
        var path = _folder.File("impossible.nii.gz");
        new RawNifti { Dim = [3, 64, 64, 1000, 1, 1, 1, 1] }.WithInt16(Eight).Save(path);

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Equal("dim", error.Field);
        Assert.Contains($"needs 8192000 bytes but {new FileInfo(path).Length} compressed bytes inflate to at most", error.Problem);
        Assert.Contains("truncated", error.Problem);
    }

    [Fact]
    public void Wrong_sizeof_hdr_is_rejected()
    {
        var path = _folder.File("size.nii");
        new RawNifti { SizeOfHeader = 350 }.WithInt16(Eight).Save(path);

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Equal("sizeof_hdr", error.Field);
        Assert.Contains("350", error.Problem);
    }

    [Fact]
    public void NIfTI_2_is_named_as_such()
    {
        var path = _folder.File("two.nii");
        new RawNifti { SizeOfHeader = 540 }.WithInt16(Eight).Save(path);

        Assert.Contains("NIfTI-2", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path)).Problem);
    }

    [Theory]
    [InlineData("short.nii")]
    [InlineData("short.nii.gz")]
    public void Dims_larger_than_the_data_are_rejected_with_both_lengths(string name)
    {
        var path = _folder.File(name);
        new RawNifti { Dim = [3, 2, 2, 3, 1, 1, 1, 1] }.WithInt16(Eight).Save(path);

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Equal("dim", error.Field);
        Assert.Contains("16 of 24 bytes", error.Problem);
    }

    [Fact]
    public void Several_volumes_are_rejected()
    {
        var path = _folder.File("4d.nii");
        new RawNifti { Dim = [4, 2, 2, 1, 2, 1, 1, 1] }.WithInt16(Eight).Save(path);

        Assert.Contains("several volumes", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path)).Problem);
    }

    [Fact]
    public void Unsupported_datatype_lists_the_supported_ones()
    {
        var path = _folder.File("complex.nii");
        var raw = new RawNifti { Dim = [3, 2, 2, 1, 1, 1, 1, 1], DataType = 32, BitsPerVoxel = 64, Data = new byte[32] };
        raw.Save(path); // complex64

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Equal("datatype", error.Field);
        Assert.Contains("float32 (16)", error.Problem);
    }

    [Fact]
    public void A_short_file_is_not_read_as_a_header()
    {
        var path = _folder.File("tiny.nii.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gzip.Write(new byte[100]);

        Assert.Contains("348", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path)).Problem);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var path = _folder.File("absent.nii.gz");
        Assert.Contains("not found", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path)).Problem);
    }
}
