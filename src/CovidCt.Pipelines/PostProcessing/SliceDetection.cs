namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The image-level result for one slice.</summary>
public sealed class SliceDetection
{
    /// <summary>Creates the result from its boxes; the decision and scores follow from them.</summary>
    public SliceDetection(IReadOnlyList<LesionBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        Boxes = boxes;
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
