namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// Where a slice lies in the model's input. A view of the slice (<see cref="ViewLeft"/>, <see cref="ViewTop"/>,
/// <see cref="ViewWidth"/> x <see cref="ViewHeight"/> slice pixels; air where it reaches beyond the slice) is scaled by one
/// factor for both axes (the aspect ratio is kept), centred, the rest padded with air. The view is the whole slice, or the
/// patient's body frame (<see cref="SliceFraming.Body"/>). A view with the input's aspect ratio fills the input exactly, so square
/// slices on a square model are resized as before; a 512x400 slice on a 128x128 input becomes 128x100 with 14 rows of air above
/// and below. The same frame takes a probability map back to the slice (<see cref="Scoring.SliceResolution"/>), so nothing is
/// squashed or shifted either way.
/// </summary>
/// <param name="SliceWidth">Columns of the slice.</param>
/// <param name="SliceHeight">Rows of the slice.</param>
/// <param name="InputWidth">Columns of the model input.</param>
/// <param name="InputHeight">Rows of the model input.</param>
/// <param name="Left">First input column the view covers.</param>
/// <param name="Top">First input row the view covers.</param>
/// <param name="ContentWidth">Input columns the view covers.</param>
/// <param name="ContentHeight">Input rows the view covers.</param>
/// <param name="ViewLeft">First slice column of the view (negative when it starts left of the slice).</param>
/// <param name="ViewTop">First slice row of the view (negative when it starts above the slice).</param>
/// <param name="ViewWidth">Slice columns the view spans.</param>
/// <param name="ViewHeight">Slice rows the view spans.</param>
internal readonly record struct SliceFrame(int SliceWidth, int SliceHeight, int InputWidth, int InputHeight, int Left, int Top, int ContentWidth, int ContentHeight,
    int ViewLeft, int ViewTop, int ViewWidth, int ViewHeight)
{
    /// <summary>The frame of a whole <paramref name="sliceWidth"/> x <paramref name="sliceHeight"/> slice in an <paramref name="inputWidth"/> x <paramref name="inputHeight"/> input.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size is not positive.</exception>
    public static SliceFrame Of(int sliceWidth, int sliceHeight, int inputWidth, int inputHeight) =>
        Of(sliceWidth, sliceHeight, PixelBox.Whole(sliceWidth, sliceHeight), inputWidth, inputHeight);

    /// <summary>The frame of <paramref name="view"/> of a <paramref name="sliceWidth"/> x <paramref name="sliceHeight"/> slice in an <paramref name="inputWidth"/> x <paramref name="inputHeight"/> input.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size is not positive.</exception>
    public static SliceFrame Of(int sliceWidth, int sliceHeight, PixelBox view, int inputWidth, int inputHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sliceHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(view.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(view.Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        var scale = Math.Min((double)inputWidth / view.Width, (double)inputHeight / view.Height);
        // Rounded to whole input pixels: a 531x530 slice fills a 128x128 input (127.76 rows round to 128), so a slice that is
        // square but for a pixel is not given a stripe of air.
        var width = Math.Clamp((int)Math.Round(view.Width * scale), 1, inputWidth);
        var height = Math.Clamp((int)Math.Round(view.Height * scale), 1, inputHeight);
        return new SliceFrame(sliceWidth, sliceHeight, inputWidth, inputHeight, (inputWidth - width) / 2, (inputHeight - height) / 2, width, height,
            view.Left, view.Top, view.Width, view.Height);
    }

    /// <summary>True when the view covers the whole input (no padding around it).</summary>
    public bool FillsInput => ContentWidth == InputWidth && ContentHeight == InputHeight;

    /// <summary>True when the view is exactly the slice (no crop, no air added around it).</summary>
    public bool ViewIsSlice => ViewLeft == 0 && ViewTop == 0 && ViewWidth == SliceWidth && ViewHeight == SliceHeight;
}
