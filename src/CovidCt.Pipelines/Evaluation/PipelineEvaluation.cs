using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// The study's two tables from pipeline results: per image (slice decision against slice truth) and per patient (rule against
/// label), each with confusion counts, the diagnostic metrics with confidence intervals, and the ROC of the matching score.
/// </summary>
public sealed class PipelineEvaluation
{
    private PipelineEvaluation(ConfusionCounts imageCounts, int imagesWithoutTruth, RocCurve? imageRoc, ImageScore imageScore, ConfusionCounts patientCounts, RocCurve patientRoc,
        ProportionInterval method, double level, IReadOnlyList<PatientOutcome> patients)
    {
        ImageScore = imageScore;
        ImageCounts = imageCounts;
        ImagesWithoutTruth = imagesWithoutTruth;
        ImageMetrics = DiagnosticMetrics.Compute(imageCounts, method, level);
        ImageRoc = imageRoc;
        PatientCounts = patientCounts;
        PatientMetrics = DiagnosticMetrics.Compute(patientCounts, method, level);
        PatientRoc = patientRoc;
        Patients = patients;
    }

    /// <summary>Per-image confusion counts over slices with a known truth.</summary>
    public ConfusionCounts ImageCounts { get; }

    /// <summary>Slices left out of the per-image table because their truth is unknown (COVID-19 patients without masks); reported, never silently dropped.</summary>
    public int ImagesWithoutTruth { get; }

    /// <summary>Per-image sensitivity, specificity, PPV, NPV, accuracy, ... with intervals; undefined (with the reason) where a denominator is 0.</summary>
    public DiagnosticMetrics ImageMetrics { get; }

    /// <summary>ROC of the image score (<see cref="ImageScore"/>) against slice truth, or null when no slice has a known truth.</summary>
    public RocCurve? ImageRoc { get; }

    /// <summary>The score that ranks the slices in <see cref="ImageRoc"/>: every slice's <see cref="SliceDetection.ImageScore"/>.</summary>
    public ImageScore ImageScore { get; }

    /// <summary>Per-patient confusion counts.</summary>
    public ConfusionCounts PatientCounts { get; }

    /// <summary>Per-patient metrics with intervals.</summary>
    public DiagnosticMetrics PatientMetrics { get; }

    /// <summary>ROC of the patient score (see <see cref="PostProcessing.PatientDecision.Score"/>) against the label.</summary>
    public RocCurve PatientRoc { get; }

    /// <summary>The outcomes evaluated, in input order.</summary>
    public IReadOnlyList<PatientOutcome> Patients { get; }

    /// <summary>Joins decisions with truth and computes both tables.</summary>
    /// <exception cref="ArgumentException">When there are no patients, a patient's truth does not have one entry per slice, or the slices were scored by different image scores.</exception>
    public static PipelineEvaluation Compute(IReadOnlyList<PatientOutcome> patients, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (patients.Count == 0) throw new ArgumentException("no patients to evaluate", nameof(patients));
        var imageScores = new List<double>();
        var imageTruth = new List<bool>();
        var imageDecisions = new List<bool>();
        var unknown = 0;
        var imageScore = patients[0].Result.Slices.FirstOrDefault()?.Detection.ImageScore ?? ImageScore.MaxPixel;
        foreach (var patient in patients)
        {
            var slices = patient.Result.Slices;
            if (patient.SliceTruth.Count != slices.Count)
            {
                throw new ArgumentException($"patient '{patient.Result.PatientId}' has {slices.Count} slices but {patient.SliceTruth.Count} truth values", nameof(patients));
            }
            foreach (var slice in slices)
            {
                if (slice.Detection.ImageScore != imageScore)
                {
                    throw new ArgumentException($"patient '{patient.Result.PatientId}' slice {slice.Index} is scored by {slice.Detection.ImageScore}, others by {imageScore}; one ROC needs one score", nameof(patients));
                }
                if (patient.SliceTruth[slice.Index] is not { } truth)
                {
                    unknown++;
                    continue;
                }
                imageScores.Add(slice.Detection.Score);
                imageTruth.Add(truth);
                imageDecisions.Add(slice.Detection.IsPositive);
            }
        }
        var patientTruth = patients.Select(p => p.IsCovid).ToArray();
        var patientCounts = ConfusionCounts.FromDecisions(patientTruth, patients.Select(p => p.Result.Decision.IsPositive).ToArray());
        var patientRoc = Roc.FromScores(labels: patientTruth, scores: patients.Select(p => p.Result.Decision.Score).ToArray(), level: level);
        var imageCounts = imageTruth.Count == 0 ? new ConfusionCounts(0, 0, 0, 0) : ConfusionCounts.FromDecisions(imageTruth, imageDecisions);
        var imageRoc = imageTruth.Count == 0 ? null : Roc.FromScores(labels: imageTruth, scores: imageScores, level: level);
        return new PipelineEvaluation(imageCounts, unknown, imageRoc, imageScore, patientCounts, patientRoc, method, level, patients);
    }
}
