using CovidCt.Imaging;

namespace CovidCt.Data.Slices;

/// <summary>
/// The window one PNG/JPEG slice was exported with, read from its own gray histogram (<see cref="WindowFit"/>): for image-level
/// cohorts whose export window varies from slice to slice, where one folder window is only an approximation. A fit is
/// <see cref="IsPoor"/> when no window can be read from the slice, or when the window it gives still leaves a landmark
/// (air, fat, soft tissue) more than <see cref="WindowFit.ToleranceHounsfield"/> from its HU, reaches below
/// <see cref="LowestStoredHounsfield"/> (its "air" is not air) or cannot show air.
/// </summary>
/// <param name="Source">The slice file.</param>
/// <param name="Fit">Air, fat and soft tissue found in its histogram; null when it holds too few unclipped pixels.</param>
/// <param name="Window">The fitted window, or null when none can be read from the slice (<see cref="Problems"/> says why).</param>
/// <param name="Problems">Why the fit is poor; empty for a good fit.</param>
public sealed record SliceWindowFit(string Source, WindowFit? Fit, HounsfieldWindow? Window, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// The lowest HU a CT stores (12-bit signed data with the usual −1024 offset reaches −2048; only the padding outside the scan
    /// circle lies lower): a fitted window whose lower edge lies below it spends gray levels on nothing, which no export does.
    /// </summary>
    public const double LowestStoredHounsfield = -2048;

    /// <summary>True when the slice's window could not be read from it, or only approximately.</summary>
    public bool IsPoor => Problems.Count > 0;

    /// <summary>Fits the window of the slice file at <paramref name="path"/>, decoded within <paramref name="limits"/>.</summary>
    /// <exception cref="IO.InvalidInputException">When the slice cannot be decoded or exceeds the limits.</exception>
    public static SliceWindowFit Of(string path, InputLimits? limits = null)
    {
        var histogram = new long[256];
        SliceFolderReader.AddToHistogram(path, histogram, limits ?? InputLimits.Default);
        var fit = WindowFit.Of(histogram);
        if (fit is null) return new(path, null, null, ["too few pixels between black and white to find air and soft tissue"]);
        if (fit.BestWindow is not { } window)
        {
            return new(path, fit, null, [fit.SoftTissueClipped
                ? "soft tissue is clipped to white, so the slice shows only where the window's top lies above it"
                : "air and soft tissue lie too close in gray to read a window from them"]);
        }
        List<string> problems = [.. fit.ProblemsWith(window)];
        if (window.Lower < LowestStoredHounsfield)
        {
            problems.Add(FormattableString.Invariant($"the fitted window's lower edge, {window.Lower:0} HU, lies below the {LowestStoredHounsfield:0} HU CT stores, so its darkest mode (gray {fit.AirGray:0}) is probably not air (a crop without air outside the body)"));
        }
        if (window.Lower > BodyFrame.BodyHounsfield)
        {
            problems.Add(FormattableString.Invariant($"the fitted window's lower edge, {window.Lower:0} HU, lies above the {BodyFrame.BodyHounsfield:0} HU that tells air from body"));
        }
        return new(path, fit, window, problems);
    }
}
