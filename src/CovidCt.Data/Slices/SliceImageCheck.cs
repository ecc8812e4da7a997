using CovidCt.Data.IO;
using SkiaSharp;

namespace CovidCt.Data.Slices;

/// <summary>
/// Checks one PNG/JPEG slice before its pixels are used: a regular file, 8 bits per channel, a size between the minimum and
/// the reader's <see cref="InputLimits.MaxSlicePixels"/>, and complete (a cut file would otherwise decode with its missing part black).
/// </summary>
internal static class SliceImageCheck
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The slice's size from its header, after checking everything but completeness.</summary>
    /// <exception cref="InvalidInputException">When the file is not a usable 8-bit slice of an allowed size.</exception>
    public static (int Width, int Height) Header(string file, InputLimits limits)
    {
        using var stream = InputPaths.OpenRead(file);
        RequireEightBits(file, stream);
        stream.Position = 0;
        using var codec = SKCodec.Create(stream) ?? throw Undecodable(file);
        RequireSize(file, codec.Info.Width, codec.Info.Height, limits);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Checks the header as <see cref="Header"/> does, then decodes the whole image to prove it is complete; returns its size.</summary>
    /// <exception cref="InvalidInputException">When the header check fails or the image data is cut short or corrupt.</exception>
    public static (int Width, int Height) Complete(string file, InputLimits limits)
    {
        using var stream = InputPaths.OpenRead(file);
        RequireEightBits(file, stream);
        stream.Position = 0;
        using var codec = SKCodec.Create(stream) ?? throw Undecodable(file);
        RequireSize(file, codec.Info.Width, codec.Info.Height, limits);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidInputException(file, result == SKCodecResult.IncompleteInput
                ? $"the image data ends early ({stream.Length} bytes): the file is truncated, and its missing rows would read as black"
                : $"the image data is corrupt ({result}); expected a complete PNG or JPEG slice");
        }
        return (info.Width, info.Height);
    }

    /// <summary>The error for a file that is not a PNG or JPEG image at all.</summary>
    public static InvalidInputException Undecodable(string file) =>
        new(file, $"cannot be decoded as a PNG/JPEG image ({new FileInfo(file).Length} bytes); expected an 8-bit gray or RGB slice");

    // PNG stores the bit depth at byte 24 of the IHDR chunk; 16-bit samples would be cut to 8 bits by the decoder.
    private static void RequireEightBits(string file, Stream stream)
    {
        var head = new byte[25];
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.AsSpan(0, 8).SequenceEqual(PngSignature)) return;
        if (head[24] == 16)
        {
            throw new InvalidInputException(file, "is a 16-bit PNG; expected 8-bit gray or RGB slices (export 16-bit CT as DICOM or NIfTI, which keep HU)", field: "bit depth");
        }
    }

    private static void RequireSize(string file, int width, int height, InputLimits limits)
    {
        if (InputLimits.TooSmall(width, height) is { } tooSmall) throw new InvalidInputException(file, tooSmall);
        if (limits.TooManyPixels(width, height) is { } tooMany) throw new InvalidInputException(file, "the image " + tooMany);
    }
}
