using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class CohortBuilderTests
{
    private static readonly CohortSpec Tiny = new()
    {
        Name = "tiny",
        Seed = 99,
        Width = 96,
        Height = 96,
        Slices = new IntegerRange(12, 14),
        SliceThicknessMm = new NumberRange(4, 5),
        Procedural = new LabelCounts(2, 2),
        Split = new SplitFractions(0.25, 0.25),
    };

    [Fact]
    public void Building_twice_gives_byte_identical_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        CohortBuilder.Build(Tiny, first.Path, new CohortBuildOptions());
        CohortBuilder.Build(Tiny, second.Path, new CohortBuildOptions());
        var files = Directory.GetFiles(first.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).Order().ToArray();
        Assert.Equal(files, Directory.GetFiles(second.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Path, f)).Order());
        Assert.Contains("manifest.csv", files);
        Assert.Contains("cohort-card.json", files);
        Assert.Contains(Path.Combine("sheets", "sim-001.png"), files);
        foreach (var file in files) Assert.True(File.ReadAllBytes(Path.Combine(first.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, file))), $"{file} differs");
    }

    [Fact]
    public void The_built_cohort_loads_through_the_manifest_and_streams_with_slice_truth()
    {
        using var folder = new TempFolder();
        var result = CohortBuilder.Build(Tiny, folder.Path, new CohortBuildOptions(ContactSheets: false));
        var manifest = CohortManifest.Load(result.Manifest);
        Assert.Equal(4, manifest.Entries.Count);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "sheets")));
        foreach (var patient in CohortReader.ReadPatients(manifest))
        {
            var card = result.Patients.Single(p => p.PatientId == patient.Entry.PatientId);
            Assert.Equal(card.Slices, patient.Volume.Geometry.Depth);
            if (patient.Entry.Label == PatientLabel.Covid)
            {
                Assert.NotNull(patient.Mask);
                Assert.Equal(card.LesionSlices, patient.SliceTruth.Count(t => t == true));
            }
            else
            {
                Assert.Null(patient.Entry.Masks);
                Assert.Equal(0, card.LesionSlices);
            }
        }
    }

    [Fact]
    public void Building_some_splits_writes_the_same_patients_as_a_full_build()
    {
        using var full = new TempFolder();
        using var part = new TempFolder();
        CohortBuilder.Build(Tiny, full.Path, new CohortBuildOptions(ContactSheets: false));
        var result = CohortBuilder.Build(Tiny, part.Path, new CohortBuildOptions(ContactSheets: false, Splits: new HashSet<CohortSplit> { CohortSplit.Test }));
        Assert.Equal(2, result.Patients.Count);
        Assert.All(result.Patients, p => Assert.Equal("test", p.Split));
        foreach (var p in result.Patients)
        {
            var image = Path.Combine("images", p.PatientId + ".nii.gz");
            Assert.Equal(File.ReadAllBytes(Path.Combine(full.Path, image)), File.ReadAllBytes(Path.Combine(part.Path, image)));
        }
    }

    [Fact]
    public void A_real_series_read_with_an_assumed_geometry_is_reported_once_and_one_that_states_it_is_not()
    {
        // A chest phantom as a NIfTI file whose orientation codes were cleared, then the same with them: the builder writes
        // both as NIfTI that states an orientation, so only its result can still say the first one's was assumed.
        using var folder = new TempFolder();
        var phantom = PatientSimulator.Procedural(new PhantomOptions(7, 96, 96, 12), PatientLabel.Control).Volume;
        var (assumed, stated) = (Path.Combine(folder.Path, "assumed.nii"), Path.Combine(folder.Path, "stated.nii"));
        NiftiWriter.Write(phantom, assumed);
        NiftiWriter.Write(phantom, stated);
        using (var header = File.OpenWrite(assumed))
        {
            header.Position = 252; // qform_code, then sform_code (int16 each)
            header.Write(new byte[4]);
        }
        CohortBuildResult Build(string series, string name) =>
            CohortBuilder.Build(Tiny with { Procedural = new LabelCounts(0, 0), RealCt = [new RealCtSource(series, 2, 1)] }, Path.Combine(folder.Path, name), new CohortBuildOptions(ContactSheets: false));

        var warned = Build(assumed, "a");
        var silent = Build(stated, "b");

        var assumption = Assert.Single(warned.Assumptions);
        Assert.Equal(assumed, assumption.Source);
        Assert.Equal(3, warned.Patients.Count);
        Assert.Empty(silent.Assumptions);
    }

    [Fact]
    public void A_relative_real_series_without_a_shared_folder_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();
        var spec = Tiny with { RealCt = [new RealCtSource("lidc-idri/LIDC-IDRI-0001", 1, 0)] };
        var error = Assert.Throws<InvalidInputException>(() => CohortBuilder.Build(spec, folder.Path, new CohortBuildOptions(SharedData: null)));
        Assert.Contains("COVIDCT_SHARED_DATA", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
