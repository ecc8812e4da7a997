using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Pipelines.Tests.Sweeps;

public sealed class SweepGridTests
{
    [Fact]
    public void The_issue_range_reads_as_eleven_round_thresholds()
    {
        Assert.Equal([0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8], SweepGrid.Range(0.30, 0.80, 0.05));
        Assert.Equal([0.5], SweepGrid.Range(0.5, 0.5, 0.1));
        Assert.Throws<ArgumentException>(() => SweepGrid.Range(0.5, 0.4, 0.1));
        Assert.Throws<ArgumentException>(() => SweepGrid.Range(0.1, 0.4, 0));
    }

    [Fact]
    public void The_default_grid_holds_every_combination_once_and_the_study_setting()
    {
        var grid = SweepGrid.Default;
        Assert.Equal(11 * 6 * 5 * 2, grid.Count);
        // Slice pixels: the study's 25 bracketed by doubling steps (was 0, 10, 25, 50 when they were map pixels).
        Assert.Equal([0, 10, 25, 50, 100, 200], grid.MinPixels);
        Assert.Equal(grid.Count, grid.Settings.Distinct().Count());
        Assert.Contains(SweepSetting.Study, grid.Settings);
        Assert.Equal(new SweepSetting(0.3, 0, 1, true, QuadrantAssignment.Centroid), grid.Settings[0]);
        Assert.Equal(new SweepSetting(0.3, 0, 1, false, QuadrantAssignment.Centroid), grid.Settings[1]);
    }

    [Fact]
    public void Axes_are_sorted_and_bad_values_refused()
    {
        var grid = new SweepGrid([0.7, 0.3], [25, 0], [3, 1]);
        Assert.Equal([0.3, 0.7], grid.Thresholds);
        Assert.Equal([0, 25], grid.MinPixels);
        Assert.Throws<ArgumentException>(() => new SweepGrid([], [0], [1]));
        Assert.Throws<ArgumentException>(() => new SweepGrid([0], [0], [1]));
        Assert.Throws<ArgumentException>(() => new SweepGrid([0.5, 0.5], [0], [1]));
        Assert.Throws<ArgumentException>(() => new SweepGrid([0.5], [-1], [1]));
        Assert.Throws<ArgumentException>(() => new SweepGrid([0.5], [0], [0]));
    }

    [Fact]
    public void A_setting_applied_to_options_changes_only_what_the_sweep_varies()
    {
        var options = new PipelineOptions { LesionBoxes = { ImageScore = ImageScore.MaxBox }, PatientRule = { MaxGap = 2 }, Quadrants = { Centre = QuadrantCentre.Image } };
        var applied = new SweepSetting(0.4, 10, 2, false, QuadrantAssignment.Overlap).ApplyTo(options);
        Assert.Equal((0.4, 10, ImageScore.MaxBox), (applied.LesionBoxes.Threshold, applied.LesionBoxes.MinPixels, applied.LesionBoxes.ImageScore));
        Assert.Equal((2, 2, false), (applied.PatientRule.ConsecutiveSlices, applied.PatientRule.MaxGap, applied.PatientRule.SameQuadrant));
        Assert.Equal((QuadrantCentre.Image, QuadrantAssignment.Overlap), (applied.Quadrants.Centre, applied.Quadrants.Assignment));
        Assert.Equal((0.5, 25, 3, QuadrantAssignment.Centroid), (options.LesionBoxes.Threshold, options.LesionBoxes.MinPixels, options.PatientRule.ConsecutiveSlices, options.Quadrants.Assignment));
    }

    [Fact]
    public void A_setting_applied_to_options_gives_the_copy_its_own_valid_area()
    {
        var options = new PipelineOptions { ValidArea = { Region = ValidAreaRegion.Mask, ClosingRadius = 3 } };
        var applied = SweepSetting.Study.ApplyTo(options);
        Assert.Equal((ValidAreaRegion.Mask, 3), (applied.ValidArea.Region, applied.ValidArea.ClosingRadius));
        applied.ValidArea.Region = ValidAreaRegion.WholeImage;
        applied.ValidArea.SegmentationModelPath = "lungs.onnx";
        Assert.Equal((ValidAreaRegion.Mask, (string?)null), (options.ValidArea.Region, options.ValidArea.SegmentationModelPath));
    }

    [Fact]
    public void A_minimum_area_in_square_millimetres_is_refused_rather_than_swept_in_pixels()
    {
        var options = new PipelineOptions { LesionBoxes = { MinAreaSquareMillimetres = 4 } };
        var applied = Assert.Throws<ArgumentException>(() => SweepSetting.Study.ApplyTo(options));
        Assert.Contains("minimum area of 4 mm²", applied.Message);
        var swept = Assert.Throws<ArgumentException>(() => new PostProcessingSweep(new SweepGrid([0.5], [25], [3]), options));
        Assert.Contains("lesion_boxes.min_area_square_millimetres", swept.Message);
    }

    [Fact]
    public void Distance_from_the_study_counts_differing_parameters_first()
    {
        Assert.Equal((0, 0.0, 0, 0), SweepSetting.Study.DistanceFromStudy());
        Assert.True(SweepSetting.Study.IsStudyDefault);
        var oneOff = SweepSetting.Study with { Threshold = 0.8 };
        var twoOff = SweepSetting.Study with { Threshold = 0.55, MinPixels = 24 };
        Assert.True(oneOff.DistanceFromStudy().CompareTo(twoOff.DistanceFromStudy()) < 0);
    }
}
