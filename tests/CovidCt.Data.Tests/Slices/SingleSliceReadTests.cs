using CovidCt.Testing.Fixtures;
using CovidCt.Data.IO;
using CovidCt.Data.Tests.Dicom;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Slices;

/// <summary><see cref="CtReader.ReadSliceOrVolume"/>: one uploaded PNG/JPEG slice or one DICOM file as a one-slice volume.</summary>
public sealed class SingleSliceReadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void One_png_slice_is_a_one_slice_volume_in_the_stated_window()
    {
        ImageFiles.Gray(_folder.File("upload.png"), 3, 2, (x, _) => (byte)(x * 100));
        var volume = CtReader.ReadSliceOrVolume(_folder.File("upload.png"), new CtReadOptions { Window = new HounsfieldWindow(2550, 230) });
        Assert.Equal((3, 2, 1), (volume.Geometry.Width, volume.Geometry.Height, volume.Geometry.Depth));
        Assert.Equal(-1045f + 1000f, volume.Hounsfield[1]);
        Assert.Equal(_folder.File("upload.png"), volume.Source);
    }

    [Fact]
    public void One_dicom_file_is_a_one_slice_volume_with_rescale_applied()
    {
        new TestDicom().Filled(100).Save(_folder.File("one.dcm"));
        var volume = CtReader.ReadSliceOrVolume(_folder.File("one.dcm"));
        Assert.Equal((4, 3, 1), (volume.Geometry.Width, volume.Geometry.Height, volume.Geometry.Depth));
        Assert.Equal(100f - 1024f, volume.Hounsfield[0]);
        Assert.Equal(111f - 1024f, volume.Hounsfield[11]);
    }

    [Fact]
    public void A_folder_is_read_as_a_volume()
    {
        ImageFiles.Gray(_folder.File("ct/1.png"), 2, 2, (_, _) => 0);
        ImageFiles.Gray(_folder.File("ct/2.png"), 2, 2, (_, _) => 0);
        Assert.Equal(2, CtReader.ReadSliceOrVolume(_folder.File("ct")).Geometry.Depth);
    }

    [Fact]
    public void A_slice_that_cannot_be_decoded_names_the_file()
    {
        File.WriteAllText(_folder.File("broken.jpg"), "not a jpeg");
        var e = Assert.Throws<InvalidInputException>(() => CtReader.ReadSliceOrVolume(_folder.File("broken.jpg")));
        Assert.Contains("broken.jpg", e.Message);
    }
}
