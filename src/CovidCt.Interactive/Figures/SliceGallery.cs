using System.Globalization;
using CovidCt.Data.Cohorts;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Errors;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Rendering;

namespace CovidCt.Interactive.Figures;

/// <summary>A titled set of slice figures, shown as a grid.</summary>
/// <param name="Title">What the set shows.</param>
/// <param name="Figures">The figures, in display order.</param>
public sealed record SliceGallery(string Title, IReadOnlyList<SliceFigure> Figures)
{
    /// <summary>
    /// The per-image errors of an evaluation, drawn as the study drew its figures: false positives (slices without a
    /// lesion that got a box; the most confident first) and false negatives (slices with a lesion and no box), at most
    /// <paramref name="perKind"/> of each, one slice per patient before a second from the same patient. Slices with
    /// unknown truth are never shown as errors. Only the patients shown are read from disk.
    /// </summary>
    /// <exception cref="ArgumentException">A patient of the evaluation is not in the manifest.</exception>
    public static SliceGallery Errors(PipelineEvaluation evaluation, CohortManifest manifest, int perKind = 4)
    {
        var wanted = ErrorSlices.Sample(evaluation, perKind);
        var figures = new List<SliceFigure>(wanted.Count);
        foreach (var patient in wanted.GroupBy(w => w.PatientId))
        {
            var entry = manifest.Entries.FirstOrDefault(e => e.PatientId == patient.Key)
                ?? throw new ArgumentException($"patient '{patient.Key}' is not in {manifest.Path}", nameof(manifest));
            var read = CohortReader.Read(entry);
            foreach (var error in patient)
            {
                var detail = error.FalsePositive ? $"box probability {Probability(error.Slice)}" : "no box";
                figures.Add(Render(read, error.Slice, $"{patient.Key} {SliceNumbers.Slice(error.Slice.Index, read.Volume.Geometry.Depth)}: {error.Kind}, {detail}"));
            }
        }
        // Reading grouped by patient shuffled the order: show false positives first, as selected.
        var order = wanted.Select((w, i) => (w.PatientId, w.Slice.Index, i)).ToDictionary(k => (k.PatientId, k.Index), k => k.i);
        var falsePositives = wanted.Count(w => w.FalsePositive);
        return new SliceGallery(
            $"Per-image errors: {falsePositives} false positive and {wanted.Count - falsePositives} false negative slices (red: boxes; green: true lesion outline)",
            figures.OrderBy(f => order[(f.PatientId, f.SliceIndex)]).ToArray());
    }

    /// <summary>
    /// Why models disagree on one patient: for every model of <paramref name="comparison"/> that called
    /// <paramref name="patientId"/> positive, the slices of the run that decided it (in anatomical order), drawn as the study
    /// drew its figures. A model that called the patient negative has no run to show; the title says which models did.
    /// The patient's volume is read once.
    /// </summary>
    /// <exception cref="ArgumentException">The patient is not in the comparison or not in the manifest.</exception>
    public static SliceGallery DecidingRuns(ModelComparison comparison, string patientId, CohortManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var outcomes = comparison.OutcomesOf(patientId);
        var entry = manifest.Entries.FirstOrDefault(e => e.PatientId == patientId)
            ?? throw new ArgumentException($"patient '{patientId}' is not in {manifest.Path}", nameof(manifest));
        var read = CohortReader.Read(entry);
        var figures = new List<SliceFigure>();
        foreach (var (model, outcome) in outcomes.Where(o => o.Outcome.Result.Decision.IsPositive))
        {
            var d = outcome.Result.Decision;
            var run = outcome.Result.Slices.OrderBy(s => s.Position).Skip(d.FirstSlice).Take(d.LastSlice - d.FirstSlice + 1);
            figures.AddRange(run.Select(slice => Render(read, slice,
                $"{model}: {patientId} {SliceNumbers.Slice(slice.Index, read.Volume.Geometry.Depth)}, run in the {QuadrantNames.Label(d.Quadrant)} quadrant, box probability {Probability(slice)}")));
        }
        var verdicts = string.Join("; ", outcomes.Select(o => $"{o.Model} {(o.Outcome.Result.Decision.IsPositive ? "positive" : "negative")}"));
        var label = outcomes[0].Outcome.IsCovid ? "COVID-19" : "control";
        return new SliceGallery($"{patientId} ({label}): {verdicts}. The runs that called it positive (red: boxes; green: true lesion outline)", figures);
    }

    private static SliceFigure Render(CohortPatient read, SliceResult slice, string caption)
    {
        var geometry = read.Volume.Geometry;
        var mask = read.Mask is null ? default : read.Mask.Slice(slice.Index);
        var png = RedBoxRenderer.Render(read.Volume.Slice(slice.Index), geometry.Width, geometry.Height, slice.Detection.Boxes, mask);
        return new SliceFigure(read.Entry.PatientId, slice.Index, caption, png);
    }

    // The slice's highest box probability, as captions print it.
    private static string Probability(SliceResult slice) => slice.Detection.Score.ToString("0.00", CultureInfo.InvariantCulture);
}
