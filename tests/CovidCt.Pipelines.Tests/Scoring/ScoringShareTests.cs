using CovidCt.Data.Cohorts;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>
/// Issue #20, item 3: with a segmentation model for the valid area, the chain's two models share one memory budget and one
/// set of cores (one queue of batches) instead of each taking all of both.
/// </summary>
public sealed class ScoringShareTests : IDisposable
{
    private const long Shipped = 128 * 128;
    private const long Study = 512 * 512;
    private const long GiB = 1L << 30;
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void The_budget_is_split_so_that_both_sessions_fit_with_fewer_batches_than_either_alone_would_run()
    {
        // 64 cores, 8 GiB: one study-size model alone runs 4 batches at once (0.5 + 4 x 1 GiB); two share 2 (2 x (0.5 + 2 x 1)).
        var alone = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 64, 8 * GiB);
        Assert.Equal((4, 16), (alone.ConcurrentBatches, alone.IntraOpThreads));
        var plans = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Study, null), new PlannedModel(Study, null)], cores: 64, 8 * GiB);
        Assert.All(plans, p => Assert.Equal((2, 32, 2, 5 * GiB, true), (p.ConcurrentBatches, p.IntraOpThreads, p.Models, p.EstimatedBytes, p.WithinBudget)));
        // A small segmentation model beside a study-size lesion model leaves room for 2 batches of each (1 + 2 x 1.25 GiB).
        var mixed = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Study, null), new PlannedModel(Shipped, 4)], cores: 64, 4 * GiB);
        Assert.Equal((2, 32), (mixed[0].ConcurrentBatches, mixed[0].IntraOpThreads));
        Assert.Equal((1, 4), (mixed[0].BatchSize, mixed[1].BatchSize));
        Assert.True(mixed[0].EstimatedBytes <= 4 * GiB);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(16)]
    public void The_two_models_never_have_more_busy_threads_than_cores(int cores)
    {
        foreach (var budget in new[] { GiB, 2 * GiB, 16 * GiB })
        {
            foreach (var pixels in new[] { Shipped, Study })
            {
                var plans = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Shipped, null), new PlannedModel(pixels, null)], cores, budget);
                // One queue: at most ConcurrentBatches batches run at once whichever model they belong to, each on IntraOpThreads.
                Assert.All(plans, p => Assert.Equal(cores, p.ConcurrentBatches * p.IntraOpThreads));
            }
        }
    }

    [Fact]
    public void Two_study_size_models_on_the_default_budget_release_each_batchs_activations_and_fit()
    {
        // Kept in their arenas, one batch of each is 2 x (0.5 + 1) GiB = 3 GiB over 2 GiB, though either model alone fits
        // (1.5 GiB); released after each batch, only the batch in flight holds activations: 2 x 0.5 + 1 = 2 GiB.
        var budget = ScoringPlan.DefaultMemoryBudgetBytes;
        var alone = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 2, budget);
        Assert.Equal((false, true), (alone.ReleasesActivations, alone.WithinBudget));
        var plan = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Study, null), new PlannedModel(Study, null)], cores: 2, budget)[0];
        Assert.Equal((1, 2, true, 2 * GiB, true), (plan.ConcurrentBatches, plan.IntraOpThreads, plan.ReleasesActivations, plan.EstimatedBytes, plan.WithinBudget));
        Assert.Equal("1 batch of 1 image at a time, of the 2 models' batches queued together, x 2 threads, about 2.0 GiB for the 2 models' sessions, "
            + "each batch's activations released after it (budget 2.0 GiB)", plan.Describe(budget));
        // Within the budget but slower: said before any number, with the budget that would keep them.
        var note = plan.BudgetWarning(budget);
        Assert.NotNull(note);
        Assert.Contains("the 2 models' sessions cannot each keep a scoring batch's activations within the memory budget of 2.0 GiB (that takes about 3.0 GiB)", note, StringComparison.Ordinal);
        Assert.Contains("Raise the memory budget (--memory-budget, or scoring.memory_budget_bytes in pipeline.json) to 3G or more to keep them", note, StringComparison.Ordinal);
        Assert.Equal([("memory.enable_memory_arena_shrinkage", "cpu:0")], BatchedOnnxScorer.RunConfig(plan));
        Assert.Empty(BatchedOnnxScorer.RunConfig(alone));
        // Models whose sessions fit together keep their activations between batches (no allocation per batch).
        var small = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Shipped, null), new PlannedModel(Shipped, null)], cores: 2, budget)[0];
        Assert.Equal((2, false), (small.ConcurrentBatches, small.ReleasesActivations));
        Assert.Null(small.BudgetWarning(budget));
        Assert.Empty(BatchedOnnxScorer.RunConfig(small));
        // With CUDA the activations are in the GPU's arena, which the CPU arena's shrinkage does not release: the warning instead.
        var cuda = ScoringPlan.ChooseShared(new OnnxScoringOptions { UseCuda = true }, [new PlannedModel(Study, null), new PlannedModel(Study, null)], cores: 2, budget)[0];
        Assert.Equal((false, false), (cuda.ReleasesActivations, cuda.WithinBudget));
    }

    [Fact]
    public void Two_study_size_models_below_what_one_batch_at_a_time_needs_are_a_warning_naming_both_sessions()
    {
        var budget = 3 * GiB / 2;
        var plan = ScoringPlan.ChooseShared(new OnnxScoringOptions(), [new PlannedModel(Study, null), new PlannedModel(Study, null)], cores: 2, budget)[0];
        Assert.Equal((1, 2, true, false), (plan.ConcurrentBatches, plan.IntraOpThreads, plan.ReleasesActivations, plan.WithinBudget));
        var warning = plan.BudgetWarning(budget);
        Assert.NotNull(warning);
        Assert.Contains("the 2 models' sessions with one scoring batch at a time are estimated at 2.0 GiB, above the memory budget of 1.5 GiB", warning, StringComparison.Ordinal);
        Assert.Contains("about 2.0 GiB for the 2 models' sessions, each batch's activations released after it (budget 1.5 GiB, exceeded with one batch at a time)", warning, StringComparison.Ordinal);
        Assert.Contains("--memory-budget", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_area_steps_scorer_gets_the_chains_plan_and_threads_in_the_chain_and_the_facade()
    {
        // 32 x 32 test models (4 MiB a batch): alone each fits a batch per core in this budget; together one batch, every core.
        var options = new PipelineOptions { ValidArea = { SegmentationModelPath = _models.Lung(32) } };
        options.Scoring.MemoryBudgetBytes = 2 * ScoringPlan.BaseBytes + 12L * 1024 * 1024;
        var lesion = _models.Lesion(32);
        using (var alone = new ValidAreaModel(_models.Lung(32), scoring: options.Scoring))
        {
            Assert.Equal((Environment.ProcessorCount, 1), (alone.Scorer.Plan.ConcurrentBatches, alone.Scorer.Plan.Models));
        }
        var ml = new MLContext();
        using var chain = ml.CovidCt().DetectCovidLesions(lesion, options).Fit(SliceDataView.Load(ml, []));
        var scoring = chain.OfType<LesionScoringTransformer>().Single().Scoring.Scorer;
        var segmentation = chain.OfType<ValidAreaTransformer>().Single().Step.Model!.Scorer;
        using var facade = new DetectionPipeline(lesion, options);
        foreach (var (a, b) in new[] { (scoring, segmentation), (facade.Scorer, facade.ValidArea.Model!.Scorer) })
        {
            Assert.Equal((1, Environment.ProcessorCount, 2, true), (a.Plan.ConcurrentBatches, a.Plan.IntraOpThreads, a.Plan.Models, a.Plan.WithinBudget));
            Assert.Equal(a.Plan, b.Plan);
            Assert.Same(a.Share, b.Share);
            Assert.Same(a.Share.Workers(), b.Share.Workers());
        }
        Assert.NotSame(scoring.Share, facade.Scorer.Share);
    }

    [Fact]
    public void Each_fit_of_a_chain_plans_its_own_share_from_the_options_as_they_are_then()
    {
        var options = new PipelineOptions();
        var ml = new MLContext();
        var estimator = ml.CovidCt().DetectCovidLesions(_models.Lesion(32), options);
        // A lung model named after the chain was built: planned at the fit, not refused or ignored.
        options.ValidArea.SegmentationModelPath = _models.Lung(32);
        using var first = estimator.Fit(SliceDataView.Load(ml, []));
        using var second = estimator.Fit(SliceDataView.Load(ml, []));
        var shares = new[] { first, second }.Select(chain => (
            Lesion: chain.OfType<LesionScoringTransformer>().Single().Scoring.Scorer,
            Lung: chain.OfType<ValidAreaTransformer>().Single().Step.Model!.Scorer)).ToArray();
        Assert.All(shares, s => Assert.Same(s.Lesion.Share, s.Lung.Share));
        Assert.All(shares, s => Assert.Equal(2, s.Lesion.Plan.Models));
        // Two fits hold four sessions: two shares, each budgeting its own two.
        Assert.NotSame(shares[0].Lesion.Share, shares[1].Lesion.Share);
    }

    [Fact]
    public void A_share_refuses_a_member_it_did_not_plan_without_counting_it()
    {
        var share = new ScoringShare(new OnnxScoringOptions(), [new ScoringShare.Member(_models.Lesion(32), new CovidCt.Pipelines.Preprocessing.PreprocessingOptions())]);
        var error = Assert.Throws<InvalidOperationException>(() => share.Join(1));
        Assert.Equal("a scoring share of 1 models has no member 1", error.Message);
        // Nothing joined: the queue cannot be had until a member has.
        Assert.Throws<ObjectDisposedException>(() => share.Workers());
    }

    [Fact]
    public void Without_a_segmentation_model_the_lesion_model_keeps_its_own_plan()
    {
        var options = new PipelineOptions();
        using var facade = new DetectionPipeline(_models.Lesion(32), options);
        Assert.Equal(ScoringPlan.Choose(options.Scoring, 32 * 32, Environment.ProcessorCount, options.Scoring.MemoryBudgetBytes), facade.Scorer.Plan);
        Assert.Equal(1, facade.Scorer.Plan.Models);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Areas_segmented_on_the_shared_queue_while_the_next_patient_is_scored_equal_one_model_at_a_time(bool releasesActivations)
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var lung = _models.Convolution(32);
        var options = new PipelineOptions { ValidArea = { SegmentationModelPath = lung, Region = ValidAreaRegion.Mask } };
        // Both sessions and one 32 x 32 batch: too little to keep a batch's activations in each session's arena.
        if (releasesActivations) options.Scoring.MemoryBudgetBytes = 2 * ScoringPlan.BaseBytes + options.Scoring.BatchSize * 32 * 32 * ScoringPlan.BytesPerInputPixel;
        using var detection = new CohortDetection(new MLContext(), _models.Lesion(32), options);
        var plan = detection.Scoring.Scorer.Plan;
        Assert.Equal((2, releasesActivations, true), (plan.Models, plan.ReleasesActivations, plan.WithinBudget));
        var outcomes = detection.Run(manifest);
        using var alone = new ValidAreaModel(lung);
        var patients = CohortReader.ReadPatients(manifest).ToArray();
        Assert.Equal(patients.Length, outcomes.Count);
        for (var p = 0; p < patients.Length; p++)
        {
            var volume = patients[p].Volume;
            var geometry = volume.Geometry;
            var slices = Enumerable.Range(0, geometry.Depth).Select(z => (ReadOnlyMemory<float>)volume.Hounsfield.AsMemory(z * geometry.SliceLength, geometry.SliceLength)).ToArray();
            var expected = alone.Segment(slices, geometry.Width, geometry.Height, volume.Source);
            Assert.Equal(expected.Select(a => a.Bounds), outcomes[p].Result.Slices.Select(s => s.ValidArea));
        }
    }

    [Fact]
    public void A_segmentation_model_returning_nan_on_the_shared_queue_fails_naming_the_file_and_slice()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var options = new PipelineOptions { ValidArea = { SegmentationModelPath = _models.NotANumber(32) } };
        using var detection = new CohortDetection(new MLContext(), _models.Lesion(32), options);
        Assert.Equal(2, detection.Scoring.Scorer.Plan.Models);
        var error = Assert.Throws<InvalidInputException>(() => detection.Run(manifest));
        Assert.Contains("p1.nii.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("the valid-area model returned NaN on slice 0", error.Message, StringComparison.Ordinal);
    }
}
