using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Evaluation;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.Evaluation;

public sealed class PipelineEvaluationTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void A_cohort_gives_the_per_image_and_per_patient_tables_with_unknown_truth_reported()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var evaluation = PipelineEvaluation.Compute(CohortDetection.Run(pipeline, manifest));

        Assert.Equal(new ConfusionCounts(TruePositives: 3, FalsePositives: 1, TrueNegatives: 5, FalseNegatives: 0), evaluation.ImageCounts);
        Assert.Equal(3, evaluation.ImagesWithoutTruth);
        Assert.Equal(new ConfusionCounts(TruePositives: 1, FalsePositives: 0, TrueNegatives: 1, FalseNegatives: 1), evaluation.PatientCounts);
        Assert.Equal(0.5, evaluation.PatientMetrics.Sensitivity.Value);
        Assert.NotNull(evaluation.PatientMetrics.Sensitivity.Interval);
        Assert.Equal(1.0, evaluation.ImageMetrics.Sensitivity.Value);
        // Patient scores: P1 1, P2 0, C1 0 -> P1 beats C1, P2 ties C1.
        Assert.Equal(0.75, evaluation.PatientRoc.Auc.Value!.Value, 9);
        // Images: 3 lesion slices at 1, 6 others of which the false positive also scores 1 -> (3 x 5 + 3 x 0.5) / 18.
        Assert.Equal(16.5 / 18, evaluation.ImageRoc!.Auc.Value!.Value, 9);
    }

    [Fact]
    public void Cached_maps_give_the_same_results_and_are_written_once_per_patient()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var cache = new ProbabilityMapCache(Path.Combine(_models.Folder, "cache"), ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));
        var direct = CohortDetection.Run(pipeline, manifest);
        var cold = CohortDetection.Run(pipeline, manifest, cache: cache);
        var warm = CohortDetection.Run(pipeline, manifest, cache: cache);
        Assert.Equal(3, Directory.GetFiles(cache.Folder, "*.pmap").Length);
        Assert.Equal(direct.Select(p => p.Result.Decision), warm.Select(p => p.Result.Decision));
        Assert.Equal(cold.SelectMany(p => p.Result.Slices.SelectMany(s => s.Detection.Boxes)), warm.SelectMany(p => p.Result.Slices.SelectMany(s => s.Detection.Boxes)));
    }

    [Fact]
    public void Each_patient_is_handed_to_the_callback_with_its_volume_and_outcome_in_cohort_order()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var seen = new List<(string Id, int Slices, bool Positive)>();
        var outcomes = CohortDetection.Run(pipeline, manifest, onPatient: (patient, outcome) =>
            seen.Add((patient.Entry.PatientId, patient.Volume.Geometry.Depth, outcome.Result.Decision.IsPositive)));
        Assert.Equal([("P1", 5, true), ("P2", 3, false), ("C1", 4, false)], seen);
        Assert.Equal(seen.Select(s => s.Id), outcomes.Select(o => o.Result.PatientId));
    }

    [Fact]
    public void The_cohort_fingerprint_changes_when_an_image_changes()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var before = CohortFingerprint.Compute(manifest);
        Assert.Equal(before, CohortFingerprint.Compute(manifest));
        File.AppendAllText(manifest.Entries[1].ImagesPath, "x");
        Assert.NotEqual(before, CohortFingerprint.Compute(manifest));
    }

    [Fact]
    public void The_slices_data_view_of_a_cohort_carries_labels_positions_and_slice_truth()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.CreateEnumerable<CtSliceRow>(SliceDataView.FromCohort(ml, manifest), reuseRowObject: false).ToArray();
        Assert.Equal(12, rows.Length);
        Assert.Equal(["P1", "P2", "C1"], rows.Select(r => r.PatientId).Distinct());
        Assert.Equal([false, true, true, true, false], rows.Where(r => r.PatientId == "P1").Select(r => r.SliceTruth));
        Assert.All(rows.Where(r => r.PatientId == "P2"), r => Assert.False(r.HasSliceTruth));
        Assert.All(rows.Where(r => r.PatientId == "C1"), r => Assert.True(r.HasSliceTruth && !r.SliceTruth && !r.Label));
        Assert.Equal([0, 2.5, 5], rows.Where(r => r.PatientId == "P2").Select(r => r.Position));
        Assert.Equal(64 * 64, rows[0].Hounsfield.Length);
    }

    [Fact]
    public void No_patients_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => PipelineEvaluation.Compute([]));
    }
}
