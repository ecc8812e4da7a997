namespace CovidCt.Testing.Invariance;

/// <summary>One 8-bit slice as an exporting tool holds it: gray values row by row.</summary>
public sealed record GrayPlane(byte[] Pixels, int Width, int Height)
{
    /// <summary>Gray of pixel (x, y).</summary>
    public byte this[int x, int y] => Pixels[y * Width + x];
}
