using CovidCt.Data.IO;
using CovidCt.Pipelines.Models;

namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// The preprocessing a model expects, fully resolved: per pixel at the original resolution
/// v = clip((HU - (level - width/2)) / width, 0, 1), then a bilinear resize with half-pixel centres
/// (PyTorch <c>interpolate(mode="bilinear", align_corners=False, antialias=False)</c>) that keeps the aspect ratio
/// (<see cref="SliceFrame"/>: a slice of another shape than the input is centred and padded with <see cref="PadValue"/>,
/// air after the window), then the model's layout and channel count.
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

    /// <summary>Where a <paramref name="width"/> x <paramref name="height"/> slice lies in the model input.</summary>
    internal SliceFrame FrameOf(int width, int height) => SliceFrame.Of(width, height, InputWidth, InputHeight);

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
        return new ImagePreprocessing(windowWidth, windowLevel, model.InputHeight, model.InputWidth, model.Layout, model.Channels);
    }

    /// <summary>
    /// Writes the model input for one slice of HU values (<paramref name="width"/> x <paramref name="height"/>, row-major)
    /// into <paramref name="destination"/> (length <see cref="ImageLength"/>), reusing <paramref name="scratch"/> when it is large enough.
    /// </summary>
    /// <remarks>NaN HU (missing pixels) window to 0, like air.</remarks>
    public void Apply(ReadOnlySpan<float> hounsfield, int width, int height, Span<float> destination, ref float[]? scratch)
    {
        if (hounsfield.Length != width * height) throw new ArgumentException($"{hounsfield.Length} pixels do not fill {width}x{height}", nameof(hounsfield));
        if (destination.Length != ImageLength) throw new ArgumentException($"destination holds {destination.Length} floats; expected {ImageLength}", nameof(destination));
        var frame = FrameOf(width, height);
        var contentLength = frame.FillsInput ? 0 : frame.ContentWidth * frame.ContentHeight;
        if (scratch is null || scratch.Length < hounsfield.Length + contentLength) scratch = new float[hounsfield.Length + contentLength];
        var windowed = scratch.AsSpan(0, hounsfield.Length);
        var content = scratch.AsSpan(hounsfield.Length, contentLength);
        Window(hounsfield, windowed);
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

    // One input plane: the windowed slice resized into its frame, the rest air. A slice that fills the input is resized
    // straight into the plane (the same numbers as before padding existed).
    private void Place(ReadOnlySpan<float> windowed, SliceFrame frame, Span<float> content, Span<float> plane)
    {
        if (frame.FillsInput)
        {
            BilinearResize.Resize(windowed, frame.SliceWidth, frame.SliceHeight, plane, InputWidth, InputHeight);
            return;
        }
        BilinearResize.Resize(windowed, frame.SliceWidth, frame.SliceHeight, content, frame.ContentWidth, frame.ContentHeight);
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
