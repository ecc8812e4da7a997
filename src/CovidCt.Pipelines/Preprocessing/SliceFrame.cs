namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// Where a slice lies in the model's input: scaled by one factor for both axes (the aspect ratio is kept), centred, the rest
/// padded with air. A slice with the input's aspect ratio fills the input exactly, so square slices on a square model are
/// resized as before; a 512x400 slice on a 128x128 input becomes 128x100 with 14 rows of air above and below. The same frame
/// takes a probability map back to the slice (<see cref="Scoring.SliceResolution"/>), so nothing is squashed either way.
/// </summary>
/// <param name="SliceWidth">Columns of the slice.</param>
/// <param name="SliceHeight">Rows of the slice.</param>
/// <param name="InputWidth">Columns of the model input.</param>
/// <param name="InputHeight">Rows of the model input.</param>
/// <param name="Left">First input column the slice covers.</param>
/// <param name="Top">First input row the slice covers.</param>
/// <param name="ContentWidth">Input columns the slice covers.</param>
/// <param name="ContentHeight">Input rows the slice covers.</param>
internal readonly record struct SliceFrame(int SliceWidth, int SliceHeight, int InputWidth, int InputHeight, int Left, int Top, int ContentWidth, int ContentHeight)
{
    /// <summary>The frame of a <paramref name="sliceWidth"/> x <paramref name="sliceHeight"/> slice in an <paramref name="inputWidth"/> x <paramref name="inputHeight"/> input.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size is not positive.</exception>
    public static SliceFrame Of(int sliceWidth, int sliceHeight, int inputWidth, int inputHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        var scale = Math.Min((double)inputWidth / sliceWidth, (double)inputHeight / sliceHeight);
        // Rounded to whole input pixels: a 531x530 slice fills a 128x128 input (127.76 rows round to 128), so a slice that is
        // square but for a pixel is not given a stripe of air.
        var width = Math.Clamp((int)Math.Round(sliceWidth * scale), 1, inputWidth);
        var height = Math.Clamp((int)Math.Round(sliceHeight * scale), 1, inputHeight);
        return new SliceFrame(sliceWidth, sliceHeight, inputWidth, inputHeight, (inputWidth - width) / 2, (inputHeight - height) / 2, width, height);
    }

    /// <summary>True when the slice covers the whole input (no padding).</summary>
    public bool FillsInput => ContentWidth == InputWidth && ContentHeight == InputHeight;
}
