using CovidCt.Data;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Testing.Oracles;

namespace CovidCt.Pipelines.Tests.PostProcessing;

public sealed class LungSegmenterRealDataTests
{
    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001")]
    [InlineData("LIDC-IDRI-0003")]
    public void Mid_chest_slices_of_real_ct_with_padding_get_two_plausible_lung_fields(string patient)
    {
        var volume = CtReader.Read(SharedData.LidcPatient(patient));
        var g = volume.Geometry;
        Assert.Contains(volume.Slice(g.Depth / 2).ToArray(), v => v <= -2000); // the -2048 padding outside the scan circle is there
        var segmenter = new LungSegmenter();
        // The middle third of the scan lies within the lungs for both series.
        for (var z = g.Depth / 3; z < 2 * g.Depth / 3; z += 5)
        {
            var area = segmenter.Segment(volume.Slice(z), g.Width, g.Height, new ValidAreaOptions());
            var bounds = Assert.NotNull(area.Bounds);
            var fraction = (double)area.PixelCount / (g.Width * g.Height);
            Assert.InRange(fraction, 0.03, 0.45);
            // Lung fields span both sides of the body's midline and stay inside the field of view.
            Assert.InRange(bounds.Width, g.Width * 0.4, g.Width * 0.95);
            Assert.True(bounds.Left > 10 && bounds.Right < g.Width - 10 && bounds.Top > 10 && bounds.Bottom < g.Height - 10, $"slice {z}: {bounds}");
            Assert.InRange(bounds.CentreX, g.Width * 0.35, g.Width * 0.65);
            Assert.Equal(0, area.Mask[0]);
        }
    }

    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001")]
    [InlineData("LIDC-IDRI-0003")]
    public void Real_ct_slices_give_exactly_the_pixel_by_pixel_reference(string patient)
    {
        var volume = CtReader.Read(SharedData.LidcPatient(patient));
        var g = volume.Geometry;
        var options = new ValidAreaOptions();
        var segmenter = new LungSegmenter();
        // Apex, middle and base: every 12th slice, from the first.
        for (var z = 0; z < g.Depth; z += 12)
        {
            var hu = volume.Slice(z).ToArray();
            var minimum = Math.Max(1, (int)(options.MinLungFraction * g.Width * g.Height));
            // The reference keeps enclosed air only: on uncropped slices the default's border lungs must change nothing.
            var expected = ReferenceSegmentation.Lungs(hu, g.Width, g.Height, (float)options.AirThresholdHu, options.LungComponents, minimum, options.ClosingRadius);
            var area = segmenter.Segment(hu, g.Width, g.Height, options);
            Assert.Equal(new ValidArea(g.Width, g.Height, expected).Bounds, area.Bounds);
            Assert.True(expected.AsSpan().SequenceEqual(area.Mask), $"{patient} slice {z}");
        }
    }
}
