using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

public sealed class NiftiReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // A 2x2x2 grid: voxel (x, y, z) holds 100z + 10y + x, so every flip shows.
    private static readonly short[] Coded = [0, 1, 10, 11, 100, 101, 110, 111];

    [Fact]
    public void Big_endian_int16_is_read_with_scaling()
    {
        var path = _folder.File("big.nii");
        new RawNifti { BigEndian = true, ScaleSlope = 2, ScaleIntercept = -1024 }.WithInt16(Coded).Save(path);

        var volume = NiftiReader.ReadVolume(path);
        Assert.Equal(Coded.Select(v => v * 2f - 1024), volume.Hounsfield);
    }

    [Fact]
    public void Float64_with_zero_slope_means_no_scaling()
    {
        var path = _folder.File("f64.nii.gz");
        new RawNifti { ScaleSlope = 0, ScaleIntercept = 5 }.WithFloat64(-1000.5, 0, 1, 2, 3, 4, 5, 40.25).Save(path);

        Assert.Equal(new[] { -1000.5f, 0, 1, 2, 3, 4, 5, 40.25f }, NiftiReader.ReadVolume(path).Hounsfield);
    }

    [Fact]
    public void Sform_in_standard_RAS_keeps_the_stored_order()
    {
        var path = _folder.File("standard.nii");
        new RawNifti { SformCode = 1, Srow = [-0.5f, 0, 0, 10, 0, -0.5f, 0, 20, 0, 0, 2, -30] }.WithInt16(Coded).Save(path);

        var volume = NiftiReader.ReadVolume(path);
        Assert.Equal(Coded.Select(v => (float)v), volume.Hounsfield);
        Assert.Equal(new Vector3D(1, 0, 0), volume.Geometry.RowDirection);
        Assert.Equal(new Vector3D(-10, -20, -30), volume.Geometry.Origin);
        Assert.Equal(new[] { -30.0, -28.0 }, volume.Geometry.SlicePositions);
        Assert.Equal(0.5, volume.Geometry.ColumnSpacing);
    }

    [Fact]
    public void Rows_stored_anterior_up_and_slices_head_first_are_flipped_to_the_DICOM_axial_orientation()
    {
        // dcm2niix-style: j runs towards anterior (RAS +y) and k towards the feet.
        var path = _folder.File("flipped.nii");
        new RawNifti { SformCode = 1, Srow = [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -2, 0] }.WithInt16(Coded).Save(path);

        var volume = NiftiReader.ReadVolume(path);
        // Stored (x, y, z) lands at (x, 1 - y, 1 - z).
        Assert.Equal(new float[] { 110, 111, 100, 101, 10, 11, 0, 1 }, volume.Hounsfield);
        Assert.Equal(new Vector3D(0, 1, 0), volume.Geometry.ColumnDirection);
        Assert.Equal(new[] { -2.0, 0.0 }, volume.Geometry.SlicePositions);
    }

    [Fact]
    public void Qform_is_used_when_there_is_no_sform()
    {
        // Quaternion (b, c, d) = (0, 0, 1) is a 180-degree turn about z: RAS x and y reversed, i.e. LPS (1,0,0) rows.
        var path = _folder.File("qform.nii");
        new RawNifti { QformCode = 1, PixDim = [1, 0.7f, 0.7f, 2.5f, 0, 0, 0, 0], Quatern = [0, 0, 1, 5, 6, 7] }.WithInt16(Coded).Save(path);

        var geometry = NiftiReader.ReadVolume(path).Geometry;
        Assert.Equal(1, geometry.RowDirection.X, 6);
        Assert.Equal(1, geometry.ColumnDirection.Y, 6);
        Assert.Equal(0.7, geometry.ColumnSpacing, 6);
        Assert.Equal(2.5, geometry.SliceThickness, 6);
        Assert.Equal(new[] { 7.0, 9.5 }, geometry.SlicePositions.Select(p => Math.Round(p, 4)));
    }

    [Fact]
    public void The_one_lesion_value_of_a_mask_becomes_one()
    {
        var path = _folder.File("mask.nii");
        new RawNifti().WithInt16(0, 255, 0, 255, 0, 0, 255, 0).Save(path);

        Assert.Equal(new byte[] { 0, 1, 0, 1, 0, 0, 1, 0 }, NiftiReader.ReadMask(path).Labels);
    }

    [Fact]
    public void A_mask_with_several_non_zero_values_is_refused()
    {
        var path = _folder.File("mask.nii");
        new RawNifti().WithInt16(0, 2, 0, -1, 0, 0, 255, 0).Save(path);

        Assert.Contains("binary", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(path)).Problem);
    }

    [Fact]
    public void A_single_volume_4D_file_is_accepted()
    {
        var path = _folder.File("4d.nii");
        new RawNifti { Dim = [4, 2, 2, 2, 1, 1, 1, 1] }.WithInt16(Coded).Save(path);

        Assert.Equal(2, NiftiReader.ReadVolume(path).Geometry.Depth);
    }
}
