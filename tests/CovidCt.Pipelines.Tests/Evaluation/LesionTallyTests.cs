using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.Evaluation;

/// <summary>
/// Lesion matching on a hand-drawn 8 x 6 slice. Lesion A: the 2 x 2 square at columns 1-2, rows 1-2. Lesion B: pixels (5, 3)
/// and (6, 4), touching only diagonally, so one 8-connected lesion. Boxes (left, top, right, bottom):
/// box 1 [1, 1, 3, 3] exactly covers A (centre (2, 2) on A), score 0.9;
/// box 2 [4, 2, 6, 3.6] overlaps B at (5, 3) but its centre (5, 2.8) falls on pixel (5, 2), outside B, score 0.7;
/// box 3 [6, 0, 8, 1] touches nothing, score 0.6. A second slice has no lesion and no box.
/// </summary>
public sealed class LesionTallyTests
{
    private const int Width = 8, Height = 6;

    private static (CohortPatient Patient, PatientOutcome Outcome) Drawn(string id = "P1", bool withMask = true)
    {
        var geometry = VolumeGeometry.Axial(Width, Height, 2, 1, 1);
        var labels = new byte[Width * Height * 2];
        foreach (var (x, y) in new[] { (1, 1), (2, 1), (1, 2), (2, 2), (5, 3), (6, 4) }) labels[y * Width + x] = 1;
        var mask = withMask ? new LesionMask(geometry, labels, "drawn") : null;
        var volume = new CtVolume(geometry, new float[labels.Length], "drawn");
        var entry = new CohortEntry(id, PatientLabel.Covid, "drawn", null, null);
        bool?[] truth = withMask ? [true, false] : [null, null];
        var patient = new CohortPatient(entry, volume, mask, truth);
        LesionBox Box(double l, double t, double r, double b, double p) => new(new ImageRectangle(l, t, r, b), (l + r) / 2, (t + b) / 2, 30, null, p, p, Quadrant.UpperLeft);
        var slices = new[]
        {
            new SliceResult(0, 0, null, new SliceDetection([Box(1, 1, 3, 3, 0.9), Box(4, 2, 6, 3.6, 0.7), Box(6, 0, 8, 1, 0.6)])),
            new SliceResult(1, 1, null, new SliceDetection([])),
        };
        var outcome = new PatientOutcome(new PatientResult(id, slices, new PatientDecision(false, 0, Quadrant.None, -1, -1, 1, 2)), true, truth);
        return (patient, outcome);
    }

    private static LesionEvaluation Evaluate(LesionHitCriterion criterion)
    {
        var tally = new LesionTally(criterion);
        var (patient, outcome) = Drawn();
        tally.Add(patient, outcome);
        return tally.Evaluate();
    }

    [Fact]
    public void Overlap_criterion_finds_both_lesions_and_one_false_positive()
    {
        var e = Evaluate(LesionHitCriterion.Overlap);
        Assert.Equal(2, e.Lesions.Count);
        Assert.Equal([4, 2], e.Lesions.Select(l => l.Pixels));
        Assert.Equal([0.9, 0.7], e.Lesions.Select(l => l.Score));
        Assert.Equal((2.0, 2.0, 1.0), (e.Sensitivity.Numerator, e.Sensitivity.Denominator, e.Sensitivity.Value!.Value));
        // One false positive (box 3) over two slices with a known truth.
        Assert.Equal(0.5, e.FalsePositivesPerImage.Value);
    }

    [Fact]
    public void Centre_criterion_misses_the_lesion_box_2_only_grazes()
    {
        var e = Evaluate(LesionHitCriterion.Centre);
        Assert.Equal([true, false], e.Lesions.Select(l => l.IsHit));
        Assert.Equal(1.0, e.FalsePositivesPerImage.Value);
    }

    [Fact]
    public void Dice_and_iou_follow_the_hand_count_with_the_empty_slice_counting_1()
    {
        var e = Evaluate(LesionHitCriterion.Overlap);
        // Slice 0: truth 6 px; boxes cover (pixel centres inside) 4 + 4 + 2 = 10 px; 4 (A) + 1 (B at (5, 3)) in both: Dice 10/16, IoU 5/11.
        var first = e.Slices[0].Overlap;
        Assert.Equal((6L, 10L, 5L), (first.Truth, first.Predicted, first.Intersection));
        Assert.Equal(0.625, first.Dice, 12);
        Assert.Equal(5.0 / 11, first.Iou, 12);
        // Slice 1: no truth, no box: 1. Mean per slice (0.625 + 1) / 2; the patient pools both slices: 0.625.
        Assert.Equal(1.0, e.Slices[1].Overlap.Dice);
        Assert.Equal(0.8125, e.MeanSliceDice!.Value, 12);
        Assert.Equal(0.625, e.Patients.Single().Overlap.Dice, 12);
    }

    [Fact]
    public void Froc_of_the_drawn_slice_matches_the_hand_count()
    {
        var froc = Evaluate(LesionHitCriterion.Overlap).Froc!;
        // Lesion scores 0.9 and 0.7, one false positive at 0.6, two images.
        Assert.Equal([0, 0.5, 1, 1], froc.Points.Select(p => p.Sensitivity));
        Assert.Equal([0, 0, 0, 0.5], froc.Points.Select(p => p.FalsePositivesPerImage));
        Assert.Equal(1.0, froc.SensitivityAt(0.5).Sensitivity);
    }

    [Fact]
    public void Slices_of_covid_patients_without_masks_are_counted_not_dropped()
    {
        var tally = new LesionTally();
        var (patient, outcome) = Drawn(withMask: false);
        tally.Add(patient, outcome);
        var e = tally.Evaluate();
        Assert.Equal(2, e.SlicesWithoutTruth);
        Assert.Empty(e.Slices);
        Assert.False(e.Sensitivity.IsDefined);
        Assert.Null(e.Froc);
    }

    [Fact]
    public void An_outcome_of_another_patient_is_refused()
    {
        var (patient, _) = Drawn("P1");
        var (_, other) = Drawn("P2");
        Assert.Throws<ArgumentException>(() => new LesionTally().Add(patient, other));
    }
}
