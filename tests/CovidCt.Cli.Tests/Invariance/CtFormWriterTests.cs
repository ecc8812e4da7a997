using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Imaging;
using CovidCt.Testing.Invariance;

namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// The invariance suite's exporters on a phantom, without the real data: every form reads back through the manifest with
/// the reference's slices and per-slice truth, HU forms exactly, 8-bit forms at their stated window, edited forms at the
/// edited size. A broken exporter would make the suite compare the wrong things.
/// </summary>
public sealed class CtFormWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static InvariancePatient Patient()
    {
        var ul = Phantom.UpperLeft;
        var volume = Phantom.Volume([], [ul], [ul, Phantom.LowerRight], []);
        var mask = new LesionMask(volume.Geometry, volume.Hounsfield.Select(v => v == TestModels.LesionHu ? (byte)1 : (byte)0).ToArray(), "truth");
        return new InvariancePatient("real-001", PatientLabel.Covid, volume, mask);
    }

    private CohortPatient ReadBack(CtForm form)
    {
        var manifest = CohortManifest.Load(CtFormWriter.Write(form, [Patient()], Path.Combine(_folder.Path, form.Name)));
        return CohortReader.ReadPatients(manifest).Single();
    }

    public static TheoryData<string> Forms => new(CtForm.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_reads_back_with_the_reference_slices_and_truth(string name)
    {
        var form = CtForm.Named(name);
        var read = ReadBack(form);

        Assert.Equal([false, true, true, false], read.SliceTruth);
        Assert.Equal(form.Window, read.Entry.Window);
        var (width, height) = form.Geometry switch
        {
            SliceGeometryChange.Pad => (Phantom.Size + 37 + 64, Phantom.Size + 21 + 90),
            SliceGeometryChange.Resize531x530 => (531, 530),
            _ => (Phantom.Size, Phantom.Size),
        };
        Assert.Equal((width, height, 4), (read.Volume.Geometry.Width, read.Volume.Geometry.Height, read.Volume.Geometry.Depth));
        // Lesion pixels survive every edit: the crop keeps the body, the pad adds none, enlarging keeps every mask pixel.
        Assert.True(read.Mask!.LesionPixels(2) >= Patient().Mask!.LesionPixels(2));
    }

    [Theory]
    [InlineData("dicom")]
    [InlineData("nifti")]
    public void Hounsfield_forms_keep_every_voxel(string name) =>
        Assert.Equal(Patient().Volume.Hounsfield, ReadBack(CtForm.Named(name)).Volume.Hounsfield);

    [Theory]
    [InlineData("png-w1200-l-700")]
    [InlineData("png-w1500-l-600")]
    [InlineData("png-w2000-l-100")]
    [InlineData("rgb-png")]
    public void Lossless_slice_forms_keep_the_windowed_gray_of_every_voxel(string name)
    {
        var form = CtForm.Named(name);
        var window = form.Window!;
        var expected = Patient().Volume.Hounsfield.Select(hu => window.ToHounsfield(window.ToGray(hu))).ToArray();
        Assert.Equal(expected, ReadBack(form).Volume.Hounsfield);
    }

    [Fact]
    public void Jpeg_at_quality_90_stays_within_a_few_gray_steps()
    {
        var window = StudyProtocol.LungWindow;
        var expected = Patient().Volume.Hounsfield.Select(hu => (int)window.ToGray(hu)).ToArray();
        var read = ReadBack(CtForm.Named("jpeg-q90")).Volume.Hounsfield.Select(hu => (int)window.ToGray(hu)).ToArray();
        var median = expected.Zip(read, (e, r) => Math.Abs(e - r)).Order().ElementAt(expected.Length / 2);
        Assert.InRange(median, 0, 3);
        Assert.NotEqual(expected, read);
    }

    [Fact]
    public void The_chest_crop_is_the_body_with_a_margin_and_never_cuts_into_it()
    {
        var volume = Patient().Volume;
        // The body (40 HU) starts 2 pixels in; a 6-pixel margin reaches past every edge of the 64 x 64 slice.
        Assert.Equal(new SliceReshape.Crop(0, 0, Phantom.Size, Phantom.Size), SliceGeometryChanges.For(SliceGeometryChange.CropToChest, volume));
        var narrow = new CtVolume(volume.Geometry, volume.Hounsfield.Select((hu, i) => i % Phantom.Size is < 20 or >= 50 ? -1000f : hu).ToArray(), "narrow chest");
        Assert.Equal(new SliceReshape.Crop(14, 0, 42, Phantom.Size), SliceGeometryChanges.For(SliceGeometryChange.CropToChest, narrow));
    }
}
