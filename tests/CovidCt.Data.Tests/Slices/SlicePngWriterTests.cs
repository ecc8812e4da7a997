using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Slices;

public sealed class SlicePngWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Windowed_slices_read_back_within_half_a_gray_step()
    {
        var volume = Volumes.Integral(8, 6, 3);
        var window = StudyProtocol.LungWindow;
        var written = SlicePngWriter.WriteSlices(volume, window, _folder.File("png"));
        Assert.Equal(_folder.File("png/slice_0001.png"), written[0]);

        var back = CtReader.Read(_folder.File("png"), new CtReadOptions { Window = window });
        var step = window.Width / 255;
        for (var i = 0; i < volume.Hounsfield.Length; i++)
        {
            var expected = Math.Clamp(volume.Hounsfield[i], window.Lower, window.Lower + window.Width);
            Assert.InRange(back.Hounsfield[i], expected - step / 2 - 1e-3, expected + step / 2 + 1e-3);
        }
    }

    [Fact]
    public void Masks_write_as_0_and_255_and_read_back_exactly()
    {
        var volume = Volumes.Integral(8, 6, 3);
        var mask = Volumes.MaskFor(volume);
        SlicePngWriter.WriteSlices(volume, StudyProtocol.LungWindow, _folder.File("png"));
        SlicePngWriter.WriteMasks(mask, _folder.File("masks"));

        var image = CtReader.Read(_folder.File("png"));
        Assert.Equal(mask.Labels, CtReader.ReadMask(_folder.File("masks"), image).Labels);
    }

    [Fact]
    public void Gray_round_trips_through_the_window()
    {
        var window = new HounsfieldWindow(2500, 230);
        for (var g = 0; g < 256; g++) Assert.Equal((byte)g, window.ToGray(window.ToHounsfield((byte)g)));
    }
}
