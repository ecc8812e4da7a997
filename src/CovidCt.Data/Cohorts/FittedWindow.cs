using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Cohorts;

/// <summary>
/// One image of an image-level cohort read at the window fitted from its own gray histogram (<see cref="SliceWindowFit"/>):
/// a manifest row whose <c>window</c> is <c>fit</c> (<see cref="CohortManifest.FitWindowValue"/>), or, after
/// <see cref="CohortManifest.WithWindowsFitted"/>, a row that states no window. The entry's <see cref="CohortEntry.Window"/>
/// is <see cref="Window"/>, so every reader of the cohort (and the probability cache's key) reads the image at it.
/// </summary>
public sealed class FittedWindow
{
    internal FittedWindow(CohortEntry entry, SliceWindowFit fit, HounsfieldWindow window)
    {
        ImageId = entry.PatientId;
        Image = entry.ImagesPath;
        Line = entry.Line;
        Fit = fit;
        Window = window;
    }

    /// <summary>The image's id (its entry's <see cref="CohortEntry.PatientId"/>).</summary>
    public string ImageId { get; }

    /// <summary>Absolute path of the image.</summary>
    public string Image { get; }

    /// <summary>The manifest line of the image's row, or null for a cohort made from folders.</summary>
    public int? Line { get; }

    /// <summary>What the image's histogram gave: its landmarks, and why the fit is poor (<see cref="SliceWindowFit.IsPoor"/>) when it is.</summary>
    public SliceWindowFit Fit { get; }

    /// <summary>The window the image is read at.</summary>
    public HounsfieldWindow Window { get; }
}
