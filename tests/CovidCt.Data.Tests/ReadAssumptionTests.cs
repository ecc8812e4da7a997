using CovidCt.Data.IO;
using CovidCt.Data.Nifti;
using CovidCt.Data.Tests.Nifti;
using CovidCt.Testing.Fixtures;

namespace CovidCt.Data.Tests;

/// <summary>
/// Issue #14: the geometry a reader takes as given when the files do not state it is said on the volume
/// (<see cref="CtVolume.Assumptions"/>), once per volume with the file, the field and what was assumed; before, it was silent.
/// </summary>
public sealed class ReadAssumptionTests : IDisposable
{
    private const string Orientation = "(0020,0037) Image Orientation (Patient)";
    private const string Position = "(0020,0032) Image Position (Patient)";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_series_without_orientation_is_read_as_axial_with_one_warning_naming_the_slice_count()
    {
        // Files listed head to feet, instance numbers the wrong way round: only the positions' z can give the order.
        for (var i = 0; i < 3; i++) new TestDicom { Orientation = null, Position = [0, 0, 10 - 5 * i], InstanceNumber = i + 1 }.Filled((short)(100 * i)).Save(_folder.File($"s/{i}.dcm"));

        var volume = CtReader.Read(_folder.File("s"));

        var assumption = Assert.Single(volume.Assumptions);
        Assert.Equal(_folder.File("s"), assumption.Source);
        Assert.Equal(Orientation, assumption.Field);
        Assert.Contains("missing on all 3 slices", assumption.Assumed, StringComparison.Ordinal);
        Assert.Contains("read as axial", assumption.Assumed, StringComparison.Ordinal);
        Assert.StartsWith($"{_folder.File("s")}, field '{Orientation}': missing on all 3 slices", assumption.Warning, StringComparison.Ordinal);
        Assert.Contains("silences this warning", assumption.Warning, StringComparison.Ordinal);
        // Ordered by the positions along the assumed axial normal (feet to head), not by Instance Number.
        Assert.Equal(new[] { 0.0, 5.0, 10.0 }, volume.Geometry.SlicePositions);
        Assert.Equal(-1024f + 200, volume.Slice(0)[0]);
        Assert.Equal(new Vector3D(1, 0, 0), volume.Geometry.RowDirection);
    }

    [Fact]
    public void A_series_without_positions_is_ordered_by_instance_number_and_spaced_by_its_thickness_with_one_warning()
    {
        for (var i = 0; i < 4; i++) new TestDicom { Position = null, InstanceNumber = 4 - i }.Filled((short)(100 * i)).Save(_folder.File($"s/{i}.dcm"));

        var volume = CtReader.Read(_folder.File("s"));

        var assumption = Assert.Single(volume.Assumptions);
        Assert.Equal(Position, assumption.Field);
        Assert.Contains("missing on all 4 slices, so they were ordered by Instance Number and spaced by their Slice Thickness, 2.5 mm (positions 0 to 7.5 mm)", assumption.Assumed, StringComparison.Ordinal);
        Assert.Contains("the patient rule counts consecutive slices in this order", assumption.Consequence, StringComparison.Ordinal);
        Assert.Equal(new[] { 0.0, 2.5, 5.0, 7.5 }, volume.Geometry.SlicePositions);
        Assert.Equal(-1024f + 300, volume.Slice(0)[0]);
    }

    [Fact]
    public void Without_positions_and_thickness_the_warning_says_the_slices_are_1_mm_apart()
    {
        for (var i = 0; i < 2; i++) new TestDicom { Position = null, SliceThickness = null, InstanceNumber = i + 1 }.Filled(0).Save(_folder.File($"s/{i}.dcm"));

        var volume = CtReader.Read(_folder.File("s"));

        var assumption = Assert.Single(volume.Assumptions);
        Assert.Contains("spaced 1 mm apart (Slice Thickness is missing or not positive too)", assumption.Assumed, StringComparison.Ordinal);
        Assert.Equal(new[] { 0.0, 1.0 }, volume.Geometry.SlicePositions);
    }

    [Fact]
    public void A_series_without_orientation_or_positions_gives_both_warnings_once_each()
    {
        for (var i = 0; i < 300; i++) new TestDicom { Rows = 2, Columns = 2, Orientation = null, Position = null, InstanceNumber = i + 1 }.Filled(0).Save(_folder.File($"s/{i:000}.dcm"));

        var volume = CtReader.Read(_folder.File("s"));

        Assert.Equal([Orientation, Position], volume.Assumptions.Select(a => a.Field));
        Assert.All(volume.Assumptions, a => Assert.Contains("missing on all 300 slices", a.Assumed, StringComparison.Ordinal));
    }

