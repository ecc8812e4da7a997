using CovidCt.Data.IO;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

/// <summary>
/// Issue #20: an unscaled uint8 NIfTI mask is labelled from its bytes, never widened to floats. The labels and the errors must
/// be those of the value path, which a scaled or float64 mask still takes: each case is read both ways and compared.
/// </summary>
public sealed class NiftiMaskBytesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly short[] Dim = [3, 37, 23, 3, 1, 1, 1, 1];
    private const int Count = 37 * 23 * 3;

    public static TheoryData<byte, byte, string?> Masks() => new()
    {
        { 0, 255, null },
        { 0, 1, null },
        { 2, 1, "1,2" },
        { 5, 3, "1,3,300" },
    };

    [Theory]
    [MemberData(nameof(Masks))]
    public void A_uint8_mask_has_the_labels_its_values_give(byte highest, byte lesion, string? labelText)
    {
        var labels = Labels(labelText);
        var values = Enumerable.Range(0, Count).Select(i => (byte)(i % 11 == 0 ? lesion : i % 7 == 0 ? highest : 0)).ToArray();

        var fromBytes = NiftiReader.ReadMask(Save(Uint8(values), "u8.nii.gz"), labels: labels).Labels;
        var fromValues = NiftiReader.ReadMask(Save(new RawNifti { Dim = Dim }.WithFloat64([.. values.Select(v => (double)v)]), "f64.nii.gz"), labels: labels).Labels;

        Assert.Equal(fromValues, fromBytes);
        Assert.Equal(values.Select(v => labels.Labels.Count == 0 ? (byte)(v == 0 ? 0 : 1) : (byte)(labels.Labels.Contains(v) ? 1 : 0)).ToArray(), fromBytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public void A_uint8_mask_that_breaks_the_rule_gets_the_value_paths_error(string? labelText)
    {
        var labels = Labels(labelText);
        // Binary: three values are no binary mask. Labels: every byte is a whole value, so a label mask of bytes is always read.
        var values = Enumerable.Range(0, Count).Select(i => (byte)(i % 3)).ToArray();
        var bytesPath = Save(Uint8(values), "u8.nii");
        var valuesPath = Save(new RawNifti { Dim = Dim }.WithFloat64([.. values.Select(v => (double)v)]), "f64.nii");

        if (labelText is not null)
        {
            Assert.Equal(NiftiReader.ReadMask(valuesPath, labels: labels).Labels, NiftiReader.ReadMask(bytesPath, labels: labels).Labels);
            return;
        }
        var fromBytes = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(bytesPath, labels: labels));
        var fromValues = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(valuesPath, labels: labels));
        Assert.Equal(fromValues.Problem, fromBytes.Problem);
        Assert.Equal("mask values", fromBytes.Field);
        Assert.Equal(bytesPath, fromBytes.File);
    }

    [Fact]
    public void A_scaled_uint8_mask_is_labelled_after_its_scaling()
    {
        // 0/1 stored with scl_slope 255 is a 0/255 mask; with scl_inter 0.5 no value is whole, which a label mask refuses.
        var values = Enumerable.Range(0, Count).Select(i => (byte)(i % 5 == 0 ? 1 : 0)).ToArray();
        Assert.Equal(values, NiftiReader.ReadMask(Save(Uint8(values, slope: 255), "scaled.nii"), labels: LesionLabels.Binary).Labels);
        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(Save(Uint8(values, intercept: 0.5f), "half.nii"), labels: LesionLabels.Of([1])));
        Assert.Contains("0.5 is not one", error.Problem);
    }

    [Fact]
    public void A_uint8_mask_is_read_without_a_float_per_voxel()
    {
        // Was: the bytes were widened to floats (four bytes a voxel, gathered in chunks and copied) before being labelled.
        var values = new byte[256 * 256 * 16];
        for (var i = 0; i < values.Length; i++) values[i] = (byte)(i % 97 == 0 ? 1 : 0);
        var path = Save(new RawNifti { Dim = [3, 256, 256, 16, 1, 1, 1, 1], DataType = 2, BitsPerVoxel = 8, Data = values }, "big.nii.gz");
        NiftiReader.ReadMask(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var labels = NiftiReader.ReadMask(path).Labels;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(values, labels);
        Assert.True(allocated < values.Length * sizeof(float), $"reading a mask of {values.Length:N0} voxels allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_truncated_uint8_mask_says_how_much_data_it_has()
    {
        var path = _folder.File("short.nii.gz");
        new RawNifti { Dim = [3, 2, 2, 3, 1, 1, 1, 1], DataType = 2, BitsPerVoxel = 8, Data = new byte[8] }.Save(path);

        var error = Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(path));
        Assert.Equal("dim", error.Field);
        Assert.Contains("8 of 12 bytes", error.Problem);
    }

    private static LesionLabels Labels(string? text)
    {
        if (text is null) return LesionLabels.Binary;
        Assert.True(LesionLabels.TryParse(text, out var labels, out _));
        return labels!;
    }

    private static RawNifti Uint8(byte[] values, float slope = 1, float intercept = 0) =>
        new() { Dim = Dim, DataType = 2, BitsPerVoxel = 8, Data = values, ScaleSlope = slope, ScaleIntercept = intercept };

    private string Save(RawNifti nifti, string name)
    {
        var path = _folder.File(name);
        nifti.Save(path);
        return path;
    }
}
