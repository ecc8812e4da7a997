using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class LungSegmentationTests
{
    [Fact]
    public void Thresholded_lungs_agree_with_the_phantom_lungs()
    {
        var scan = SynthesisFixture.Scan;
        var segmented = LungSegmentation.Segment(scan.Acquire((float[])scan.Clean.Clone()));
        long both = 0, truth = 0, found = 0;
        for (var i = 0; i < segmented.Length; i++)
        {
            var t = scan.LungCoverage[i] >= 128;
            var s = segmented[i] != 0;
            if (t) truth++;
            if (s) found++;
            if (t && s) both++;
        }
        var dice = 2.0 * both / (truth + found);
        Assert.True(dice > 0.9, $"Dice {dice:F3}");
    }

    [Fact]
    public void Padding_and_outside_air_are_never_lung()
    {
        var scan = SynthesisFixture.Scan;
        var segmented = LungSegmentation.Segment(scan.Acquire((float[])scan.Clean.Clone()));
        var g = scan.Geometry;
        for (var z = 0; z < g.Depth; z++)
        {
            Assert.Equal(0, segmented[z * g.SliceLength]);
            Assert.Equal(0, segmented[z * g.SliceLength + 2 * g.Width + 64]);
        }
    }

    [Fact]
    public void A_volume_without_air_has_no_lung()
    {
        var g = VolumeGeometry.Axial(40, 40, 3, 1, 1);
        var volume = new CtVolume(g, Enumerable.Repeat(40f, (int)g.VoxelCount).ToArray(), "soft tissue block");
        Assert.All(LungSegmentation.Segment(volume), v => Assert.Equal(0, v));
        Assert.Throws<InvalidOperationException>(() => PatientSimulator.InsertInto(volume, CovidCt.Data.Cohorts.PatientLabel.Covid, 1));
    }
}
