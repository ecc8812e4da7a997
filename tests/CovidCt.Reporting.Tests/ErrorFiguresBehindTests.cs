using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Tests;

/// <summary>
/// Issue #20, work around the model off the critical path: <c>evaluate</c> draws each patient's error figures on another
/// thread while the next is scored (<see cref="ErrorFigures.DrawBehind"/>); the figures must be those drawn in place.
/// </summary>
public sealed class ErrorFiguresBehindTests : IDisposable
{
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Repository.File("datasets", "default", "manifest.csv"));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "covidct-figures-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // Three controls of the default cohort, each with a false positive on a different slice.
    private static (CohortPatient Patient, Pipelines.Evaluation.PatientOutcome Outcome)[] ControlsWithFalsePositives() =>
        DefaultCohort.Entries.Where(e => e.Label == PatientLabel.Control).Take(3).Select((entry, i) =>
        {
            var patient = CohortReader.Read(entry);
            var depth = patient.Volume.Geometry.Depth;
            var slices = Enumerable.Range(0, depth).Select(z => z == i + 1 ? Outcomes.Slice(z, (Quadrant.UpperRight, 0.8)) : Outcomes.Slice(z)).ToArray();
            return (patient, Outcomes.Patient(entry.PatientId, false, Enumerable.Repeat<bool?>(false, depth).ToArray(), slices));
        }).ToArray();

    [Fact]
    public void Figures_drawn_behind_are_the_figures_drawn_in_place_in_the_same_order()
    {
        var patients = ControlsWithFalsePositives();
        var inPlace = Path.Combine(_folder, "in-place");
        var behind = Path.Combine(_folder, "behind");
        using var drawn = new ErrorFigures(inPlace);
        foreach (var (patient, outcome) in patients) drawn.Add(patient, outcome);
        using var background = new ErrorFigures(behind);
        foreach (var (patient, outcome) in patients) background.DrawBehind(patient, outcome);

        Assert.Equal(drawn.Figures, background.Figures);
        Assert.Equal(3, background.Figures.Count);
        foreach (var figure in drawn.Figures)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(inPlace, figure.RelativePath)), File.ReadAllBytes(Path.Combine(behind, figure.RelativePath)));
        }
    }

    [Fact]
    public void A_figure_that_cannot_be_written_fails_naming_it_when_the_figures_are_read()
    {
        var (patient, outcome) = ControlsWithFalsePositives()[0];
        using var figures = new ErrorFigures(_folder);
        // A folder where the figure's file should go: the PNG cannot be written.
        var blocked = Path.Combine(_folder, ErrorFigures.FolderName, $"{patient.Entry.PatientId}-slice002-fp.png");
        Directory.CreateDirectory(blocked);
        figures.DrawBehind(patient, outcome);
        var error = Assert.Throws<InvalidInputException>(() => figures.Figures);
        Assert.Contains(blocked, error.Message, StringComparison.Ordinal);
    }
}
