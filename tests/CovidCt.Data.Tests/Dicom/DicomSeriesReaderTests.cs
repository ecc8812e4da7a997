using CovidCt.Testing.Fixtures;
namespace CovidCt.Data.Tests.Dicom;

public sealed class DicomSeriesReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TestDicom.ExplicitLittleEndian)]
    [InlineData(TestDicom.ImplicitLittleEndian)]
    public void Slices_are_sorted_by_position_whatever_the_file_order(string syntax)
    {
        // File names run head to feet; the volume must run feet to head (increasing z).
        new TestDicom { TransferSyntax = syntax, Position = [-100, -120, 5], InstanceNumber = 1 }.Filled(200).Save(_folder.File("a/001.dcm"));
        new TestDicom { TransferSyntax = syntax, Position = [-100, -120, 2.5], InstanceNumber = 2 }.Filled(100).Save(_folder.File("a/002.dcm"));
        new TestDicom { TransferSyntax = syntax, Position = [-100, -120, 0], InstanceNumber = 3 }.Filled(0).Save(_folder.File("a/sub/003.dcm"));

        var volume = CtReader.Read(_folder.Path);
        var g = volume.Geometry;
        Assert.Equal((4, 3, 3), (g.Width, g.Height, g.Depth));
        Assert.Equal(new[] { 0.0, 2.5, 5.0 }, g.SlicePositions);
        Assert.Equal(0.75, g.ColumnSpacing); // Pixel Spacing is (rows, columns)
        Assert.Equal(0.7, g.RowSpacing);
        Assert.Equal(new Vector3D(-100, -120, 0), g.Origin);
        Assert.Equal(2.5, g.SliceThickness);
        Assert.Equal(-1024f, volume.Slice(0)[0]);
        Assert.Equal(-1024f + 100, volume.Slice(1)[0]);
        Assert.Equal(-1024f + 200 + 11, volume.Slice(2)[11]);
        Assert.Equal("1.2.826.0.1.3680043.2.1125.1", volume.SeriesInstanceUid);
    }

    [Fact]
    public void Rescale_slope_and_intercept_are_applied_per_slice()
    {
        new TestDicom { Position = [0, 0, 0], Slope = 2, Intercept = -1000 }.Filled(10).Save(_folder.File("1.dcm"));
        new TestDicom { Position = [0, 0, 1], Slope = 0.5, Intercept = 0 }.Filled(10).Save(_folder.File("2.dcm"));

        var volume = CtReader.Read(_folder.Path);
        Assert.Equal(-980f, volume.Slice(0)[0]);
        Assert.Equal(5f, volume.Slice(1)[0]);
    }

    [Fact]
    public void Instance_number_orders_slices_without_positions()
    {
        new TestDicom { Position = null, Orientation = null, InstanceNumber = 2 }.Filled(100).Save(_folder.File("x.dcm"));
        new TestDicom { Position = null, Orientation = null, InstanceNumber = 1 }.Filled(0).Save(_folder.File("y.dcm"));

        var volume = CtReader.Read(_folder.Path);
        Assert.Equal(-1024f, volume.Slice(0)[0]);
        Assert.Equal(new[] { 0.0, 2.5 }, volume.Geometry.SlicePositions);
    }

    [Fact]
    public void Sequences_of_undefined_length_are_skipped_without_leaking_their_attributes()
    {
        new TestDicom { WithNestedSequence = true }.Filled(0).Save(_folder.File("e/1.dcm"));
        new TestDicom { WithNestedSequence = true, TransferSyntax = TestDicom.ImplicitLittleEndian }.Filled(0).Save(_folder.File("i/1.dcm"));

        Assert.Equal(3, CtReader.Read(_folder.File("e")).Geometry.Height);
        Assert.Equal(3, CtReader.Read(_folder.File("i")).Geometry.Height);
    }

    [Fact]
    public void Bits_above_bits_stored_are_sign_extended_for_signed_pixels()
    {
        // 12 bits stored: 0x0FFF is -1, and a stray high bit (overlay) must not count.
        new TestDicom { BitsStored = 12, Intercept = 0, Pixels = [0x0FFF, 0x17FF, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0] }.Save(_folder.File("1.dcm"));

        var slice = CtReader.Read(_folder.Path).Slice(0);
        Assert.Equal(new[] { -1f, 2047f, 5f }, slice[..3].ToArray());
    }

    [Fact]
    public void Files_that_are_not_DICOM_are_skipped()
    {
        new TestDicom().Filled(0).Save(_folder.File("1.dcm"));
        File.WriteAllText(_folder.File("annotations.xml"), "<LidcReadMessage/>");
        File.WriteAllText(_folder.File("notes.txt"), "a text file in a DICOM folder");

        Assert.Equal(1, CtReader.Read(_folder.Path).Geometry.Depth);
    }

    [Fact]
    public void Series_is_chosen_by_uid_when_a_folder_holds_several()
    {
        new TestDicom { SeriesUid = "1.2.3" }.Filled(0).Save(_folder.File("1.dcm"));
        new TestDicom { SeriesUid = "1.2.4", Position = [0, 0, 0] }.Filled(0).Save(_folder.File("2.dcm"));
        new TestDicom { SeriesUid = "1.2.4", Position = [0, 0, 1] }.Filled(0).Save(_folder.File("3.dcm"));

        var volume = CtReader.Read(_folder.Path, new CtReadOptions { SeriesInstanceUid = "1.2.4" });
        Assert.Equal(2, volume.Geometry.Depth);
        Assert.Equal("1.2.4", volume.SeriesInstanceUid);
        Assert.Equal(2, CtReader.Describe(_folder.Path, new CtReadOptions { SeriesInstanceUid = "1.2.4" }).Depth);
    }
}
