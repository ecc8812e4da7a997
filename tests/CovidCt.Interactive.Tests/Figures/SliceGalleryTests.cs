using CovidCt.Data.Cohorts;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;
using CovidCt.Interactive.Figures;
using CovidCt.Interactive.Formatting;
using CovidCt.Interactive.Workspace;
using CovidCt.Interactive.Tests.Formatting;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Interactive.Tests.Figures;

public sealed class SliceGalleryTests
{
    // The default cohort ships in the repository (datasets/default): real NIfTI volumes and masks to draw on.
    private static readonly CohortManifest DefaultCohort = CohortManifest.Load(Path.Combine(NotebookWorkspace.Find(AppContext.BaseDirectory).Root, "datasets", "default", "manifest.csv"));

    [Fact]
    public void Errors_are_drawn_false_positives_first_most_confident_first()
    {
        var control = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Control);
        var covid = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Covid);
        var covidPatient = CohortReader.Read(covid);
        var lesionSlice = covidPatient.SliceTruth.ToList().IndexOf(true);
        var controlDepth = CohortReader.Read(control).Volume.Geometry.Depth;

        // The control gets boxes on two slices (false positives); the COVID-19 patient gets none (false negatives).
        var controlSlices = Enumerable.Range(0, controlDepth).Select(z => z switch
        {
            3 => Detections.Slice(z, (Quadrant.UpperLeft, 0.6)),
            5 => Detections.Slice(z, (Quadrant.UpperLeft, 0.9)),
            _ => Detections.Slice(z),
        }).ToArray();
        var covidSlices = Enumerable.Range(0, covidPatient.Volume.Geometry.Depth).Select(z => Detections.Slice(z)).ToArray();
        var evaluation = PipelineEvaluation.Compute(
        [
            Detections.Outcome(Detections.Patient(control.PatientId, controlSlices), false, Enumerable.Repeat<bool?>(false, controlDepth).ToArray()),
            Detections.Outcome(Detections.Patient(covid.PatientId, covidSlices), true, covidPatient.SliceTruth.ToArray()),
        ]);

        var gallery = SliceGallery.Errors(evaluation, DefaultCohort, perKind: 2);

        Assert.Equal(
            [$"{control.PatientId} slice 6 of {controlDepth}: false positive, box probability 0.90", $"{control.PatientId} slice 4 of {controlDepth}: false positive, box probability 0.60",
             $"{covid.PatientId} slice {lesionSlice + 1} of {covidPatient.Volume.Geometry.Depth}: false negative, no box"],
            gallery.Figures.Take(3).Select(f => f.Caption));
        Assert.Equal(4, gallery.Figures.Count);
        Assert.All(gallery.Figures, f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], f.Png.Take(4)));
        Assert.Contains("2 false positive and 2 false negative slices", gallery.Title);
    }

    [Fact]
    public void The_gallery_embeds_each_png_with_its_caption()
    {
        var figure = new SliceFigure("p<1>", 0, "p<1> slice 1: false positive", [1, 2, 3]);

        var html = FigureHtml.Gallery(new SliceGallery("errors", [figure]));

        Assert.Contains("<img src=\"data:image/png;base64,AQID\" alt=\"p&lt;1&gt; slice 1: false positive\" width=\"256\"/>", html);
        Assert.Contains("No slices to show.", FigureHtml.Gallery(new SliceGallery("errors", [])));
    }

    [Fact]
    public void Deciding_runs_show_the_run_of_each_model_that_called_the_patient_positive()
    {
        var control = DefaultCohort.Entries.First(e => e.Label == PatientLabel.Control);
        bool?[] truth = [false, false, false, false, false];
        ModelRun Run(string name, PatientResult result) => new(name, PipelineEvaluation.Compute(
            [Detections.Outcome(result, false, truth), Detections.Outcome(Detections.Negative("other"), false, truth)]));
        var comparison = ModelComparison.Compute([Run("A", Detections.Positive(control.PatientId)), Run("B", Detections.Negative(control.PatientId))]);

        var gallery = SliceGallery.DecidingRuns(comparison, control.PatientId, DefaultCohort);

        // Detections.Positive boxes the upper left on slices 2-4: A's run; B called the patient negative and has none.
        Assert.Equal([1, 2, 3], gallery.Figures.Select(f => f.SliceIndex));
        var depth = CohortReader.Read(control).Volume.Geometry.Depth;
        Assert.Equal($"A: {control.PatientId} slice 2 of {depth}, run in the upper left quadrant, box probability 0.90", gallery.Figures[0].Caption);
        Assert.StartsWith($"{control.PatientId} (control): A positive; B negative.", gallery.Title);
        Assert.All(gallery.Figures, f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], f.Png.Take(4)));
    }
}
