using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Tests.Nifti;
using SkiaSharp;

namespace CovidCt.Data.Tests.Slices;

/// <summary>One rule for the values of every mask reader: 0/255 and 0/1 are binary masks, anything else is refused unless its lesion labels are stated.</summary>
public sealed class MaskValueTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // A 4x2 slice whose left half (x < 2) is lesion, drawn with `lesion` on `background`.
    private string Mask(string name, byte lesion, byte background = 0, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        ImageFiles.Gray(_folder.File($"ct/{name}.png"), 4, 2, (_, _) => 60);
        var path = _folder.File($"masks/{name}{(format == SKEncodedImageFormat.Jpeg ? ".jpg" : ".png")}");
        ImageFiles.Gray(path, 4, 2, (x, _) => x < 2 ? lesion : background, format);
        return path;
    }

    private LesionMask ReadFolder(LesionLabels? labels = null) =>
        CtReader.ReadMask(_folder.File("masks"), CtReader.Read(_folder.File("ct")), labels);

    [Fact]
    public void A_0_1_mask_gives_the_same_truth_as_its_0_255_twin()
    {
        Mask("s1", lesion: 255);
        var twin = ReadFolder().Labels;
        Mask("s1", lesion: 1);

        // Read as "gray above 127" a 0/1 mask was empty: every lesion slice silently lesion-free.
        Assert.Equal(twin, ReadFolder().Labels);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 1, 1, 0, 0 }, twin);
    }

    [Fact]
    public void A_0_1_mask_of_an_image_level_cohort_marks_the_slice_lesion_positive()
    {
        Mask("s1", lesion: 1);

        var manifest = CohortManifest.FromImageFolders(_folder.File("ct"), _folder.File("masks"), new CtReadOptions { Window = new Imaging.HounsfieldWindow(1500, -600) });
        var patient = CohortReader.ReadPatients(manifest).Single();
        Assert.Equal(4, patient.Mask!.LesionPixels(0));
        Assert.True(patient.SliceTruth[0]);
    }

    [Theory]
    [InlineData(2, 0, "the values 0, 2")]        // a label mask: which label is lesion?
    [InlineData(255, 127, "the values 127, 255")] // an anti-aliased edge or a gray background
    public void Other_values_are_refused_naming_the_file_the_values_and_the_remedy(byte lesion, byte background, string values)
    {
        var file = Mask("s1", lesion, background);

        var error = Assert.Throws<InvalidInputException>(() => ReadFolder());
        Assert.Equal(file, error.File);
        Assert.Contains($"the mask holds {values}", error.Problem, StringComparison.Ordinal);
        Assert.Contains("--mask-labels", error.Problem, StringComparison.Ordinal);
        Assert.Contains("mask_labels column", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JPEG_mask_with_intermediate_grays_is_refused()
    {
        ImageFiles.Gray(_folder.File("ct/s1.png"), 16, 16, (_, _) => 60);
        ImageFiles.Gray(_folder.File("masks/s1.jpg"), 16, 16, (x, y) => (x - 8) * (x - 8) + (y - 8) * (y - 8) < 20 ? (byte)255 : (byte)0, SKEncodedImageFormat.Jpeg);

        Assert.Contains("saved as JPEG", Assert.Throws<InvalidInputException>(() => ReadFolder()).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_mask_is_read_with_its_stated_lesion_labels()
    {
        ImageFiles.Gray(_folder.File("ct/s1.png"), 4, 2, (_, _) => 60);
        ImageFiles.Gray(_folder.File("masks/s1.png"), 4, 2, (x, y) => y == 0 ? (byte)x : (byte)0); // 0 background, 1 ground glass, 2 consolidation, 3 effusion

        Assert.Equal(new byte[] { 0, 1, 1, 0, 0, 0, 0, 0 }, ReadFolder(LesionLabels.Of([1, 2])).Labels);
        Assert.Equal(new byte[] { 0, 0, 1, 0, 0, 0, 0, 0 }, ReadFolder(LesionLabels.Of([2])).Labels);
    }

    [Fact]
    public void A_gray_RGB_mask_reads_as_its_gray()
    {
        ImageFiles.Gray(_folder.File("ct/s1.png"), 2, 2, (_, _) => 60);
        ImageFiles.Rgb(_folder.File("masks/s1.png"), 2, 2, (x, _) => x == 0 ? SKColors.White : SKColors.Black);

        Assert.Equal(new byte[] { 1, 0, 1, 0 }, ReadFolder().Labels);
    }

    [Fact]
    public void A_NIfTI_mask_follows_the_same_rule()
    {
        var path = _folder.File("mask.nii");
        new RawNifti().WithInt16(0, 1, 0, 1, 0, 0, 1, 0).Save(path);
        Assert.Equal(new byte[] { 0, 1, 0, 1, 0, 0, 1, 0 }, NiftiReader.ReadMask(path).Labels);

        // One lesion value other than 1 or 255 was taken as lesion; it is as ambiguous as in a PNG (label 3 of a label mask).
        new RawNifti().WithInt16(0, 3, 0, 3, 0, 0, 3, 0).Save(path);
        Assert.Contains("the mask holds the values 0, 3", Assert.Throws<InvalidInputException>(() => NiftiReader.ReadMask(path)).Problem, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0, 1, 0, 1, 0, 0, 1, 0 }, NiftiReader.ReadMask(path, labels: LesionLabels.Of([3])).Labels);
    }

    [Fact]
    public void A_manifest_states_label_masks_per_row_in_its_mask_labels_column()
    {
        ImageFiles.Gray(_folder.File("ct/s1.png"), 4, 2, (_, _) => 60);
        ImageFiles.Gray(_folder.File("masks/s1.png"), 4, 2, (x, y) => y == 0 ? (byte)x : (byte)0);
        File.WriteAllText(_folder.File("images.csv"), "image,mask,mask_labels\nct/s1.png,masks/s1.png,\"1,2\"\n");
        File.WriteAllText(_folder.File("bad.csv"), "image,mask,mask_labels\nct/s1.png,masks/s1.png,ground glass\n");

        var patient = CohortReader.ReadPatients(CohortManifest.Load(_folder.File("images.csv"))).Single();
        Assert.Equal(2, patient.Mask!.LesionPixels(0));
        var bad = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(_folder.File("bad.csv")));
        Assert.Contains(bad.Problems, p => (p.Line, p.Field) == (2, "mask_labels"));
    }

    [Theory]
    [InlineData("1,2", "1,2")]
    [InlineData(" 2 , 1 ,2", "1,2")]
    [InlineData("binary", "binary")]
    public void Lesion_labels_parse_and_print_back(string text, string printed)
    {
        Assert.True(LesionLabels.TryParse(text, out var labels, out _));
        Assert.Equal(printed, labels!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1;2")]
    [InlineData("-1")]
    public void Bad_lesion_labels_say_what_was_expected(string text)
    {
        Assert.False(LesionLabels.TryParse(text, out _, out var problem));
        Assert.Contains("separated by commas", problem, StringComparison.Ordinal);
    }
}
