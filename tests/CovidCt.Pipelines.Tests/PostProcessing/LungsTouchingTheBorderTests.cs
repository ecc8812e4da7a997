using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Tests.PostProcessing;

/// <summary>
/// The hard cases of the valid area on a drawn chest (body, two lungs, mediastinum between them): a crop through the lungs, the
/// patient table, no air outside the body, consolidation against the pleura. Lesion area outside the valid area is what the
/// step would take away from a correct detection.
/// </summary>
public sealed class LungsTouchingTheBorderTests
{
    private const float Air = -1000, Lung = -850, Tissue = 40, Consolidation = 20, Padding = -2048;

    [Fact]
    public void Lungs_cut_by_a_crop_on_any_side_are_kept_and_removed_only_when_asked()
    {
        var chest = Chest.Draw(200, 160);
        foreach (var (crop, name) in new[] { (new Crop(0, 40, 200, 150), "top"), (new Crop(45, 0, 155, 160), "left and right"), (new Crop(0, 0, 200, 110), "bottom") })
        {
            var (hu, width, height) = chest.Cut(crop);
            var area = new LungSegmenter().Segment(hu, width, height, new ValidAreaOptions());
            Assert.True(Covered(area, chest.Lungs(crop), ValidAreaRegion.Rectangle) >= 0.999, name);
            Assert.True(Covered(area, chest.Lungs(crop), ValidAreaRegion.Mask) >= 0.99, name);
            var enclosedOnly = new LungSegmenter().Segment(hu, width, height, new ValidAreaOptions { BorderLungInsideBody = 0 });
            Assert.True(Covered(enclosedOnly, chest.Lungs(crop), ValidAreaRegion.Rectangle) < 0.9, name);
        }
    }

    [Fact]
    public void A_slice_turned_by_a_quarter_keeps_its_lungs()
    {
        var chest = Chest.Draw(200, 160);
        var (hu, width, height) = chest.Cut(new Crop(0, 40, 200, 150));
        var turned = new float[hu.Length];
        for (var y = 0; y < height; y++) for (var x = 0; x < width; x++) turned[x * height + (height - 1 - y)] = hu[y * width + x];
        var area = new LungSegmenter().Segment(turned, height, width, new ValidAreaOptions());
        var lungs = chest.Lungs(new Crop(0, 40, 200, 150));
        var turnedLungs = new bool[lungs.Length];
        for (var y = 0; y < height; y++) for (var x = 0; x < width; x++) turnedLungs[x * height + (height - 1 - y)] = lungs[y * width + x];
        Assert.True(Covered(area, turnedLungs, ValidAreaRegion.Rectangle) >= 0.999);
    }

    [Fact]
    public void The_table_and_the_air_round_the_body_stay_outside_the_valid_area()
    {
        var chest = Chest.Draw(200, 160, table: true, outside: Padding);
        var whole = new Crop(0, 0, 200, 160);
        var (hu, width, height) = chest.Cut(whole);
        var area = new LungSegmenter().Segment(hu, width, height, new ValidAreaOptions());
        var bounds = Assert.NotNull(area.Bounds);
        Assert.True(Covered(area, chest.Lungs(whole), ValidAreaRegion.Mask) >= 0.99);
        Assert.True(bounds.Bottom <= Chest.TableTop - 4, $"{bounds}"); // the gap above the table is not lung
        Assert.Equal(0, area.Mask[0]);
        Assert.Equal(0, area.Mask[(height - 1) * width + width / 2]);
    }

    [Fact]
    public void A_body_filling_the_slice_with_no_air_outside_it_keeps_both_lungs()
    {
        var chest = Chest.Draw(200, 160, outside: Tissue);
        var crop = new Crop(20, 20, 180, 140);
        var (hu, width, height) = chest.Cut(crop);
        var area = new LungSegmenter().Segment(hu, width, height, new ValidAreaOptions());
        Assert.True(Covered(area, chest.Lungs(crop), ValidAreaRegion.Mask) >= 0.99);
    }

    [Fact]
    public void Consolidation_against_the_pleura_of_a_cropped_lung_stays_in_the_rectangle()
    {
        // Dense consolidation fills the lower part of the right lung down to the pleura, on a slice cropped through both lungs.
        var chest = Chest.Draw(200, 160, consolidation: true);
        var crop = new Crop(0, 40, 200, 150);
        var (hu, width, height) = chest.Cut(crop);
        var area = new LungSegmenter().Segment(hu, width, height, new ValidAreaOptions());
        Assert.True(Covered(area, chest.Lesion(crop), ValidAreaRegion.Rectangle) >= 0.95);
    }

    private static double Covered(ValidArea area, bool[] truth, ValidAreaRegion region)
    {
        long all = 0, inside = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (!truth[i]) continue;
            all++;
            if (area.Includes(region, i % area.Width + 0.5, i / area.Width + 0.5)) inside++;
        }
        return (double)inside / all;
    }

    private readonly record struct Crop(int Left, int Top, int Right, int Bottom);

    private sealed class Chest
    {
        public const int TableTop = 146;
        private readonly float[] _hu;
        private readonly bool[] _lungs;
        private readonly bool[] _lesion;
        private readonly int _width;

        private Chest(float[] hu, bool[] lungs, bool[] lesion, int width) => (_hu, _lungs, _lesion, _width) = (hu, lungs, lesion, width);

        // A body ellipse centred in the slice, two lung ellipses beside the midline, a table under the body on request.
        public static Chest Draw(int width, int height, bool table = false, float outside = Air, bool consolidation = false)
        {
            var hu = new float[width * height];
            var lungs = new bool[hu.Length];
            var lesion = new bool[hu.Length];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var i = y * width + x;
                    hu[i] = Inside(x, y, 100, 80, 92, 62) ? Tissue : outside;
                    if (table && y >= TableTop && y < TableTop + 6 && x >= 10 && x < 190) hu[i] = 200;
                    if (Inside(x, y, 55, 80, 35, 50) || Inside(x, y, 145, 80, 35, 50))
                    {
                        lungs[i] = true;
                        hu[i] = Lung;
                        // Consolidation against the pleura: the lower quarter of the right lung, down to its edge.
                        if (consolidation && x > 100 && y > 105)
                        {
                            hu[i] = Consolidation;
                            lesion[i] = true;
                        }
                    }
                }
            }
            return new Chest(hu, lungs, lesion, width);
        }

        public (float[] Hu, int Width, int Height) Cut(Crop crop) => (Take(_hu, crop), crop.Right - crop.Left, crop.Bottom - crop.Top);

        public bool[] Lungs(Crop crop) => Take(_lungs, crop);

        public bool[] Lesion(Crop crop) => Take(_lesion, crop);

        private T[] Take<T>(T[] image, Crop crop)
        {
            var width = crop.Right - crop.Left;
            var cut = new T[width * (crop.Bottom - crop.Top)];
            for (var y = crop.Top; y < crop.Bottom; y++) image.AsSpan(y * _width + crop.Left, width).CopyTo(cut.AsSpan((y - crop.Top) * width));
            return cut;
        }

        private static bool Inside(int x, int y, double cx, double cy, double rx, double ry) =>
            Math.Pow((x + 0.5 - cx) / rx, 2) + Math.Pow((y + 0.5 - cy) / ry, 2) <= 1;
    }
}
