namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The image-level result for one slice.</summary>
public sealed class SliceDetection
{
    /// <summary>Creates the result from its boxes; the decision and scores follow from them. No lesion area was removed by the valid area.</summary>
    public SliceDetection(IReadOnlyList<LesionBox> boxes)
        : this(boxes, 0)
    {
    }

    /// <summary>
    /// Creates the result from its boxes and the predicted lesion area the valid area removed (original pixels). Known only by its
    /// boxes, the slice is scored by them (<see cref="PostProcessing.ImageScore.MaxBox"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the removed area is negative or not finite.</exception>
    public SliceDetection(IReadOnlyList<LesionBox> boxes, double removedLesionPixels)
        : this(boxes, removedLesionPixels, null, ImageScore.MaxBox)
    {
    }

    /// <summary>
    /// Creates the result from its boxes, the predicted lesion area the valid area removed (original pixels), the highest
    /// probability inside the valid area (null when unknown) and the score that ranks the slice in the per-image ROC.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the removed area is negative or not finite, or the highest probability is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">When the score is <see cref="PostProcessing.ImageScore.MaxPixel"/> without a highest probability.</exception>
    public SliceDetection(IReadOnlyList<LesionBox> boxes, double removedLesionPixels, double? maxPixelProbability, ImageScore imageScore)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        if (!(removedLesionPixels >= 0 && double.IsFinite(removedLesionPixels))) throw new ArgumentOutOfRangeException(nameof(removedLesionPixels), removedLesionPixels, "expected 0 or more pixels");
        if (maxPixelProbability is { } p && !(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(maxPixelProbability), p, "expected a probability in [0, 1]");
        if (!Enum.IsDefined(imageScore)) throw new ArgumentOutOfRangeException(nameof(imageScore), imageScore, "expected MaxPixel or MaxBox");
        if (imageScore == ImageScore.MaxPixel && maxPixelProbability is null)
        {
            throw new ArgumentException("the image score is the highest pixel probability, but it is not known", nameof(maxPixelProbability));
        }
        Boxes = boxes;
        RemovedLesionPixels = removedLesionPixels;
        MaxPixelProbability = maxPixelProbability;
        ImageScore = imageScore;
        var scores = new double[4];
        foreach (var box in boxes)
        {
            Quadrants |= box.Quadrants;
            BoxScore = Math.Max(BoxScore, box.MaxProbability);
            for (var q = 0; q < 4; q++)
            {
                if ((box.Quadrants & (Quadrant)(1 << q)) != 0) scores[q] = Math.Max(scores[q], box.MaxProbability);
            }
        }
        QuadrantScores = scores;
    }

    /// <summary>
    /// Predicted lesion area the valid-area step removed: map pixels at or above the lesion threshold whose centre lies outside
    /// the valid area, in pixels of the original slice (each map pixel counts as the slice area it covers). 0 without the step.
    /// </summary>
    public double RemovedLesionPixels { get; }

    /// <summary>The surviving boxes.</summary>
    public IReadOnlyList<LesionBox> Boxes { get; }

    /// <summary>Positive when any box survives (the study's image decision).</summary>
    public bool IsPositive => Boxes.Count > 0;

    /// <summary>The highest box probability, 0 when there is no box (what the patient rule reads).</summary>
    public double BoxScore { get; }

    /// <summary>The highest probability inside the valid area at the slice's resolution (0 when the area is empty), or null when unknown.</summary>
    public double? MaxPixelProbability { get; }

    /// <summary>Which score <see cref="Score"/> is.</summary>
    public ImageScore ImageScore { get; }

    /// <summary>Image score for ROC: <see cref="MaxPixelProbability"/> or <see cref="BoxScore"/>, as <see cref="ImageScore"/> says.</summary>
    public double Score => ImageScore == ImageScore.MaxPixel ? MaxPixelProbability!.Value : BoxScore;

    /// <summary>Quadrants holding at least one box.</summary>
    public Quadrant Quadrants { get; }

    /// <summary>Highest box probability per quadrant, indexed UpperLeft, UpperRight, LowerLeft, LowerRight; 0 where none.</summary>
    public IReadOnlyList<double> QuadrantScores { get; }
}
