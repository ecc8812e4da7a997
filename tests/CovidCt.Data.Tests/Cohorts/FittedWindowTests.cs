using CovidCt.Data.Cohorts;
using CovidCt.Data.Slices;
using CovidCt.Data.Tests.Slices;
using CovidCt.Imaging;

namespace CovidCt.Data.Tests.Cohorts;

/// <summary>
/// Issue #14, a manifest row whose window is <c>fit</c>: every reader of the manifest (the command line, notebooks, cluster
/// workers, all through <see cref="CohortManifest.Load"/>) reads the slice at the window fitted from its own histogram, the
/// same window <see cref="CohortManifest.WithWindowsFitted"/> gives under <c>--window fit-per-image</c>; a slice from which no
/// window can be fitted is a problem naming the image and the row, never a read at a stand-in window.
/// </summary>
public sealed class FittedWindowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Air (20%), lung (10%), fat (20%) and soft tissue (50%), each spread by up to ±20 HU like scanner noise, exported at `window`.
    private void Exported(string name, HounsfieldWindow window) =>
        ImageFiles.Gray(_folder.File(name), 60, 60, (x, y) =>
        {
            var tissue = x < 12 ? WindowFit.AirHounsfield : x < 18 ? -850 : x < 30 ? WindowFit.FatHounsfield : WindowFit.SoftTissueHounsfield;
            return window.ToGray(tissue + (x * 7919 + y * 104729) % 41 - 20);
        });

    private string Manifest(string rows)
    {
        var path = _folder.File("images.csv");
        File.WriteAllText(path, "image_id,image,mask,split,window\n" + rows);
        return path;
    }

    [Fact]
    public void A_fit_row_is_read_at_the_window_fitted_from_its_own_slice()
    {
        Exported("wide.png", new HounsfieldWindow(2700, 330));
        Exported("stated.png", new HounsfieldWindow(1500, -600));

        var manifest = CohortManifest.Load(Manifest("wide,wide.png,,test,fit\nstated,stated.png,,test,1500/-600\n"));

        var fitted = Assert.Single(manifest.FittedWindows);
        Assert.Equal(("wide", 2), (fitted.ImageId, fitted.Line));
        Assert.Equal(SliceWindowFit.Of(_folder.File("wide.png")).Window, fitted.Window);
        Assert.InRange(fitted.Window.Width, 2700 * 0.97, 2700 * 1.03);
        Assert.Equal(fitted.Window, manifest.Entries[0].Window);
        Assert.Equal(new HounsfieldWindow(1500, -600), manifest.Entries[1].Window);
        var read = CohortReader.ReadPatients(manifest).First().Volume.Hounsfield.ToArray();
        Assert.Equal(CtReader.ReadSliceOrVolume(_folder.File("wide.png"), new CtReadOptions { Window = fitted.Window }).Hounsfield.ToArray(), read);
    }

    [Fact]
    public void A_fit_row_gives_the_window_the_fit_per_image_option_gives_the_same_slice()
    {
        Exported("a.png", new HounsfieldWindow(2700, 330));
        Exported("b.png", new HounsfieldWindow(3890, -100));
        var fitRows = CohortManifest.Load(Manifest("a,a.png,,test,fit\nb,b.png,,test,fit\n"));
        var optionRows = CohortManifest.Load(Manifest("a,a.png,,test,\nb,b.png,,test,\n")).WithWindowsFitted();

        Assert.Equal(fitRows.Entries.Select(e => e.Window), optionRows.Entries.Select(e => e.Window));
        Assert.Equal(fitRows.FittedWindows.Select(f => (f.ImageId, f.Window)), optionRows.FittedWindows.Select(f => (f.ImageId, f.Window)));
    }

    [Fact]
    public void A_slice_from_which_no_window_can_be_fitted_is_a_problem_naming_the_image_and_the_row()
    {
        Exported("good.png", new HounsfieldWindow(1500, -600));
        ImageFiles.Gray(_folder.File("black.png"), 16, 16, (_, _) => 0);

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(Manifest("good,good.png,,test,fit\nblack,black.png,,test,FIT\n")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal((3, "window"), (problem.Line, problem.Field));
        Assert.Contains(_folder.File("black.png"), problem.Message, StringComparison.Ordinal);
        Assert.Contains("too few pixels between black and white", problem.Message, StringComparison.Ordinal);
        Assert.Contains("state the window it was exported with", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_names_every_image_it_cannot_fit_too()
    {
        ImageFiles.Gray(_folder.File("black.png"), 16, 16, (_, _) => 0);
        var manifest = CohortManifest.Load(Manifest("black,black.png,,test,\n"));

        var e = Assert.Throws<CohortValidationException>(manifest.WithWindowsFitted);

        var problem = Assert.Single(e.Problems);
        Assert.Equal((2, "window"), (problem.Line, problem.Field));
        Assert.Contains(_folder.File("black.png"), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_on_a_patient_row_is_a_problem_a_patients_slices_share_one_window()
    {
        SlicePngWriter.WriteSlices(Volumes.Axial(), StudyProtocol.LungWindow, _folder.File("p1"));
        var path = _folder.File("patients.csv");
        File.WriteAllText(path, "patient_id,label,images,masks,split,window\np1,control,p1,,test,fit\n");

        var e = Assert.Throws<CohortValidationException>(() => CohortManifest.Load(path));

        var problem = Assert.Single(e.Problems);
        Assert.Equal((2, "window"), (problem.Line, problem.Field));
        Assert.Contains("applies to image-level manifests", problem.Message, StringComparison.Ordinal);
        File.WriteAllText(path, "patient_id,label,images,masks,split,window\np1,control,p1,,test,\n");
        Assert.Throws<InvalidOperationException>(CohortManifest.Load(path).WithWindowsFitted);
    }

    [Fact]
    public void A_poor_fit_is_kept_with_its_problems_for_the_caller_to_show()
    {
        Exported("deep.png", new HounsfieldWindow(4000, -1000));

        var fitted = Assert.Single(CohortManifest.Load(Manifest("deep,deep.png,,test,fit\n")).FittedWindows);

        Assert.True(fitted.Fit.IsPoor);
        Assert.Contains("is probably not air", Assert.Single(fitted.Fit.Problems), StringComparison.Ordinal);
    }
}
