namespace CovidCt.Data.Synthesis;

/// <summary>
/// A rendered procedural chest before acquisition: the noise-free HU volume, the lung coverage, and the scanner noise
/// that <see cref="Acquire"/> adds once lesions have been painted into a copy of <see cref="Clean"/>.
/// </summary>
public sealed class PhantomScan
{
    private readonly SeededRandom _noiseRandom;

    internal PhantomScan(VolumeGeometry geometry, float[] clean, byte[] lungCoverage, ScannerNoise noise, SeededRandom noiseRandom, string description)
    {
        Geometry = geometry;
        Clean = clean;
        LungCoverage = lungCoverage;
        Noise = noise;
        _noiseRandom = noiseRandom;
        Description = description;
    }

    /// <summary>The voxel grid.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>Noise-free HU; not modified by this class.</summary>
    public float[] Clean { get; }

    /// <summary>Fraction of each voxel inside the lung, 0..255 (partial volume at the pleura).</summary>
    public byte[] LungCoverage { get; }

    /// <summary>The scanner noise model (its standard deviation is reported in the cohort card).</summary>
    public ScannerNoise Noise { get; }

    /// <summary>What was rendered, for <see cref="CtVolume.Source"/>.</summary>
    public string Description { get; }

    /// <summary>
    /// Adds the scanner noise to <paramref name="hounsfield"/> (a copy of <see cref="Clean"/>, possibly with lesions) and rounds
    /// to whole HU, as a scanner stores them. The noise depends only on the seed and the slice, so a volume with lesions and
    /// the same volume without them receive exactly the same noise.
    /// </summary>
    public CtVolume Acquire(float[] hounsfield)
    {
        ArgumentNullException.ThrowIfNull(hounsfield);
        if (hounsfield.LongLength != Geometry.VoxelCount) throw new ArgumentException($"{hounsfield.LongLength} voxels do not fit the {Geometry.VoxelCount}-voxel grid", nameof(hounsfield));
        var width = Geometry.Width;
        var height = Geometry.Height;
        var output = new float[hounsfield.Length];
        Parallel.For(0, Geometry.Depth, z =>
        {
            var slice = output.AsSpan(z * Geometry.SliceLength, Geometry.SliceLength);
            hounsfield.AsSpan(z * Geometry.SliceLength, Geometry.SliceLength).CopyTo(slice);
            Noise.AddTo(slice, width, height, _noiseRandom.Fork((ulong)z));
            // Padding outside the scan circle carries no noise; inside it, values are clipped to the scanner's range.
            for (var i = 0; i < slice.Length; i++) slice[i] = hounsfield[z * Geometry.SliceLength + i] <= ChestPhantom.PaddingHu ? ChestPhantom.PaddingHu : MathF.Round(Math.Clamp(slice[i], -1024f, 3071f));
        });
        return new CtVolume(Geometry, output, Description);
    }
}
