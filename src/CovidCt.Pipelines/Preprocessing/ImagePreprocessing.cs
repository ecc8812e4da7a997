using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;

namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// The preprocessing a model expects, fully resolved: per pixel at the original resolution
/// v = clip((HU - (level - width/2)) / width, 0, 1), then a bilinear resize with half-pixel centres
/// (PyTorch <c>interpolate(mode="bilinear", align_corners=False, antialias=False)</c>) that keeps the aspect ratio
/// (<see cref="SliceFrame"/>: a slice of another shape than the input is centred and padded with <see cref="PadValue"/>,
/// air after the window), then the model's layout and channel count. In a pipeline, what is resized is the patient's body
/// frame (<see cref="Framing"/>) rather than the whole slice.
/// </summary>
/// <param name="WindowWidth">Window width, HU (positive).</param>
/// <param name="WindowLevel">Window level (centre), HU.</param>
/// <param name="InputHeight">Model input height, pixels.</param>
/// <param name="InputWidth">Model input width, pixels.</param>
/// <param name="Layout">Model input layout.</param>
/// <param name="Channels">Model input channels, 1 or 3.</param>
public sealed record ImagePreprocessing(double WindowWidth, double WindowLevel, int InputHeight, int InputWidth, TensorLayout Layout, int Channels)
{
    /// <summary>The study's lung window width, HU (<see cref="StudyProtocol.WindowWidth"/>).</summary>
    public const double StudyWindowWidth = StudyProtocol.WindowWidth;

    /// <summary>The study's lung window level, HU (<see cref="StudyProtocol.WindowLevel"/>).</summary>
    public const double StudyWindowLevel = StudyProtocol.WindowLevel;

    /// <summary>Floats per preprocessed image (channels x height x width).</summary>
    public int ImageLength => Channels * InputHeight * InputWidth;

    /// <summary>HU of air (−1000), what the padding around a slice of another shape than the input stands for.</summary>
    public const float AirHounsfield = -1000f;

    /// <summary>
    /// The model input value of the padding: air (<see cref="AirHounsfield"/>) after the window, so the model sees air where there is
    /// no slice (0.25 with the study's window W1200/L−700), never a black frame it was not trained on.
    /// </summary>
    public float PadValue => new HounsfieldWindow(WindowWidth, WindowLevel).ToUnit(AirHounsfield);

    /// <summary>
    /// What of each slice the pipeline gives the model: <see cref="SliceFraming.Body"/> unless the options say otherwise.
    /// <see cref="Apply(ReadOnlySpan{float}, int, int, Span{float}, ref float[])"/> on one slice always takes the whole slice (the model's own preprocessing, as in PyTorch).
    /// </summary>
    public SliceFraming Framing { get; init; } = SliceFraming.Body;

    /// <summary>Where a whole <paramref name="width"/> x <paramref name="height"/> slice lies in the model input.</summary>
    internal SliceFrame FrameOf(int width, int height) => SliceFrame.Of(width, height, InputWidth, InputHeight);

    /// <summary>
    /// Where one patient's <paramref name="width"/> x <paramref name="height"/> slices (HU, row-major) lie in the model input: with
    /// <see cref="SliceFraming.Body"/>, the square about the body over all of them (<see cref="BodyFrame"/>), one frame for every
    /// slice so they all keep one scale; the whole slice with <see cref="SliceFraming.Image"/>, or when no pixel is denser than
    /// air (nothing to frame on).
    /// </summary>
    internal SliceFrame FrameOf(IReadOnlyList<ReadOnlyMemory<float>> slices, int width, int height)
    {
        if (Framing == SliceFraming.Image) return FrameOf(width, height);
        return BodyFrame.Bounds(slices, width, height) is { } body
            ? SliceFrame.Of(width, height, BodyFrame.Square(body, BodyFrame.TrainingBodyFraction), InputWidth, InputHeight)
            : FrameOf(width, height);
    }

    /// <summary>
    /// Combines <paramref name="options"/> with what <paramref name="model"/> declares.
    /// </summary>
    /// <exception cref="InvalidInputException">When an option contradicts the model (input name, size, layout, channels),
    /// naming what the model expects; or when the window width is not positive.</exception>
    public static ImagePreprocessing Resolve(PreprocessingOptions options, OnnxModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        if (options.InputName is { } name && name != model.InputName) Mismatch(model, $"input name '{name}'");
        if (options.Layout is { } layout && layout != model.Layout) Mismatch(model, $"layout {layout.ToString().ToUpperInvariant()}");
        if (options.Channels is { } channels && channels != model.Channels) Mismatch(model, $"{channels} channels");
        if (options.InputHeight is { } height && height != model.InputHeight) Mismatch(model, $"input height {height}");
        if (options.InputWidth is { } width && width != model.InputWidth) Mismatch(model, $"input width {width}");
        var windowWidth = options.WindowWidth ?? model.MetadataNumber(ModelMetadataKeys.WindowWidth) ?? StudyWindowWidth;
        var windowLevel = options.WindowLevel ?? model.MetadataNumber(ModelMetadataKeys.WindowLevel) ?? StudyWindowLevel;
        if (!(windowWidth > 0)) throw new InvalidInputException(model.Path, $"window width is {windowWidth}; expected a positive number of HU", field: ModelMetadataKeys.WindowWidth);
        return new ImagePreprocessing(windowWidth, windowLevel, model.InputHeight, model.InputWidth, model.Layout, model.Channels) { Framing = options.Framing };
    }

