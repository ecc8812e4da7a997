using CovidCt.Imaging;
using CovidCt.Data.Slices;

namespace CovidCt.Data.Tests.RealData;

/// <summary>
/// The window plausibility check on real slices: the public COVID-19 set (exported with a window wider and higher than the study's) read at the study
/// window must be flagged and read at its fitted window must not; LIDC-IDRI slices exported here at known windows must fit
/// back to them.
/// </summary>
public sealed class SliceWindowCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Public_covid_slices_read_at_the_study_window_are_flagged_and_fit_their_export_window()
    {
        var images = Path.Combine(CovidSemiseg(), "images");

        var atStudy = SliceWindowCheck.Check(images, StudyProtocol.LungWindow);
        Assert.True(atStudy.IsImplausible, atStudy.Describe());
        var fitted = atStudy.Fit!.BestWindow!;
        // The set's slices are brighter than a lung window makes them: soft tissue sits well below gray 255.
        Assert.False(atStudy.Fit.SoftTissueClipped);
        Assert.True(fitted.Level >= StudyProtocol.WindowLevel + 100, fitted.ToString());

        var atFitted = SliceWindowCheck.Check(images, fitted);
        Assert.False(atFitted.IsImplausible, atFitted.Describe());
        // Measured: the slices' modes (lungs near gray 44, soft tissue near 210) put them near W1300/L-560, not at the
        // W2700/L330 once estimated from another public set, which would read soft tissue as bone.
        Assert.True(SliceWindowCheck.Check(images, new HounsfieldWindow(2700, 330)).IsImplausible);
    }

    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001", 2700, 330)]
    [InlineData("LIDC-IDRI-0001", 2000, -100)]
    [InlineData("LIDC-IDRI-0003", 1600, -300)]
    public void Slices_exported_at_a_known_window_fit_back_to_it(string patient, double width, double level)
    {
        var volume = CtReader.Read(SharedData.LidcPatient(patient));
        var window = new HounsfieldWindow(width, level);
        SlicePngWriter.WriteSlices(volume, window, _folder.Path);

        var report = SliceWindowCheck.Check(_folder.Path, window);

        Assert.False(report.IsImplausible, report.Describe());
        var fitted = report.Fit!.BestWindow!;
        Assert.InRange(fitted.Width, width * 0.85, width * 1.15);
        Assert.InRange(fitted.Level, level - 0.1 * width, level + 0.1 * width);
    }

    [SkippableFact]
    public void Slices_exported_at_the_study_window_are_plausible_at_it_and_flagged_at_a_soft_tissue_window()
    {
        var volume = CtReader.Read(SharedData.LidcPatient("LIDC-IDRI-0001"));
        SlicePngWriter.WriteSlices(volume, StudyProtocol.LungWindow, _folder.Path);

        Assert.False(SliceWindowCheck.Check(_folder.Path, StudyProtocol.LungWindow).IsImplausible);
        Assert.True(SliceWindowCheck.Check(_folder.Path, new HounsfieldWindow(400, 40)).IsImplausible);
    }

    private static string CovidSemiseg()
    {
        Skip.If(SharedData.Root is null, $"{SharedData.Variable} is not set; set it to the folder that holds covid-semiseg-doctor50/ to run the real-data tests");
        var folder = Path.Combine(SharedData.Root!, "covid-semiseg-doctor50");
        Assert.True(Directory.Exists(folder), $"{SharedData.Variable}={SharedData.Root} but {folder} does not exist");
        return folder;
    }
}
