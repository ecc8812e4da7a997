namespace CovidCt.Pipelines.PostProcessing;

/// <summary>What makes a suspicious region, as in the study: probability at or above a threshold, 8-connected, larger than a minimum size.</summary>
public sealed class LesionBoxOptions
{
    /// <summary>The study's probability threshold (<see cref="StudyProtocol.ProbabilityThreshold"/>).</summary>
    public const double StudyThreshold = StudyProtocol.ProbabilityThreshold;

    /// <summary>The study's minimum size: components must have more than this many pixels (<see cref="StudyProtocol.MinPixels"/>).</summary>
    public const int StudyMinPixels = StudyProtocol.MinPixels;

    /// <summary>A pixel is lesion when its probability is at least this (default 0.50).</summary>
    public double Threshold { get; set; } = StudyThreshold;

    /// <summary>
    /// A component is kept when it has MORE than this many pixels, counted at the slice's own resolution as the study counted on
    /// its 512x512 slices (default 25: 25 dropped, 26 kept).
    /// </summary>
    public int MinPixels { get; set; } = StudyMinPixels;

    /// <summary>When set, replaces <see cref="MinPixels"/>: a component is kept when its area in mm² (slice pixels x their size in mm²) is MORE than this. Needs the pixel spacing.</summary>
    public double? MinAreaSquareMillimetres { get; set; }

    /// <summary>What ranks the slices in the per-image ROC: the highest pixel probability inside the valid area (default) or the highest box probability.</summary>
    public ImageScore ImageScore { get; set; } = ImageScore.MaxPixel;

    /// <summary>Checks the options once, when a pipeline is built (the detector trusts them on every slice).</summary>
    /// <exception cref="ArgumentException">When the threshold is outside (0, 1], the minimum pixels negative, the minimum area not a positive finite number, or the image score unknown.</exception>
    public void Validate()
    {
        if (!(Threshold > 0 && Threshold <= 1)) throw new ArgumentException($"the lesion threshold is {Threshold}; expected a probability in (0, 1]", nameof(Threshold));
        if (MinPixels < 0) throw new ArgumentException($"the minimum pixels is {MinPixels}; expected 0 or more", nameof(MinPixels));
        if (MinAreaSquareMillimetres is { } area && !(area >= 0 && double.IsFinite(area)))
        {
            throw new ArgumentException($"the minimum area is {area} mm²; expected a finite number of mm², 0 or more", nameof(MinAreaSquareMillimetres));
        }
        if (!Enum.IsDefined(ImageScore)) throw new ArgumentException($"the image score is {ImageScore}; expected MaxPixel or MaxBox", nameof(ImageScore));
    }

    /// <summary>A shallow copy, for changing some options without changing these (<see cref="Sweeps.SweepSetting.ApplyTo"/>): a property added later is copied too.</summary>
    internal LesionBoxOptions Copy() => (LesionBoxOptions)MemberwiseClone();
}
