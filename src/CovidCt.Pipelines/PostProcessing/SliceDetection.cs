namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The image-level result for one slice.</summary>
public sealed class SliceDetection
{
    /// <summary>Creates the result from its boxes; the decision and scores follow from them. No lesion area was removed by the valid area.</summary>
    public SliceDetection(IReadOnlyList<LesionBox> boxes)
        : this(boxes, 0)
    {
    }

    /// <summary>Creates the result from its boxes and the predicted lesion area the valid area removed (original pixels).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the removed area is negative or not finite.</exception>
    public SliceDetection(IReadOnlyList<LesionBox> boxes, double removedLesionPixels)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        if (!(removedLesionPixels >= 0 && double.IsFinite(removedLesionPixels))) throw new ArgumentOutOfRangeException(nameof(removedLesionPixels), removedLesionPixels, "expected 0 or more pixels");
        Boxes = boxes;
        RemovedLesionPixels = removedLesionPixels;
        var scores = new double[4];
        foreach (var box in boxes)
        {
            Quadrants |= box.Quadrants;
            Score = Math.Max(Score, box.MaxProbability);
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

    /// <summary>Image score for ROC: the highest box probability, 0 when there is no box.</summary>
    public double Score { get; }

    /// <summary>Quadrants holding at least one box.</summary>
    public Quadrant Quadrants { get; }

    /// <summary>Highest box probability per quadrant, indexed UpperLeft, UpperRight, LowerLeft, LowerRight; 0 where none.</summary>
    public IReadOnlyList<double> QuadrantScores { get; }
}
