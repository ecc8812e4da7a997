using System.Globalization;
using System.Text.Json;
using CovidCt.Data;
using CovidCt.Data.Nifti;

namespace CovidCt.Cli.Tests;

/// <summary>
/// Issue #14, Why, "Valid area on cropped slices": the lung-field step threw correct detections away and evaluate could not
/// switch it off. Now <c>evaluate --valid-area none</c> searches the whole slice, and the area the step removed is reported.
/// </summary>
public sealed class EvaluateValidAreaTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Valid_area_none_keeps_lesions_the_lung_field_step_removes_and_says_how_much_it_removed()
    {
        // A COVID-19 patient whose lesion lies outside the HU lung field (in the body above the lungs) on 3 consecutive slices.
        var outside = Phantom.OutsideLungs;
        var volume = Phantom.Volume([outside], [outside], [outside], []);
        NiftiWriter.Write(volume, Path.Combine(_models.Folder, "p.nii.gz"));
        NiftiWriter.Write(new LesionMask(volume.Geometry, volume.Hounsfield.Select(v => v == TestModels.LesionHu ? (byte)1 : (byte)0).ToArray(), "truth"), Path.Combine(_models.Folder, "p-mask.nii.gz"));
        var manifest = Path.Combine(_models.Folder, "manifest.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP,covid,p.nii.gz,p-mask.nii.gz,test\n");
        (string Decision, double Removed, int TruePositiveImages) Evaluate(params string[] extra)
        {
            var outFolder = Path.Combine(_models.Folder, "out");
            var run = CliRun.Of(["evaluate", "--model", _models.Lesion(32), "--cohort", manifest, "--out", outFolder, "--cache", Path.Combine(_models.Folder, "cache"), "--quiet", .. extra]);
            Assert.True(run.ExitCode == 0, run.Error);
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "metrics.json")));
            var decision = File.ReadAllLines(Path.Combine(outFolder, "patients.csv"))[1].Split(',')[2];
            return (decision, metrics.RootElement.GetProperty("valid_area_removed").GetProperty("removed_pixels").GetDouble(),
                metrics.RootElement.GetProperty("per_image").GetProperty("counts").GetProperty("tp").GetInt32());
        }

        var withStep = Evaluate();
        var without = Evaluate("--valid-area", "none");

        Assert.Equal("0", withStep.Decision);
        Assert.True(withStep.Removed > 0, string.Create(CultureInfo.InvariantCulture, $"the removed lesion area is not reported: {withStep.Removed}"));
        Assert.Equal(0, withStep.TruePositiveImages);
        Assert.Equal(("1", 0.0, 3), without);
    }
}