    /// <summary>
    /// Writes the model input for one whole slice of HU values (<paramref name="width"/> x <paramref name="height"/>, row-major)
    /// into <paramref name="destination"/> (length <see cref="ImageLength"/>), reusing <paramref name="scratch"/> when it is large enough.
    /// </summary>
    /// <remarks>NaN HU (missing pixels) window to 0, like air.</remarks>
    public void Apply(ReadOnlySpan<float> hounsfield, int width, int height, Span<float> destination, ref float[]? scratch)
    {
        if (hounsfield.Length != width * height) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        Apply(hounsfield, FrameOf(width, height), destination, ref scratch);
    }

    /// <summary>
    /// Writes the model input for one slice of HU values in <paramref name="frame"/> (the slice's size, and the view of it the
    /// model sees) into <paramref name="destination"/>, reusing <paramref name="scratch"/> when it is large enough.
    /// </summary>
    internal void Apply(ReadOnlySpan<float> hounsfield, SliceFrame frame, Span<float> destination, ref float[]? scratch)
    {
        if (hounsfield.Length != frame.SliceWidth * frame.SliceHeight) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {frame.SliceWidth}x{frame.SliceHeight}", nameof(hounsfield));
        if (destination.Length != ImageLength) throw new ArgumentException($"destination holds {destination.Length} floats; expected {ImageLength}", nameof(destination));
        var viewLength = frame.ViewIsSlice ? 0 : frame.ViewWidth * frame.ViewHeight;
        var contentLength = frame.FillsInput ? 0 : frame.ContentWidth * frame.ContentHeight;
        var needed = hounsfield.Length + viewLength + contentLength;
        if (scratch is null || scratch.Length < needed) scratch = new float[needed];
        var windowed = scratch.AsSpan(0, hounsfield.Length);
        var content = scratch.AsSpan(hounsfield.Length + viewLength, contentLength);
        Window(hounsfield, windowed);
        if (!frame.ViewIsSlice) windowed = View(windowed, frame, scratch.AsSpan(hounsfield.Length, viewLength));
        if (Channels == 1)
        {
            // With one channel NCHW and NHWC hold the same floats in the same order.
            Place(windowed, frame, content, destination);
            return;
        }
        var planeLength = InputHeight * InputWidth;
        if (Layout == TensorLayout.Nchw)
        {
            var first = destination[..planeLength];
            Place(windowed, frame, content, first);
            for (var c = 1; c < Channels; c++) first.CopyTo(destination.Slice(c * planeLength, planeLength));
            return;
        }
        // NHWC: resize into the tail of the destination, then spread each pixel over its channels front to back,
        // which never overwrites a pixel not yet read because the write index stays at or below the read index.
        var tail = destination[^planeLength..];
        Place(windowed, frame, content, tail);
        var offset = destination.Length - planeLength;
        for (int i = 0, o = 0; i < planeLength; i++)
        {
            var value = destination[offset + i];
            for (var c = 0; c < Channels; c++) destination[o++] = value;
        }
    }

    // The frame's view of the windowed slice, in whole slice pixels (so a border of air added or cut off beyond the view
    // changes nothing): the slice where they overlap, air elsewhere.
    private Span<float> View(ReadOnlySpan<float> windowed, SliceFrame frame, Span<float> view)
    {
        view.Fill(PadValue);
        var (left, right) = (Math.Max(frame.ViewLeft, 0), Math.Min(frame.ViewLeft + frame.ViewWidth, frame.SliceWidth));
        var (top, bottom) = (Math.Max(frame.ViewTop, 0), Math.Min(frame.ViewTop + frame.ViewHeight, frame.SliceHeight));
        for (var y = top; y < bottom && left < right; y++)
        {
            windowed.Slice(y * frame.SliceWidth + left, right - left)
                .CopyTo(view.Slice((y - frame.ViewTop) * frame.ViewWidth + left - frame.ViewLeft, right - left));
        }
        return view;
    }

    // One input plane: the windowed view resized into its frame, the rest air. A view that fills the input is resized
    // straight into the plane (the same numbers as before padding existed).
    private void Place(ReadOnlySpan<float> windowed, SliceFrame frame, Span<float> content, Span<float> plane)
    {
        if (frame.FillsInput)
        {
            BilinearResize.Resize(windowed, frame.ViewWidth, frame.ViewHeight, plane, InputWidth, InputHeight);
            return;
        }
        BilinearResize.Resize(windowed, frame.ViewWidth, frame.ViewHeight, content, frame.ContentWidth, frame.ContentHeight);
        plane.Fill(PadValue);
        for (var y = 0; y < frame.ContentHeight; y++)
        {
            content.Slice(y * frame.ContentWidth, frame.ContentWidth).CopyTo(plane.Slice((frame.Top + y) * InputWidth + frame.Left, frame.ContentWidth));
        }
    }

    /// <summary>
    /// Lung-windows HU into [0, 1] with <see cref="HounsfieldWindow.ToUnit(ReadOnlySpan{float}, Span{float})"/>:
    /// clip((HU - (level - width/2)) / width, 0, 1); NaN becomes 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the width is not positive (only for a record built by hand: <see cref="Resolve"/> checks it).</exception>
    public void Window(ReadOnlySpan<float> hounsfield, Span<float> destination) => new HounsfieldWindow(WindowWidth, WindowLevel).ToUnit(hounsfield, destination);

    private static void Mismatch(OnnxModelInfo model, string configured) =>
        throw new InvalidInputException(model.Path, $"the pipeline is configured for {configured} but the model expects input {model.InputDescription}", field: model.InputName);
}
