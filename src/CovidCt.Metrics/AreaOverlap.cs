namespace CovidCt.Metrics;

/// <summary>
/// The overlap of a predicted area with a true one, as pixel counts, and its Dice and IoU with the empty-mask conventions
/// stated: no truth and no prediction is a perfect 1 (nothing to find, nothing claimed); one empty and the other not is 0.
/// Sums of overlaps (<see cref="op_Addition"/>) pool areas, which is how a patient's slices make one patient-level overlap.
/// </summary>
/// <param name="Truth">Pixels in the true area.</param>
/// <param name="Predicted">Pixels in the predicted area.</param>
/// <param name="Intersection">Pixels in both.</param>
public readonly record struct AreaOverlap(long Truth, long Predicted, long Intersection)
{
    /// <summary>Dice = 2 |T ∩ P| / (|T| + |P|); 1 when both are empty, 0 when exactly one is.</summary>
    /// <exception cref="InvalidOperationException">When the counts are impossible (negative, or an intersection larger than either area).</exception>
    public double Dice => Checked().Truth + Predicted == 0 ? 1 : 2.0 * Intersection / (Truth + Predicted);

    /// <summary>IoU (Jaccard) = |T ∩ P| / |T ∪ P|; 1 when both are empty, 0 when exactly one is.</summary>
    /// <exception cref="InvalidOperationException">When the counts are impossible.</exception>
    public double Iou => Checked().Union == 0 ? 1 : (double)Intersection / Union;

    /// <summary>Pixels in either area.</summary>
    public long Union => Truth + Predicted - Intersection;

    /// <summary>Pools two overlaps (for example two slices of one patient).</summary>
    public static AreaOverlap operator +(AreaOverlap left, AreaOverlap right) =>
        new(left.Truth + right.Truth, left.Predicted + right.Predicted, left.Intersection + right.Intersection);

    private AreaOverlap Checked()
    {
        if (Truth < 0 || Predicted < 0 || Intersection < 0 || Intersection > Truth || Intersection > Predicted)
        {
            throw new InvalidOperationException($"impossible overlap: truth {Truth}, predicted {Predicted}, intersection {Intersection}; expected 0 <= intersection <= both areas");
        }
        return this;
    }
}
