using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Nifti;

/// <summary>
/// Issue #20: unscaled int16 (CT) and uint8 (mask) voxels are converted to floats many at a time. The values must be those the
/// one-at-a-time conversion gives, bit for bit: checked against the same grid stored as float64 (which converts one at a
/// time), on a grid whose length is no multiple of the vector width and with every extreme value.
/// </summary>
public sealed class NiftiDecodeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly short[] Dim = [3, 37, 23, 3, 1, 1, 1, 1];
    private const int Count = 37 * 23 * 3;

    [Fact]
    public void Int16_voxels_read_as_the_same_floats_as_float64_ones()
    {
        var values = Enumerable.Range(0, Count).Select(i => (short)(i * 7919 % 65536 - 32768)).ToArray();
        values[0] = short.MinValue;
        values[^1] = short.MaxValue;
        Assert.Equal(Read(new RawNifti { Dim = Dim }.WithFloat64([.. values.Select(v => (double)v)]), "f64"),
            Read(new RawNifti { Dim = Dim }.WithInt16(values), "i16"));
    }

    [Fact]
    public void Uint8_voxels_read_as_the_same_floats_as_float64_ones()
    {
        var values = Enumerable.Range(0, Count).Select(i => (byte)(i * 31 % 256)).ToArray();
        values[^1] = byte.MaxValue;
        Assert.Equal(Read(new RawNifti { Dim = Dim }.WithFloat64([.. values.Select(v => (double)v)]), "f64"),
            Read(new RawNifti { Dim = Dim, DataType = 2, BitsPerVoxel = 8, Data = values }, "u8"));
    }

    private float[] Read(RawNifti nifti, string name)
    {
        var path = _folder.File(name + ".nii.gz");
        nifti.Save(path);
        return NiftiReader.ReadVolume(path).Hounsfield;
    }
}
