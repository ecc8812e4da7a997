using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Cohorts;

/// <summary>Image-level cohorts: unrelated slices of any size, each its own case, masks paired by file name.</summary>
public sealed class ImageLevelCohortTests : IDisposable
{
    private static readonly HounsfieldWindow Window = new(1500, -600);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // One slice of width x height with a lesion square at its top-left corner (side pixels, 0 for none) as images/NAME.png and masks/NAME.png.
    private void Slice(string name, int width, int height, int lesion, bool withMask = true)
    {
        var geometry = VolumeGeometry.Axial(width, height, 1, 1, 1);
        var volume = new CtVolume(geometry, Enumerable.Range(0, width * height).Select(i => (float)(i % 50 * 20 - 1000)).ToArray(), "generated");
        Directory.CreateDirectory(_folder.File("images"));
        Directory.CreateDirectory(_folder.File("masks"));
        SlicePngWriter.WriteSlice(volume, 0, Window, _folder.File($"images/{name}.png"));
        if (!withMask) return;
        var labels = new byte[width * height];
        for (var y = 0; y < lesion; y++) for (var x = 0; x < lesion; x++) labels[y * width + x] = 1;
        SlicePngWriter.WriteMask(new LesionMask(geometry, labels, "generated"), 0, _folder.File($"masks/{name}.png"));
    }

    [Fact]
    public void Folders_of_slices_of_different_sizes_make_one_case_per_image_with_its_mask()
    {
        Slice("a", 20, 16, lesion: 3);
        Slice("b", 13, 29, lesion: 0);

        var manifest = CohortManifest.FromImageFolders(_folder.File("images"), _folder.File("masks"), new CtReadOptions { Window = Window });

        Assert.Equal(CohortLevel.Image, manifest.Level);
        Assert.Equal(["a", "b"], manifest.Entries.Select(e => e.PatientId));
        var patients = CohortReader.ReadPatients(manifest).ToList();
        Assert.Equal([(20, 16, 1), (13, 29, 1)], patients.Select(p => (p.Volume.Geometry.Width, p.Volume.Geometry.Height, p.Volume.Geometry.Depth)));
        Assert.Equal(9, patients[0].Mask!.LesionPixels(0));
        // A mask with no lesion pixel is a lesion-free slice: truth false, not unknown.
        Assert.Equal([true, false], patients.Select(p => p.SliceTruth[0]));
    }

    [Fact]
    public void An_image_without_a_mask_and_a_mask_without_an_image_are_named()
    {
        Slice("a", 20, 16, lesion: 3);
        Slice("lonely", 20, 16, lesion: 0, withMask: false);
        Slice("orphan", 20, 16, lesion: 2);
        File.Delete(_folder.File("images/orphan.png"));

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.FromImageFolders(_folder.File("images"), _folder.File("masks")));

        Assert.Contains(e.Problems, p => p.Field == "--masks" && p.Message.Contains("no mask for 1 image(s): lonely.png", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Field == "--images" && p.Message.Contains("no image for 1 mask(s): orphan.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mask_of_another_size_is_refused()
    {
        Slice("a", 20, 16, lesion: 3);
        var other = VolumeGeometry.Axial(16, 20, 1, 1, 1);
        SlicePngWriter.WriteMask(new LesionMask(other, new byte[320], "generated"), 0, _folder.File("masks/a.png"));

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.FromImageFolders(_folder.File("images"), _folder.File("masks")));

        Assert.Contains("is 16x20 but the image", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_level_manifest_states_lesion_free_slices_with_an_empty_mask()
    {
        Slice("a", 20, 16, lesion: 3);
        Slice("b", 13, 29, lesion: 0, withMask: false);
        File.WriteAllText(_folder.File("images.csv"), "image,mask,split,window\nimages/a.png,masks/a.png,test,1500/-600\nimages/b.png,,test,1500/-600\n");

        var manifest = CohortManifest.Load(_folder.File("images.csv"));

        Assert.Equal(CohortLevel.Image, manifest.Level);
        Assert.Equal([PatientLabel.Covid, PatientLabel.Control], manifest.Entries.Select(e => e.Label));
        var patients = CohortReader.ReadPatients(manifest).ToList();
        Assert.Null(patients[1].Mask);
        Assert.Equal([true, false], patients.Select(p => p.SliceTruth[0]));
        Assert.Equal(Window, manifest.Entries[0].Window);
    }

    [Fact]
    public void An_image_level_manifest_names_duplicate_ids_and_missing_files_by_line()
    {
        Slice("a", 20, 16, lesion: 3);
        File.WriteAllText(_folder.File("images.csv"), "image,mask\nimages/a.png,masks/a.png\nother/a.png,\nimages/a.png,masks/none.png\n");

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(_folder.File("images.csv")));

        Assert.Contains(e.Problems, p => (p.Line, p.Field) == (3, "image") && p.Message.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => (p.Line, p.Field) == (3, "image_id") && p.Message.Contains("duplicate image id 'a'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => (p.Line, p.Field) == (4, "mask") && p.Message.Contains("does not exist", StringComparison.Ordinal));
    }
}
