using CovidCt.Data.IO;
using CovidCt.Data.Slices;
using SkiaSharp;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Slices;

public sealed class SliceFolderReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gray_slices_in_natural_order_map_back_through_the_stated_window()
    {
        ImageFiles.Gray(_folder.File("ct/img10.png"), 3, 2, (_, _) => 255);
        ImageFiles.Gray(_folder.File("ct/img2.png"), 3, 2, (x, _) => (byte)(x * 100));
        ImageFiles.Gray(_folder.File("ct/img1.png"), 3, 2, (_, _) => 0);

        var window = new HounsfieldWindow(2550, 230);
        var volume = CtReader.Read(_folder.File("ct"), new CtReadOptions { Window = window });
        Assert.Equal((3, 2, 3), (volume.Geometry.Width, volume.Geometry.Height, volume.Geometry.Depth));
        Assert.Equal(-1045f, volume.Slice(0)[0]);             // gray 0 = level - width/2
        Assert.Equal(-1045f + 1000f, volume.Slice(1)[1]);     // gray 100 = 100 * 10 HU
        Assert.Equal(1505f, volume.Slice(2)[0]);              // gray 255 = level + width/2
        Assert.Equal(CtSourceKind.SliceFolder, CtReader.Detect(_folder.File("ct")));
    }

    [Fact]
    public void Without_a_window_the_lung_window_of_the_study_is_used()
    {
        ImageFiles.Gray(_folder.File("ct/1.png"), 2, 2, (_, _) => 0);

        Assert.Equal(-1300f, CtReader.Read(_folder.File("ct")).Hounsfield[0]);
    }

    [Fact]
    public void RGB_is_read_as_BT601_luma()
    {
        ImageFiles.Rgb(_folder.File("ct/1.png"), 2, 2, (x, _) => x == 0 ? new SKColor(200, 200, 200) : new SKColor(255, 0, 0));
        var window = new HounsfieldWindow(255, 127.5); // gray g maps to g HU

        var slice = CtReader.Read(_folder.File("ct"), new CtReadOptions { Window = window }).Hounsfield;
        Assert.Equal(200f, slice[0]);
        Assert.Equal(76f, slice[1]); // 0.299 * 255 = 76.2
    }

    [Fact]
    public void JPEG_slices_are_read()
    {
        ImageFiles.Gray(_folder.File("ct/1.jpg"), 16, 16, (_, _) => 128, SKEncodedImageFormat.Jpeg);
        var window = new HounsfieldWindow(255, 127.5);

        Assert.All(CtReader.Read(_folder.File("ct"), new CtReadOptions { Window = window }).Hounsfield, v => Assert.InRange(v, 126f, 130f));
    }

    [Fact]
    public void PNG_masks_named_like_the_slices_read_with_lesion_255()
    {
        ImageFiles.Gray(_folder.File("ct/a1.png"), 2, 2, (_, _) => 50);
        ImageFiles.Gray(_folder.File("ct/a2.png"), 2, 2, (_, _) => 50);
        ImageFiles.Gray(_folder.File("masks/a1.png"), 2, 2, (x, y) => x == 1 && y == 1 ? (byte)255 : (byte)0);
        ImageFiles.Gray(_folder.File("masks/a2.png"), 2, 2, (_, _) => 255);

        var image = CtReader.Read(_folder.File("ct"));
        var mask = CtReader.ReadMask(_folder.File("masks"), image);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 1, 1, 1, 1 }, mask.Labels);
        Assert.Equal(["a1", "a2"], CtReader.DescribeMask(_folder.File("masks")).SliceNames!);
    }

    [Fact]
    public void Zero_byte_PNG_is_refused_naming_the_file()
    {
        ImageFiles.Gray(_folder.File("ct/1.png"), 2, 2, (_, _) => 0);
        File.WriteAllBytes(_folder.File("ct/2.png"), []);

        var read = Assert.Throws<InvalidInputException>(() => CtReader.Read(_folder.File("ct")));
        Assert.Equal(_folder.File("ct/2.png"), read.File);
        Assert.Contains("empty", read.Problem);
        Assert.Equal(_folder.File("ct/2.png"), Assert.Throws<InvalidInputException>(() => CtReader.Describe(_folder.File("ct"))).File);
    }

    [Fact]
    public void Mask_of_the_wrong_size_is_refused()
    {
        ImageFiles.Gray(_folder.File("ct/1.png"), 4, 4, (_, _) => 0);
        ImageFiles.Gray(_folder.File("masks/1.png"), 3, 4, (_, _) => 0);

        var error = Assert.Throws<InvalidInputException>(() => CtReader.ReadMask(_folder.File("masks"), CtReader.Read(_folder.File("ct"))));
        Assert.Contains("the mask is 3x4x1 but the image is 4x4x1", error.Problem);
    }

    [Fact]
    public void Slices_of_different_sizes_are_refused()
    {
        ImageFiles.Gray(_folder.File("ct/1.png"), 4, 4, (_, _) => 0);
        ImageFiles.Gray(_folder.File("ct/2.png"), 4, 5, (_, _) => 0);

        Assert.Contains("every slice must have the same size", Assert.Throws<InvalidInputException>(() => CtReader.Read(_folder.File("ct"))).Problem);
    }
}
