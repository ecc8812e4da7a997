using CovidCt.Data;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Evaluation;

/// <summary>Issue #14, image score: ranking slices by their box probability saturates at 1.0; the highest pixel probability does not.</summary>
public sealed class ImageScoreTests
{
    private const int Size = 32;

    // One 32 x 32 slice holding a 6 x 6 block of probability p (a box at or above 0.5, none below).
    private static ProbabilityMap Block(float p)
    {
        var values = new float[Size * Size];
        for (var y = 10; y < 16; y++) for (var x = 10; x < 16; x++) values[y * Size + x] = p;
        return new ProbabilityMap(Size, Size, values);
    }

    // Lesion slices: 4 found (box at 1.0), 4 missed (0.45, just under the threshold). Normal slices: 1 false box at 1.0, 4 at 0.1.
    private static PipelineEvaluation Evaluate(ImageScore score)
    {
        float[] probabilities = [1, 1, 1, 1, 0.45f, 0.45f, 0.45f, 0.45f, 1, 0.1f, 0.1f, 0.1f, 0.1f];
        var truth = probabilities.Select((_, i) => (bool?)(i < 8)).ToArray();
        var maps = probabilities.Select(Block).ToArray();
        var geometry = VolumeGeometry.Axial(Size, Size, maps.Length, 0.7, 2.5);
        var areas = maps.Select(_ => ValidArea.WholeImage(Size, Size)).ToArray();
        var options = new PipelineOptions { ValidArea = { Region = ValidAreaRegion.WholeImage }, LesionBoxes = { ImageScore = score } };
        var result = DetectionPipeline.Detect(new SliceDetector(), options, "P", "synthetic", geometry, maps, areas);
        return PipelineEvaluation.Compute([new PatientOutcome(result, true, truth)]);
    }

    [Fact]
    public void The_highest_pixel_probability_ranks_missed_lesions_above_normal_slices_where_box_scores_tie_at_zero()
    {
        var byPixel = Evaluate(ImageScore.MaxPixel);
        var byBox = Evaluate(ImageScore.MaxBox);
        // Same decisions: the image decision is "a box survives" whatever ranks the ROC.
        Assert.Equal(byBox.ImageCounts, byPixel.ImageCounts);
        Assert.Equal(ImageScore.MaxPixel, byPixel.ImageScore);
        Assert.Equal(ImageScore.MaxBox, byBox.ImageScore);
        // 40 lesion x normal pairs. Box: 16 wins, 4 ties at 1.0 and 16 ties at 0 -> 26/40. Pixel: the 16 ties at 0 become wins -> 34/40.
        Assert.Equal(26.0 / 40, byBox.ImageRoc!.Auc.Value!.Value, 9);
        Assert.Equal(34.0 / 40, byPixel.ImageRoc!.Auc.Value!.Value, 9);
    }

    [Fact]
    public void The_study_default_image_score_is_the_highest_pixel_probability()
    {
        Assert.Equal(ImageScore.MaxPixel, new LesionBoxOptions().ImageScore);
        Assert.Throws<ArgumentException>(() => new LesionBoxOptions { ImageScore = (ImageScore)7 }.Validate());
        Assert.Throws<ArgumentException>(() => new SliceDetection([], 0, null, ImageScore.MaxPixel));
    }
}
