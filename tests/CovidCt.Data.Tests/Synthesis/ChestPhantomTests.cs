using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class ChestPhantomTests
{
    [Fact]
    public void Same_seed_renders_identical_voxels_and_another_seed_differs()
    {
        var again = ChestPhantom.Render(SynthesisFixture.Options(11));
        Assert.Equal(SynthesisFixture.Scan.Clean, again.Clean);
        Assert.Equal(SynthesisFixture.Scan.LungCoverage, again.LungCoverage);
        Assert.NotEqual(SynthesisFixture.Scan.Clean, ChestPhantom.Render(SynthesisFixture.Options(13)).Clean);
    }

    [Fact]
    public void Geometry_follows_the_drawn_spacing_and_thickness_ranges()
    {
        var g = SynthesisFixture.Scan.Geometry;
        Assert.Equal((128, 128, 24), (g.Width, g.Height, g.Depth));
        // 0.6..0.9 mm at 512 columns, scaled to 128.
        Assert.InRange(g.ColumnSpacing, 0.6 * 4, 0.9 * 4);
        Assert.InRange(g.SliceThickness, 2.5, 5.0);
        for (var z = 1; z < g.Depth; z++) Assert.Equal(g.SliceThickness, g.SlicePositions[z] - g.SlicePositions[z - 1], 9);
    }

    [Fact]
    public void Lung_parenchyma_lies_between_minus_900_and_minus_700_HU()
    {
        var scan = SynthesisFixture.Scan;
        var lung = Enumerable.Range(0, scan.Clean.Length).Where(i => scan.LungCoverage[i] == 255).Select(i => scan.Clean[i]).Order().ToArray();
        Assert.True(lung.Length > 5000, $"only {lung.Length} lung voxels");
        Assert.InRange(lung[lung.Length / 2], -900f, -700f);
        // Vessels inside the lung: a visible minority of voxels near blood density.
        var vessels = lung.Count(v => v > -300);
        Assert.InRange(vessels / (double)lung.Length, 0.005, 0.25);
    }

    [Fact]
    public void Body_holds_fat_muscle_blood_and_bone_at_their_densities()
    {
        var clean = SynthesisFixture.Scan.Clean;
        long Count(float low, float high) => clean.LongCount(v => v >= low && v <= high);
        Assert.True(Count(-110, -80) > 2000, "fat near -100 HU");
        Assert.True(Count(35, 60) > 2000, "muscle and blood near +40..+50 HU");
        Assert.True(Count(600, 720) > 50, "cortical bone near +700 HU");
        Assert.True(clean.Max() <= 720, $"nothing denser than cortex, found {clean.Max()}");
    }

    [Fact]
    public void Outside_the_scan_circle_is_padding_and_air_around_the_body_is_minus_1000()
    {
        var scan = SynthesisFixture.Scan;
        var volume = scan.Acquire((float[])scan.Clean.Clone());
        Assert.Equal(ChestPhantom.PaddingHu, volume.Hounsfield[0]);
        // The top row's centre lies in the scan circle, in front of the body.
        var air = Enumerable.Range(0, volume.Geometry.Depth).Select(z => volume.Hounsfield[z * volume.Geometry.SliceLength + 2 * volume.Geometry.Width + 64]).ToArray();
        Assert.InRange(air.Average(), -1010.0, -975.0);
    }

    [Fact]
    public void Acquired_noise_has_the_stated_standard_deviation_and_is_whole_HU()
    {
        var scan = SynthesisFixture.Scan;
        var volume = scan.Acquire((float[])scan.Clean.Clone());
        var lung = Enumerable.Range(0, scan.Clean.Length).Where(i => scan.LungCoverage[i] == 255).ToArray();
        var differences = lung.Select(i => (double)volume.Hounsfield[i] - scan.Clean[i]).ToArray();
        var mean = differences.Average();
        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / differences.Length);
        Assert.InRange(mean, -1.0, 1.0);
        Assert.InRange(sd, 0.85 * scan.Noise.SigmaHu, 1.15 * scan.Noise.SigmaHu);
        Assert.All(volume.Hounsfield.Take(5000), v => Assert.Equal(MathF.Round(v), v));
    }

    [Fact]
    public void Options_outside_what_makes_a_chest_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChestPhantom.Render(new PhantomOptions(1, 16, 16, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChestPhantom.Render(new PhantomOptions(1, 64, 64, 4, 5, 2)));
    }
}
