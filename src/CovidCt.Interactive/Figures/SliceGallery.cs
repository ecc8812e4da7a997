using System.Globalization;
using CovidCt.Data.Cohorts;
using CovidCt.Interactive.Comparisons;
using CovidCt.Interactive.Formatting;
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
        ArgumentOutOfRangeException.ThrowIfNegative(perKind);
        var candidates = evaluation.Patients.SelectMany(p => p.Result.Slices.Select(s => (Outcome: p, Slice: s,
            Truth: s.Index < p.SliceTruth.Count ? p.SliceTruth[s.Index] : null))).ToArray();
        var falsePositives = Spread(candidates.Where(c => c.Truth == false && c.Slice.Detection.IsPositive)
            .OrderByDescending(c => c.Slice.Detection.Score), perKind);
        var falseNegatives = Spread(candidates.Where(c => c.Truth == true && !c.Slice.Detection.IsPositive), perKind);
        var wanted = falsePositives.Select(c => (c.Outcome, c.Slice, Kind: "false positive"))
            .Concat(falseNegatives.Select(c => (c.Outcome, c.Slice, Kind: "false negative"))).ToArray();

        var figures = new List<SliceFigure>(wanted.Length);
        foreach (var patient in wanted.GroupBy(w => w.Outcome.Result.PatientId))
        {
            var entry = manifest.Entries.FirstOrDefault(e => e.PatientId == patient.Key)
                ?? throw new ArgumentException($"patient '{patient.Key}' is not in {manifest.Path}", nameof(manifest));
            var read = CohortReader.Read(entry);
            foreach (var (_, slice, kind) in patient)
            {
                var detail = slice.Detection.IsPositive ? $"box probability {Probability(slice)}" : "no box";
                figures.Add(Render(read, slice, $"{patient.Key} slice {slice.Index + 1}: {kind}, {detail}"));
            }
        }
        // Reading grouped by patient shuffled the order: show false positives first, as selected.
        var order = wanted.Select((w, i) => (w.Outcome.Result.PatientId, w.Slice.Index, i)).ToDictionary(k => (k.PatientId, k.Index), k => k.i);
        return new SliceGallery(
            $"Per-image errors: {falsePositives.Count} false positive and {falseNegatives.Count} false negative slices (red: boxes; green: true lesion outline)",
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
                $"{model}: {patientId} slice {slice.Index + 1}, run in {TimelineHtml.Label(d.Quadrant)}, box probability {Probability(slice)}")));
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

    // Up to `count` candidates: first each patient's first candidate (in the given order), then each one's second, and so on.
    private static List<(PatientOutcome Outcome, SliceResult Slice, bool? Truth)> Spread(
        IEnumerable<(PatientOutcome Outcome, SliceResult Slice, bool? Truth)> ordered, int count) =>
        ordered.GroupBy(c => c.Outcome.Result.PatientId)
            .SelectMany(patient => patient.Select((candidate, round) => (candidate, round)))
            .OrderBy(c => c.round) // stable: within a round, patients keep the order of their first candidate
            .Take(count)
            .Select(c => c.candidate)
            .ToList();
}
