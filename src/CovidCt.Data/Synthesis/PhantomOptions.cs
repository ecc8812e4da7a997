namespace CovidCt.Data.Synthesis;

/// <summary>What to generate for one procedural chest: grid size and the seed that draws the anatomy.</summary>
/// <param name="Seed">Everything else (body size, inspiration, spacing, thickness, noise) is drawn from this seed.</param>
/// <param name="Width">Columns per slice (512 by default; any size works: anatomy is defined in millimetres).</param>
/// <param name="Height">Rows per slice.</param>
/// <param name="Slices">Number of slices.</param>
/// <param name="MinSliceThicknessMm">Smallest slice thickness drawn; slices are contiguous (spacing = thickness).</param>
/// <param name="MaxSliceThicknessMm">Largest slice thickness drawn.</param>
public sealed record PhantomOptions(
    ulong Seed,
    int Width = 512,
    int Height = 512,
    int Slices = 64,
    double MinSliceThicknessMm = 1.25,
    double MaxSliceThicknessMm = 5.0)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a size or thickness cannot make a chest.</summary>
    public void Validate()
    {
        if (Width < 32 || Height < 32) throw new ArgumentOutOfRangeException(nameof(Width), $"slices must be at least 32 x 32 pixels, not {Width} x {Height}");
        if (Slices < 1) throw new ArgumentOutOfRangeException(nameof(Slices), $"at least one slice is needed, not {Slices}");
        if (!(MinSliceThicknessMm > 0) || MaxSliceThicknessMm < MinSliceThicknessMm)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSliceThicknessMm), $"slice thickness range {MinSliceThicknessMm}..{MaxSliceThicknessMm} mm is not a positive interval");
        }
    }
}
