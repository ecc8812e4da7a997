using CovidCt.Testing.Fixtures;
using CovidCt.Data.IO;

namespace CovidCt.Data.Tests.Dicom;

/// <summary>The DICOM part of the broken-input corpus, generated with <see cref="TestDicom"/>.</summary>
public sealed class DicomBrokenInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private InvalidInputException Fails() => Assert.Throws<InvalidInputException>(() => CtReader.Read(_folder.Path));

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.50", "JPEG Baseline")]
    [InlineData("1.2.840.10008.1.2.4.70", "JPEG Lossless")]
    [InlineData("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless")]
    [InlineData("1.2.840.10008.1.2.4.90", "JPEG 2000")]
    [InlineData("1.2.840.10008.1.2.5", "RLE Lossless")]
    [InlineData("1.2.840.10008.1.2.1.99", "Deflated")]
    public void Compressed_transfer_syntax_is_refused_by_name(string uid, string name)
    {
        var file = new TestDicom { TransferSyntax = uid }.Filled(0).Save(_folder.File("1.dcm"));

        var error = Fails();
        Assert.Equal(file, error.File);
        Assert.Contains(uid, error.Problem);
        Assert.Contains(name, error.Problem);
        Assert.Contains("Transfer Syntax", error.Field);
    }

    [Theory]
    [InlineData(null, -1024.0, "(0028,1053) Rescale Slope")]
    [InlineData(1.0, null, "(0028,1052) Rescale Intercept")]
    public void A_missing_rescale_attribute_is_refused_rather_than_taken_as_slope_1_intercept_0(double? slope, double? intercept, string field)
    {
        var file = new TestDicom { Slope = slope, Intercept = intercept }.Filled(0).Save(_folder.File("1.dcm"));

        var error = Fails();
        Assert.Equal(file, error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains("is missing; a CT slice needs it to give Hounsfield units", error.Problem);
    }

    [Fact]
    public void A_rescale_slope_of_zero_is_refused()
    {
        new TestDicom { Slope = 0 }.Filled(0).Save(_folder.File("1.dcm"));

        var error = Fails();
        Assert.Equal("(0028,1053) Rescale Slope", error.Field);
        Assert.Contains("Rescale Slope is 0", error.Problem);
    }

    [Fact]
    public void Missing_pixel_data_is_refused()
    {
        new TestDicom { WithPixelData = false }.Save(_folder.File("1.dcm"));

        var error = Fails();
        Assert.Contains("no Pixel Data", error.Problem);
        Assert.Contains("7FE0,0010", error.Field);
    }

    [Fact]
    public void A_folder_with_only_a_text_file_says_no_DICOM_was_found()
    {
        File.WriteAllText(_folder.File("readme.txt"), "nothing here");

        Assert.Contains("no DICOM Part-10 files found (1 other file(s) skipped)", Fails().Problem);
    }

    [Fact]
    public void Duplicate_positions_are_refused_naming_both_files()
    {
        new TestDicom().Filled(0).Save(_folder.File("1.dcm"));
        new TestDicom().Filled(0).Save(_folder.File("copy.dcm"));

        var error = Fails();
        Assert.Contains("same position", error.Problem);
        Assert.Contains("1.dcm", error.Message);
        Assert.Contains("copy.dcm", error.Message);
    }

    [Fact]
    public void Several_series_without_a_choice_are_listed()
    {
        new TestDicom { SeriesUid = "1.2.3" }.Filled(0).Save(_folder.File("1.dcm"));
        new TestDicom { SeriesUid = "1.2.4" }.Filled(0).Save(_folder.File("2.dcm"));

        var error = Fails();
        Assert.Contains("2 series", error.Problem);
        Assert.Contains("1.2.3 (1 files)", error.Problem);
        Assert.Contains("1.2.4 (1 files)", error.Problem);
        var wrong = Assert.Throws<InvalidInputException>(() => CtReader.Read(_folder.Path, new CtReadOptions { SeriesInstanceUid = "9.9" }));
        Assert.Contains("no series 9.9", wrong.Problem);
    }

    [Fact]
    public void Truncated_pixel_data_is_refused()
    {
        var bytes = new TestDicom().Filled(0).Bytes();
        File.WriteAllBytes(_folder.File("1.dcm"), bytes[..^6]);

        Assert.Contains("truncated", Fails().Problem);
    }

    [Fact]
    public void Slices_of_different_sizes_are_refused()
    {
        new TestDicom { Position = [0, 0, 0] }.Filled(0).Save(_folder.File("1.dcm"));
        new TestDicom { Position = [0, 0, 1], Rows = 2 }.Filled(0).Save(_folder.File("2.dcm"));

        Assert.Contains("every slice of a series must match", Fails().Problem);
    }

    [Fact]
    public void Malformed_number_names_the_attribute()
    {
        new TestDicom { PixelSpacing = "0.7\\abc" }.Filled(0).Save(_folder.File("1.dcm"));

        var error = Fails();
        Assert.Contains("Pixel Spacing", error.Field);
        Assert.Contains("0.7\\abc", error.Problem);
    }

    [Fact]
    public void A_single_DICOM_file_asks_for_its_folder()
    {
        var file = new TestDicom().Filled(0).Save(_folder.File("1.dcm"));

        Assert.Contains("pass the folder", Assert.Throws<InvalidInputException>(() => CtReader.Read(file)).Problem);
    }

    [Fact]
    public void Empty_folder_is_refused()
    {
        Assert.Contains("empty", Fails().Problem);
    }
}
