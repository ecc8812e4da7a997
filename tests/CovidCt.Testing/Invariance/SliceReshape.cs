namespace CovidCt.Testing.Invariance;

/// <summary>
/// The geometric edits researchers make to exported slices before sharing them: a crop, a border, a resize. The image and
/// its mask go through the same edit; the mask with nearest-neighbour sampling, so it stays 0/255.
/// </summary>
public abstract record SliceReshape
{
    /// <summary>The edited slice.</summary>
    public abstract GrayPlane Apply(GrayPlane slice, bool isMask);

    /// <summary>Keeps the rectangle at (<paramref name="X"/>, <paramref name="Y"/>) of <paramref name="Width"/> x <paramref name="Height"/> pixels.</summary>
    public sealed record Crop(int X, int Y, int Width, int Height) : SliceReshape
    {
        public override GrayPlane Apply(GrayPlane slice, bool isMask)
        {
            if (X < 0 || Y < 0 || X + Width > slice.Width || Y + Height > slice.Height)
            {
                throw new ArgumentException($"crop {Width}x{Height} at ({X},{Y}) does not fit a {slice.Width}x{slice.Height} slice", nameof(slice));
            }
            var pixels = new byte[Width * Height];
            for (var y = 0; y < Height; y++) slice.Pixels.AsSpan((Y + y) * slice.Width + X, Width).CopyTo(pixels.AsSpan(y * Width, Width));
            return new GrayPlane(pixels, Width, Height);
        }
    }

    /// <summary>Adds a black border (gray 0, what image tools pad with) of the given widths.</summary>
    public sealed record Pad(int Left, int Top, int Right, int Bottom) : SliceReshape
    {
        public override GrayPlane Apply(GrayPlane slice, bool isMask)
        {
            var width = slice.Width + Left + Right;
            var pixels = new byte[width * (slice.Height + Top + Bottom)];
            for (var y = 0; y < slice.Height; y++) slice.Pixels.AsSpan(y * slice.Width, slice.Width).CopyTo(pixels.AsSpan((Top + y) * width + Left, slice.Width));
            return new GrayPlane(pixels, width, slice.Height + Top + Bottom);
        }
    }

    /// <summary>
    /// Resamples to <paramref name="Width"/> x <paramref name="Height"/> with half-pixel centres: the image bilinearly and
    /// rounded (PIL's <c>resize(BILINEAR)</c> when enlarging), the mask by nearest neighbour. Enlarging keeps every mask pixel.
    /// </summary>
    public sealed record Resize(int Width, int Height) : SliceReshape
    {
        public override GrayPlane Apply(GrayPlane slice, bool isMask)
        {
            var pixels = new byte[Width * Height];
            var scaleX = (double)slice.Width / Width;
            var scaleY = (double)slice.Height / Height;
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    pixels[y * Width + x] = isMask
                        ? slice[Math.Min((int)((x + 0.5) * scaleX), slice.Width - 1), Math.Min((int)((y + 0.5) * scaleY), slice.Height - 1)]
                        : Bilinear(slice, (x + 0.5) * scaleX - 0.5, (y + 0.5) * scaleY - 0.5);
                }
            }
            return new GrayPlane(pixels, Width, Height);
        }

        private static byte Bilinear(GrayPlane slice, double sx, double sy)
        {
            var x0 = Math.Clamp((int)Math.Floor(sx), 0, slice.Width - 1);
            var y0 = Math.Clamp((int)Math.Floor(sy), 0, slice.Height - 1);
            var x1 = Math.Min(x0 + 1, slice.Width - 1);
            var y1 = Math.Min(y0 + 1, slice.Height - 1);
            var fx = Math.Clamp(sx - x0, 0, 1);
            var fy = Math.Clamp(sy - y0, 0, 1);
            var top = slice[x0, y0] + fx * (slice[x1, y0] - slice[x0, y0]);
            var bottom = slice[x0, y1] + fx * (slice[x1, y1] - slice[x0, y1]);
            return (byte)Math.Round(top + fy * (bottom - top), MidpointRounding.AwayFromZero);
        }
    }
}