    [Fact]
    public void Positions_on_some_slices_but_not_on_others_are_an_error_naming_a_file_without_one()
    {
        new TestDicom { Position = [0, 0, 0], InstanceNumber = 1 }.Filled(0).Save(_folder.File("s/a.dcm"));
        new TestDicom { Position = null, InstanceNumber = 2 }.Filled(0).Save(_folder.File("s/b.dcm"));
        new TestDicom { Position = [0, 0, 5], InstanceNumber = 3 }.Filled(0).Save(_folder.File("s/c.dcm"));

        var error = Assert.Throws<InvalidInputException>(() => CtReader.Read(_folder.File("s")));

        Assert.Equal(_folder.File("s/b.dcm"), error.File);
        Assert.Equal(Position, error.Field);
        Assert.Contains("missing on 1 of 3 slices but present on the others", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_that_states_its_geometry_and_one_file_without_a_position_assume_nothing()
    {
        for (var i = 0; i < 3; i++) new TestDicom { Position = [0, 0, 2.5 * i] }.Filled(0).Save(_folder.File($"s/{i}.dcm"));
        new TestDicom { Position = null }.Filled(0).Save(_folder.File("one.dcm"));

        Assert.Empty(CtReader.Read(_folder.File("s")).Assumptions);
        // One slice has no order to get wrong; its orientation is stated.
        Assert.Empty(CtReader.ReadSliceOrVolume(_folder.File("one.dcm")).Assumptions);
    }

    [Fact]
    public void One_DICOM_file_without_orientation_says_it_was_read_as_axial()
    {
        new TestDicom { Orientation = null }.Filled(0).Save(_folder.File("one.dcm"));

        var assumption = Assert.Single(CtReader.ReadSliceOrVolume(_folder.File("one.dcm")).Assumptions);
        Assert.Equal(Orientation, assumption.Field);
        Assert.Contains("missing on its one slice", assumption.Assumed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NIfTI_file_with_sform_and_qform_codes_0_is_read_as_standard_axial_with_a_warning()
    {
        var path = _folder.File("no-orientation.nii");
        new RawNifti { PixDim = [1, 0.7f, 0.8f, 2.5f, 0, 0, 0, 0] }.WithInt16(1, 2, 3, 4, 5, 6, 7, 8).Save(path);

        var volume = NiftiReader.ReadVolume(path);

        var assumption = Assert.Single(volume.Assumptions);
        Assert.Equal(path, assumption.Source);
        Assert.Equal("sform_code, qform_code", assumption.Field);
        Assert.Contains("both are 0, so the file states no orientation and was read as standard axial from pixdim alone (0.7 x 0.8 x 2.5 mm)", assumption.Assumed, StringComparison.Ordinal);
        Assert.StartsWith($"{path}, field 'sform_code, qform_code': both are 0", assumption.Warning, StringComparison.Ordinal);
        Assert.Equal(assumption.Warning, Assert.Single(CtReader.Read(path).Assumptions).Warning);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void A_NIfTI_file_with_an_sform_or_a_qform_assumes_nothing(short sform, short qform)
    {
        var path = _folder.File("oriented.nii");
        new RawNifti { SformCode = sform, QformCode = qform }.WithInt16(1, 2, 3, 4, 5, 6, 7, 8).Save(path);

        Assert.Empty(NiftiReader.ReadVolume(path).Assumptions);
    }

    [Fact]
    public void A_volume_written_by_our_NIfTI_writer_assumes_nothing()
    {
        var path = _folder.File("ours.nii.gz");
        NiftiWriter.Write(new CtVolume(VolumeGeometry.Axial(4, 3, 2, 0.7, 2.5), new float[24], "generated"), path);

        Assert.Empty(CtReader.Read(path).Assumptions);
    }

    [Fact]
    public void The_default_cohort_assumes_nothing()
    {
        var manifest = Data.Cohorts.CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));

        Assert.All(Data.Cohorts.CohortReader.ReadPatients(manifest), p => Assert.Empty(p.Volume.Assumptions));
    }

    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001")]
    [InlineData("LIDC-IDRI-0003")]
    public void The_real_LIDC_series_assume_nothing(string patient)
    {
        Assert.Empty(CtReader.Read(SharedData.LidcPatient(patient)).Assumptions);
    }
}
