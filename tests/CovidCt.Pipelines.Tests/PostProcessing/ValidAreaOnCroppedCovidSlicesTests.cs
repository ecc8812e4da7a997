using CovidCt.Data;
using CovidCt.Imaging;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Testing;

namespace CovidCt.Pipelines.Tests.PostProcessing;

/// <summary>
/// The valid area on real, tightly cropped COVID-19 slices (covid-semiseg-doctor50: 50 JPEG slices with doctors' infection
/// masks): with the step on, at most 5 % of the true lesion area may fall outside it, or correct detections would be thrown away.
/// </summary>
public sealed class ValidAreaOnCroppedCovidSlicesTests
{
    // The window that fits the folder's gray levels as a whole (lungs about gray 44, soft tissue about gray 210; docs/data.md).
    private static readonly HounsfieldWindow FolderWindow = new(1290, -560);

    [SkippableFact]
    public void The_study_rectangle_keeps_at_least_95_percent_of_the_true_lesion_area()
    {
        Assert.InRange(LesionAreaOutside(ValidAreaRegion.Rectangle), 0, 0.05);
    }

    [SkippableFact]
    public void The_lung_mask_keeps_most_of_the_true_lesion_area_but_not_95_percent()
    {
        // The mask is the non-default region: consolidation against the pleura is not air and lies outside the filled air
        // components, so it loses more than the rectangle (docs/pipeline.md gives the figure).
        Assert.InRange(LesionAreaOutside(ValidAreaRegion.Mask), 0.05, 0.20);
    }

    private static double LesionAreaOutside(ValidAreaRegion region)
    {
        var folder = Doctor50();
        var segmenter = new LungSegmenter();
        var options = new ValidAreaOptions { Region = region };
        long lesion = 0, outside = 0;
        var images = Directory.GetFiles(Path.Combine(folder, "images"), "*.jpg");
        Assert.Equal(50, images.Length);
        foreach (var image in images)
        {
            var slice = CtReader.ReadSliceOrVolume(image, new CtReadOptions { Window = FolderWindow });
            var (width, height) = (slice.Geometry.Width, slice.Geometry.Height);
            // The masks are white on black: read through a window that maps gray to itself.
            var maskFile = Path.Combine(folder, "masks", Path.GetFileNameWithoutExtension(image) + ".png");
            var mask = CtReader.ReadSliceOrVolume(maskFile, new CtReadOptions { Window = new HounsfieldWindow(255, 127.5) }).Slice(0);
            var area = segmenter.Segment(slice.Slice(0), width, height, options);
            for (var i = 0; i < mask.Length; i++)
            {
                if (mask[i] < 128) continue;
                lesion++;
                if (!area.Includes(region, i % width + 0.5, i / width + 0.5)) outside++;
            }
        }
        Assert.True(lesion > 0, $"no lesion pixel in {folder}/masks");
        return (double)outside / lesion;
    }

    private static string Doctor50()
    {
        Skip.If(SharedData.Root is null, $"{SharedData.Variable} is not set; set it to the folder that holds covid-semiseg-doctor50/ to run the real-data tests");
        var folder = Path.Combine(SharedData.Root!, "covid-semiseg-doctor50");
        Assert.True(Directory.Exists(folder), $"{SharedData.Variable}={SharedData.Root} but {folder} does not exist");
        return folder;
    }
}
