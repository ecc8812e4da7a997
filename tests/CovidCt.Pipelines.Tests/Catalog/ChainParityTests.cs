using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Sweeps;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.Catalog;

/// <summary>
/// The ML.NET chain, the one-patient facade and the sweep over a grid of non-default options: every row must give the same
/// decisions per slice and per patient whichever way it runs.
/// </summary>
public sealed class ChainParityTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    /// <summary>threshold, min pixels, min mm² (or none), k, same quadrant, valid area (hu, model, none), cached.</summary>
    public static TheoryData<double, int, double?, int, bool, string, bool> Grid => new()
    {
        { 0.3, 10, null, 2, true, "hu", false },
        { 0.7, 0, null, 1, false, "hu", true },
        { 0.5, 20, null, 2, false, "model", false },
        { 0.4, 25, 30.0, 3, true, "model", true },
        { 0.6, 5, null, 2, true, "none", true },
        { 0.35, 15, 100.0, 1, false, "none", false },
    };

    [Theory]
    [MemberData(nameof(Grid))]
    public void The_chain_the_facade_and_the_sweep_give_identical_decisions(double threshold, int minPixels, double? minArea, int k, bool sameQuadrant, string validArea, bool cached)
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var model = _models.Lesion(32);
        var options = ParityOptions.Of(_models, threshold, minPixels, minArea, k, sameQuadrant, validArea);
        var cache = cached ? new ProbabilityCacheOptions(Path.Combine(_models.Folder, "cache"), CohortFingerprint.Compute(manifest)) : null;

        using var chain = new CohortDetection(new MLContext(seed: 1), model, options, cache);
        var viaChain = chain.Run(manifest);
        using var facade = new DetectionPipeline(model, options, cache);
        var viaFacade = CohortReader.ReadPatients(manifest).Select(p => facade.Run(p.Entry.PatientId, p.Volume)).ToArray();

        Assert.Equal(viaFacade.Select(r => r.PatientId), viaChain.Select(o => o.Result.PatientId));
        Assert.Equal(viaFacade.Select(r => r.Decision), viaChain.Select(o => o.Result.Decision));
        Assert.Equal(viaFacade.SelectMany(Slices), viaChain.SelectMany(o => Slices(o.Result)));
        if (cached)
        {
            // Warm: every map now comes from the cache, and the decisions are those of the cold run.
            Assert.Equal(3, facade.Scoring.CachedPatients);
            var warm = chain.Run(manifest);
            Assert.Equal(3, chain.Scoring.CachedPatients);
            Assert.Equal(viaChain.SelectMany(o => Slices(o.Result)), warm.SelectMany(o => Slices(o.Result)));
        }

        // The sweep's engine reads the minimum in pixels only; its one-setting row must equal the chain's tables.
        if (minArea is null)
        {
            var grid = new SweepGrid([threshold], [minPixels], [k], [sameQuadrant], [QuadrantAssignment.Centroid]);
            var row = Assert.Single(CohortSweep.Run(facade, manifest, null, grid, facade.Scoring.Cache).Rows);
            var evaluation = PipelineEvaluation.Compute(viaChain);
            Assert.Equal(evaluation.PatientCounts, row.Patient.Counts);
            Assert.Equal(evaluation.ImageCounts, row.Image.Counts);
        }
    }

    [Fact]
    public void The_grid_changes_decisions_so_parity_is_not_trivially_met()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var model = _models.Lesion(32);
        var decisions = Grid.Select(row =>
        {
            var o = ParityOptions.Of(_models, (double)row[0], (int)row[1], (double?)row[2], (int)row[3], (bool)row[4], (string)row[5]);
            using var chain = new CohortDetection(new MLContext(), model, o);
            var outcomes = chain.Run(manifest);
            return string.Join(",", outcomes.Select(p => p.Result.Decision.IsPositive)) + "|" + outcomes.Sum(p => p.Result.Slices.Count(s => s.Detection.IsPositive));
        }).Distinct().Count();
        Assert.True(decisions >= 3, $"only {decisions} distinct outcomes over the grid");
    }

    private static IEnumerable<(string, int, bool, double, string)> Slices(PatientResult result) =>
        result.Slices.Select(s => (result.PatientId, s.Index, s.Detection.IsPositive, s.Detection.Score,
            string.Join(" ", s.Detection.Boxes.Select(b => $"{b.Bounds}:{b.Pixels}:{b.Quadrants}:{b.MaxProbability:R}:{b.MeanProbability:R}:{b.AreaSquareMillimetres:R}"))));
}
