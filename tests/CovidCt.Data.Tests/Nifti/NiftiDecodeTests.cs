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

    public static TheoryData<float, float, bool> Scalings() => new()
    {
        { 1f, -1024f, false },
        { 1f, -1024f, true },
        { 0.1f, 0f, false },
        { 1f / 3, -1024.3f, true },
        { 2.5f, 0.5f, false },
        { -0.7f, 3.3e-3f, true },
    };

    [Theory]
    [MemberData(nameof(Scalings))]
    public void Scaled_int16_voxels_read_as_the_per_voxel_double_formula_gives_them(float slope, float intercept, bool bigEndian)
    {
        var values = Enumerable.Range(0, Count).Select(i => (short)(i * 7919 % 65536 - 32768)).ToArray();
        values[0] = short.MinValue;
        values[1] = short.MaxValue;
        values[^1] = 0;

        var read = Read(new RawNifti { Dim = Dim, ScaleSlope = slope, ScaleIntercept = intercept, BigEndian = bigEndian }.WithInt16(values), "i16s");

        // The oracle: the scalar loop's formula, in double and rounded once to float, and the same grid stored as float64
        // (which that loop still decodes).
        Assert.Equal(values.Select(v => (float)(v * (double)slope + intercept)).ToArray(), read);
        Assert.Equal(Read(new RawNifti { Dim = Dim, ScaleSlope = slope, ScaleIntercept = intercept, BigEndian = bigEndian }.WithFloat64([.. values.Select(v => (double)v)]), "f64s"), read);
    }

    [Fact]
    public void A_compressed_volume_is_inflated_into_its_one_array_not_gathered_and_copied()
    {
        // Was: the voxels were inflated into chunk arrays and copied into the volume, two volumes' worth of floats per read.
        var values = new short[256 * 256 * 16];
        for (var i = 0; i < values.Length; i++) values[i] = (short)(i % 2000 - 1000);
        var raw = new RawNifti { Dim = [3, 256, 256, 16, 1, 1, 1, 1] }.WithInt16(values);
        var (plain, compressed) = (_folder.File("plain.nii"), _folder.File("compressed.nii.gz"));
        raw.Save(plain);
        raw.Save(compressed);
        NiftiReader.ReadVolume(compressed);

        var plainBytes = Allocated(() => NiftiReader.ReadVolume(plain));
        var compressedBytes = Allocated(() => NiftiReader.ReadVolume(compressed));

        Assert.True(compressedBytes - plainBytes < values.Length * sizeof(float) / 2, $"reading the compressed file allocated {compressedBytes:N0} bytes against {plainBytes:N0} for the plain one");
    }

    private static long Allocated(Action read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        read();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private float[] Read(RawNifti nifti, string name)
    {
        var path = _folder.File(name + ".nii.gz");
        nifti.Save(path);
        return NiftiReader.ReadVolume(path).Hounsfield;
    }
}
