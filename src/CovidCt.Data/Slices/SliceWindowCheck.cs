using CovidCt.Imaging;

namespace CovidCt.Data.Slices;

/// <summary>
/// The plausibility check of the window of an 8-bit source: where the stated window puts air and soft tissue (see
/// <see cref="WindowFit"/>), from the gray histogram of up to <see cref="SampledSlices"/> slices spread over the source.
/// </summary>
public static class SliceWindowCheck
{
    /// <summary>How many slices, evenly spread, make the histogram (enough for stable modes, few enough to be quick).</summary>
    public const int SampledSlices = 12;

    /// <summary>Checks the PNG/JPEG folder or file at <paramref name="path"/> read with <paramref name="window"/>.</summary>
    /// <param name="path">A folder of slices or one slice file.</param>
    /// <param name="window">The window the slices are read with.</param>
    /// <param name="limits">The largest slice decoded for the check, as the reader will; null for <see cref="InputLimits.Default"/>.</param>
    /// <exception cref="IO.InvalidInputException">When the source holds no slices or a sampled slice cannot be decoded or exceeds the limits.</exception>
    public static SliceWindowReport Check(string path, HounsfieldWindow window, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        limits ??= InputLimits.Default;
        var files = File.Exists(path) ? [path] : SliceFolderReader.SliceFiles(path);
        var histogram = new long[256];
        var step = Math.Max(1, files.Count / (double)SampledSlices);
        for (var i = 0.0; i < files.Count; i += step) SliceFolderReader.AddToHistogram(files[(int)i], histogram, limits);
        var fit = WindowFit.Of(histogram);
        List<string> problems = [.. fit?.ProblemsWith(window) ?? []];
        if (ClipsAir(window)) problems.Add(ClippedAir(window));
        return new SliceWindowReport(path, window, fit, problems);
    }

    /// <summary>
    /// True when <paramref name="window"/> cannot show air: its lower edge lies above the HU that tells air from body, so
    /// black reads as tissue and the body frame and the lung fields find no edge (the slices are framed whole, silently).
    /// </summary>
    private static bool ClipsAir(HounsfieldWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Lower > BodyFrame.BodyHounsfield;
    }

    private static string ClippedAir(HounsfieldWindow window) =>
        FormattableString.Invariant($"its lower edge, {window.Lower:0} HU, lies above the {BodyFrame.BodyHounsfield:0} HU that tells air from body, so air reads as tissue and neither the body frame nor the lung fields can be found (export with a lung window such as W1500/L-600)");
}
