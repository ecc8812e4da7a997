namespace CovidCt.Imaging;

/// <summary>
/// The image protocol of Chen et al. 2020, in one place: the lung window the slices were read in, the probability and size a
/// region needs to become a red box, and the rule that makes a patient positive. Every option default of the platform and
/// the simulator's guarantees refer to these constants, so changing "the study" means changing it here.
/// </summary>
public static class StudyProtocol
{
    /// <summary>Lung window width, HU.</summary>
    public const double WindowWidth = 1200;

    /// <summary>Lung window level (centre), HU.</summary>
    public const double WindowLevel = -700;

    /// <summary>A pixel is suspicious at or above this lesion probability.</summary>
    public const double ProbabilityThreshold = 0.5;

    /// <summary>A connected suspicious region becomes a box when it has more than this many pixels (of the model's output).</summary>
    public const int MinPixels = 25;

    /// <summary>A patient is positive with lesions on at least this many consecutive slices.</summary>
    public const int ConsecutiveSlices = 3;

    /// <summary>Whether the lesions of those consecutive slices must lie in the same quadrant.</summary>
    public const bool SameQuadrant = true;

    /// <summary>The lung window, W<see cref="WindowWidth"/>/L<see cref="WindowLevel"/>.</summary>
    public static HounsfieldWindow LungWindow { get; } = new(WindowWidth, WindowLevel);
}
