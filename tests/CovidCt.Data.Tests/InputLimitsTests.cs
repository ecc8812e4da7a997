using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Slices;
using CovidCt.Data.Tests.Nifti;
using CovidCt.Data.Tests.Slices;
using CovidCt.Testing.Fixtures;

namespace CovidCt.Data.Tests;

/// <summary>
/// The read limits travel with <see cref="CtReadOptions.Limits"/> to every reader: a lowered limit refuses what the default
/// reads (so a raised one reads what the default refuses), the error names the option that changes it, and a mask is
/// bounded by its image's grid instead.
/// </summary>
public sealed class InputLimitsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CtReadOptions Limited(long maxVoxels = InputLimits.DefaultMaxVoxels, long maxSlicePixels = InputLimits.DefaultMaxSlicePixels) =>
        new() { Limits = new InputLimits { MaxVoxels = maxVoxels, MaxSlicePixels = maxSlicePixels } };

    private string Nifti(string name, int width, int height, int depth)
    {
        var path = _folder.File(name);
        new RawNifti { Dim = [3, (short)width, (short)height, (short)depth, 1, 1, 1, 1] }.WithInt16(new short[width * height * depth]).Save(path);
        return path;
    }

    [Theory]
    [InlineData("ct.nii")]
    [InlineData("ct.nii.gz")]
    public void Nifti_volume_follows_the_voxel_limit_given(string name)
    {
        var path = Nifti(name, 8, 8, 4);

        Assert.Equal(4, CtReader.Read(path, Limited(maxVoxels: 256)).Geometry.Depth);
        var refused = Assert.Throws<InvalidInputException>(() => CtReader.Read(path, Limited(maxVoxels: 255)));
        Assert.Contains("more than the limit of 255 voxels", refused.Problem);
        Assert.Contains("--max-voxels", refused.Problem);
        Assert.Contains("limit", Assert.Throws<InvalidInputException>(() => CtReader.Describe(path, Limited(maxVoxels: 255))).Problem);
    }

    [Fact]
    public void Nifti_slice_follows_the_pixel_limit_given()
    {
        var path = Nifti("ct.nii", 8, 8, 1);

        Assert.Equal(8, CtReader.Read(path, Limited(maxSlicePixels: 64)).Geometry.Width);
        Assert.Contains("--max-slice-pixels", Assert.Throws<InvalidInputException>(() => CtReader.Read(path, Limited(maxSlicePixels: 63))).Problem);
    }

    [Fact]
    public void Dicom_series_follows_both_limits_given()
    {
        for (var z = 0; z < 3; z++) new TestDicom { Position = [0, 0, z], InstanceNumber = z + 1 }.Filled(0).Save(_folder.File($"dcm/{z}.dcm"));
        var folder = _folder.File("dcm");

        Assert.Equal(3, CtReader.Read(folder, Limited(maxVoxels: 36, maxSlicePixels: 12)).Geometry.Depth);
        Assert.Contains("--max-voxels", Assert.Throws<InvalidInputException>(() => CtReader.Read(folder, Limited(maxVoxels: 35))).Problem);
        Assert.Contains("--max-slice-pixels", Assert.Throws<InvalidInputException>(() => CtReader.Describe(folder, Limited(maxSlicePixels: 11))).Problem);
    }

    [Fact]
    public void Slice_folder_follows_both_limits_given()
    {
        for (var z = 0; z < 3; z++) ImageFiles.Gray(_folder.File($"png/{z}.png"), 6, 5, (x, y) => (byte)(x * 40));
        var folder = _folder.File("png");

        Assert.Equal(3, CtReader.Read(folder, Limited(maxVoxels: 90, maxSlicePixels: 30)).Geometry.Depth);
        Assert.Contains("--max-voxels", Assert.Throws<InvalidInputException>(() => CtReader.Read(folder, Limited(maxVoxels: 89))).Problem);
        Assert.Contains("--max-voxels", Assert.Throws<InvalidInputException>(() => CtReader.Describe(folder, Limited(maxVoxels: 89))).Problem);
        Assert.Contains("--max-slice-pixels", Assert.Throws<InvalidInputException>(() => CtReader.Read(folder, Limited(maxSlicePixels: 29))).Problem);
        Assert.Contains("--max-slice-pixels", Assert.Throws<InvalidInputException>(() => CtReader.ReadSliceOrVolume(_folder.File("png/0.png"), Limited(maxSlicePixels: 29))).Problem);
        Assert.Contains("--max-slice-pixels", Assert.Throws<InvalidInputException>(() => SliceWindowCheck.Check(folder, Imaging.StudyProtocol.LungWindow, new InputLimits { MaxSlicePixels = 29 })).Problem);
    }

    [Fact]
    public void Mask_is_bounded_by_its_image_not_by_the_limits()
    {
        var image = CtReader.Read(Nifti("ct.nii", 8, 8, 4), Limited(maxVoxels: 256));
        var mask = Nifti("mask.nii", 8, 8, 4);

        // The mask would be above a limit of 255 voxels, but it is read for an image that was within the limits it was read with.
        Assert.Equal(256, CtReader.ReadMask(mask, image).Labels.Length);
        Assert.Equal(4, CtReader.DescribeMask(mask).Depth);
    }

    [Fact]
    public void Mask_of_another_grid_is_refused_before_its_voxels_are_read()
    {
        var image = CtReader.Read(Nifti("ct.nii", 8, 8, 4));
        var mask = _folder.File("mask.nii.gz");
        // Declares 1024 x 1024 x 1000 with almost no data: reading the voxels first would fail on truncation, or allocate.
        new RawNifti { Dim = [3, 1024, 1024, 1000, 1, 1, 1, 1], DataType = 2, BitsPerVoxel = 8, Data = new byte[64] }.Save(mask);

        var error = Assert.Throws<InvalidInputException>(() => CtReader.ReadMask(mask, image));
        Assert.Contains("the mask is 1024x1024x1000 but the image is 8x8x4", error.Problem);
    }

    [Fact]
    public void Png_mask_of_another_size_is_refused_from_its_header()
    {
        for (var z = 0; z < 2; z++) ImageFiles.Gray(_folder.File($"png/{z}.png"), 6, 5, (x, _) => (byte)(x * 40));
        for (var z = 0; z < 2; z++) ImageFiles.Gray(_folder.File($"masks/{z}.png"), 7, 5, (_, _) => 0);
        var image = CtReader.Read(_folder.File("png"));

        var error = Assert.Throws<InvalidInputException>(() => CtReader.ReadMask(_folder.File("masks"), image));
        Assert.Contains("the mask is 7x5x2 but the image is 6x5x2", error.Problem);
    }

    [Fact]
    public void Gzip_nifti_whose_vox_offset_lies_past_its_data_is_refused_without_allocating_it()
    {
        var bytes = new RawNifti().WithInt16(1, 2, 3, 4, 5, 6, 7, 8).Bytes();
        BitConverter.GetBytes(1e9f).CopyTo(bytes, 108);
        var path = _folder.File("far.nii.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadVolume(path));
        Assert.Contains("truncated", error.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "the reader allocated the declared vox_offset");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(InputLimits.HighestMaxVoxels + 1)]
    public void Voxel_limit_outside_its_range_is_refused_once_where_it_is_set(long value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new InputLimits { MaxVoxels = value });
        Assert.Contains("must be 4 to 2,147,483,591", error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(InputLimits.HighestMaxSlicePixels + 1)]
    public void Slice_limit_outside_its_range_is_refused_once_where_it_is_set(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InputLimits.Default with { MaxSlicePixels = value });

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        Assert.Equal(16384L * 16384, new CtReadOptions().Limits.MaxSlicePixels);
        Assert.Equal(512L << 20, new CtReadOptions().Limits.MaxVoxels);
    }
}
