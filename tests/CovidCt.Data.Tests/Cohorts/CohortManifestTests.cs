using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.Cohorts;

public sealed class CohortManifestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CohortManifestTests()
    {
        var volume = Volumes.Integral(6, 5, 4);
        Directory.CreateDirectory(_folder.File("ct"));
        NiftiWriter.Write(volume, _folder.File("ct/p1.nii.gz"));
        NiftiWriter.Write(volume, _folder.File("ct/p2.nii.gz"));
        NiftiWriter.Write(Volumes.MaskFor(volume), _folder.File("ct/p1-mask.nii.gz"));
        NiftiWriter.Write(Volumes.MaskFor(Volumes.Integral(6, 5, 3)), _folder.File("ct/short-mask.nii.gz"));
    }

    public void Dispose() => _folder.Dispose();

    private string Manifest(string text)
    {
        var path = _folder.File("cohort.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Valid_manifest_resolves_paths_against_its_folder()
    {
        var path = Manifest("patient_id,label,images,masks,split\np1,covid,ct/p1.nii.gz,ct/p1-mask.nii.gz,test\np2,CONTROL,ct/p2.nii.gz,,\n");

        var manifest = CohortManifest.Load(path);
        Assert.Equal(2, manifest.Entries.Count);
        var p1 = manifest.Entries[0];
        Assert.Equal(("p1", PatientLabel.Covid, "ct/p1.nii.gz", "ct/p1-mask.nii.gz", (CohortSplit?)CohortSplit.Test), (p1.PatientId, p1.Label, p1.Images, p1.Masks, p1.Split));
        Assert.Equal(_folder.File("ct/p1.nii.gz"), p1.ImagesPath);
        Assert.Equal(2, p1.Line);
        Assert.Equal(PatientLabel.Control, manifest.Entries[1].Label);
        Assert.Null(manifest.Entries[1].Masks);
        Assert.Null(manifest.Entries[1].Split);
        Assert.Single(manifest.InSplit(CohortSplit.Test));
    }

    [Fact]
    public void Columns_masks_and_split_may_be_left_out()
    {
        var manifest = CohortManifest.Load(Manifest("patient_id,label,images\np2,control,ct/p2.nii.gz\n"));
        Assert.Single(manifest.Entries);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_line_and_field()
    {
        var path = Manifest(string.Join("\n",
            "patient_id,label,images,masks,split",
            "p1,covid,ct/p1.nii.gz,ct/short-mask.nii.gz,train",
            "p1,control,ct/p2.nii.gz,,",
            "p3,flu,ct/p2.nii.gz,,",
            "p4,covid,ct/absent.nii.gz,,",
            "p5,control,ct/p2.nii.gz,,holdout",
            ",control,ct/p2.nii.gz,,"));

        var error = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(path));
        var problems = error.Problems.Select(p => (p.Line, p.Field)).ToList();
        Assert.Equal([(2, "masks"), (3, "patient_id"), (4, "label"), (5, "images"), (6, "split"), (7, "patient_id")], problems);
        Assert.Contains("is 6x5x3 but the image is 6x5x4", error.Problems[0].Message);
        Assert.Contains("first on line 2", error.Problems[1].Message);
        Assert.Contains("expected covid or control", error.Problems[2].Message);
        Assert.Contains("does not exist", error.Problems[3].Message);
        Assert.All(error.Problems, p => Assert.Equal(path, p.File));
        Assert.Contains("6 problem(s)", error.Message);
    }

    [Fact]
    public void Unreadable_image_is_a_problem_naming_the_image()
    {
        File.WriteAllText(_folder.File("ct/broken.nii"), "not a nifti file");
        var path = Manifest("patient_id,label,images,masks,split\np1,covid,ct/broken.nii,,\n");

        var problem = Assert.Single(Assert.Throws<CohortValidationException>(() => CohortManifest.Load(path)).Problems);
        Assert.Equal("images", problem.Field);
        Assert.Contains("broken.nii", problem.Message);
        Assert.Contains("sizeof_hdr", problem.Message);
    }

    [Fact]
    public void Slice_folder_masks_must_be_named_like_the_slices()
    {
        Slices.ImageFiles.Gray(_folder.File("png/s1.png"), 4, 4, (_, _) => 0);
        Slices.ImageFiles.Gray(_folder.File("png/s2.png"), 4, 4, (_, _) => 0);
        Slices.ImageFiles.Gray(_folder.File("png-masks/s1.png"), 4, 4, (_, _) => 0);
        Slices.ImageFiles.Gray(_folder.File("png-masks/other.png"), 4, 4, (_, _) => 0);
        var path = Manifest("patient_id,label,images,masks,split\np1,covid,png,png-masks,\n");

        var problem = Assert.Single(Assert.Throws<CohortValidationException>(() => CohortManifest.Load(path)).Problems);
        Assert.Equal("masks", problem.Field);
        Assert.Contains("no mask for: s2", problem.Message);
    }

    [Fact]
    public void Wrong_header_is_reported()
    {
        var path = Manifest("patient,label,images,masks,split\np1,covid,ct/p1.nii.gz,,\n");

        var problems = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(path)).Problems;
        Assert.Contains(problems, p => p.Field == "patient_id" && p.Line == 1);
        Assert.Contains(problems, p => p.Field == "patient" && p.Message.StartsWith("unknown column", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_or_empty_manifest_is_a_validation_error()
    {
        Assert.Contains("file not found", Assert.Throws<CohortValidationException>(() => CohortManifest.Load(_folder.File("absent.csv"))).Message);
        Assert.Contains("empty", Assert.Throws<CohortValidationException>(() => CohortManifest.Load(Manifest(""))).Message);
    }

    [Fact]
    public void Written_manifest_loads_back_to_the_same_entries()
    {
        CohortEntry[] entries =
        [
            new("p1", PatientLabel.Covid, "ct/p1.nii.gz", "ct/p1-mask.nii.gz", CohortSplit.Val),
            new("p,2 \"odd\"", PatientLabel.Control, "ct/p2.nii.gz", null, null),
        ];
        var path = _folder.File("written.csv");
        CohortManifest.Write(path, entries);

        Assert.StartsWith("patient_id,label,images,masks,split\n", File.ReadAllText(path), StringComparison.Ordinal);
        var back = CohortManifest.Load(path).Entries;
        Assert.Equal(entries.Select(e => (e.PatientId, e.Label, e.Images, e.Masks, e.Split)), back.Select(e => (e.PatientId, e.Label, e.Images, e.Masks, e.Split)));
    }
}
