using CovidCt.Data;

namespace CovidCt.Testing.Fixtures;

/// <summary>
/// A 64 x 64 synthetic chest: scanner padding outside, soft tissue (40 HU), two lungs (-850 HU) at x 8..27 and 36..55,
/// y 20..55, so the valid-area rectangle is [8, 56) x [20, 56) with centre (32, 38). Lesions are squares of -500 HU.
/// </summary>
public static class Phantom
{
    public const int Size = 64;
    public const float Padding = -2048;
    public static readonly (int X0, int Y0, int X1, int Y1) LeftLung = (8, 20, 28, 56);
    public static readonly (int X0, int Y0, int X1, int Y1) RightLung = (36, 20, 56, 56);

    /// <summary>Upper-left quadrant lesion, 12 x 12 original pixels (36 pixels at 32 x 32).</summary>
    public static readonly (int X, int Y) UpperLeft = (10, 22);

    /// <summary>Upper-right quadrant lesion.</summary>
    public static readonly (int X, int Y) UpperRight = (40, 22);

    /// <summary>Lower-right quadrant lesion.</summary>
    public static readonly (int X, int Y) LowerRight = (40, 42);

    /// <summary>In the body above the lungs: outside the valid-area rectangle.</summary>
    public static readonly (int X, int Y) OutsideLungs = (24, 4);

    public static float[] Slice(float padding = Padding, params (int X, int Y)[] lesions)
    {
        var hu = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                hu[y * Size + x] = x < 2 || y < 2 || x >= 62 || y >= 62 ? padding : 40;
            }
        }
        Fill(hu, LeftLung, -850);
        Fill(hu, RightLung, -850);
        foreach (var (x, y) in lesions) Fill(hu, (x, y, x + 12, y + 12), TestModels.LesionHu);
        return hu;
    }

    /// <summary>A volume whose slice z holds the lesions listed for it (slices 2.5 mm apart, 0.7 mm pixels).</summary>
    public static CtVolume Volume(params (int X, int Y)[][] lesionsPerSlice)
    {
        var depth = lesionsPerSlice.Length;
        var voxels = new float[depth * Size * Size];
        for (var z = 0; z < depth; z++) Slice(Padding, lesionsPerSlice[z]).CopyTo(voxels, z * Size * Size);
        return new CtVolume(VolumeGeometry.Axial(Size, Size, depth, 0.7, 2.5), voxels, "phantom");
    }

    private static void Fill(float[] hu, (int X0, int Y0, int X1, int Y1) r, float value)
    {
        for (var y = r.Y0; y < r.Y1; y++)
        {
            for (var x = r.X0; x < r.X1; x++) hu[y * Size + x] = value;
        }
    }
}
