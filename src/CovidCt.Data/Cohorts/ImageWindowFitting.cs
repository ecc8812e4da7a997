using CovidCt.Data.IO;
using CovidCt.Data.Slices;

namespace CovidCt.Data.Cohorts;

/// <summary>
/// The one rule for a read window fitted per image, whoever reads the cohort (the command line's <c>--window fit-per-image</c>,
/// a manifest's <c>window</c> value <c>fit</c>, notebooks and cluster workers, which load manifests through
/// <see cref="CohortManifest.Load"/>):
/// <list type="bullet">
/// <item>only single slices (image-level cohorts) are fitted: a patient's slices were exported at one window, and slices read
/// at different HU scales would feed the consecutive-slice rule unlike slices (<c>covidct inspect</c> fits a whole folder);</item>
/// <item>a slice whose histogram gives no window at all is a problem naming the image and its row, never read at a stand-in
/// window: the remedy is to state its export window;</item>
/// <item>a fit that gives a window but a poor one (<see cref="SliceWindowFit.IsPoor"/>) is kept, and its problems go with it
/// (<see cref="FittedWindow.Fit"/>) for the caller to show before any number.</item>
/// </list>
/// </summary>
internal static class ImageWindowFitting
{
    /// <summary>Fits the window of <paramref name="entry"/>'s slice, decoding it within <paramref name="limits"/>; null, with a problem, when none can be read.</summary>
    public static FittedWindow? Fit(CohortEntry entry, string manifestPath, InputLimits limits, List<CohortProblem> problems)
    {
        SliceWindowFit fit;
        try
        {
            fit = SliceWindowFit.Of(entry.ImagesPath, limits);
        }
        catch (InvalidInputException e)
        {
            problems.Add(new CohortProblem(manifestPath, entry.Line, "image", e.Message));
            return null;
        }
        if (fit.Window is { } window) return new FittedWindow(entry, fit, window);
        problems.Add(new CohortProblem(manifestPath, entry.Line, "window",
            $"no window can be fitted to {entry.ImagesPath} ({string.Join("; ", fit.Problems)}); state the window it was exported with (WIDTH/LEVEL, e.g. 1500/-600) for this image instead of fitting it"));
        return null;
    }
}
