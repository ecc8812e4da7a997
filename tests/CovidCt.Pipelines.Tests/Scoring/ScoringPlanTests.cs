using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

public sealed class ScoringPlanTests : IDisposable
{
    private const long Shipped = 128 * 128;
    private const long Study = 512 * 512;
    private const long TwoGiB = ScoringPlan.DefaultMemoryBudgetBytes;
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void A_small_model_gets_one_single_threaded_batch_per_core()
    {
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Shipped, cores: 2, TwoGiB);
        Assert.Equal((2, 1, 1), (plan.ConcurrentBatches, plan.IntraOpThreads, plan.BatchSize));
        Assert.True(plan.WithinBudget);
    }

    [Fact]
    public void A_study_size_model_on_the_default_budget_runs_one_batch_on_every_core()
    {
        // Two 512x512 activation sets (about 1 GB each) do not fit 2 GiB with the runtime beside them: one batch, both cores.
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 2, TwoGiB);
        Assert.Equal((1, 2), (plan.ConcurrentBatches, plan.IntraOpThreads));
        Assert.True(plan.EstimatedBytes <= TwoGiB);
    }

    [Fact]
    public void Batches_times_threads_use_every_core_and_the_budget_bounds_the_batches_on_a_large_host()
    {
        // 64 cores: not one activation set per core. 4 GiB holds three study-size sets; the largest divisor of 64 is 2.
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 64, 4L * 1024 * 1024 * 1024);
        Assert.Equal((2, 32), (plan.ConcurrentBatches, plan.IntraOpThreads));
        Assert.True(plan.EstimatedBytes <= 4L * 1024 * 1024 * 1024);
        var small = ScoringPlan.Choose(new OnnxScoringOptions(), Shipped, cores: 64, TwoGiB);
        Assert.Equal(64, small.ConcurrentBatches * small.IntraOpThreads);
        Assert.True(small.EstimatedBytes <= TwoGiB);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(7, 5)]
    public void When_the_batches_that_fit_do_not_divide_the_cores_fewer_batches_with_more_threads_leave_no_core_idle(int cores, int fitting)
    {
        var budget = ScoringPlan.EstimateBytes(Study, 1, fitting);
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores, budget);
        Assert.Equal(cores, plan.ConcurrentBatches * plan.IntraOpThreads);
        Assert.True(plan.ConcurrentBatches <= fitting);
    }

    [Fact]
    public void A_budget_smaller_than_one_batch_runs_one_batch_and_says_it_is_exceeded()
    {
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 2, 256L * 1024 * 1024);
        Assert.Equal((1, 2), (plan.ConcurrentBatches, plan.IntraOpThreads));
        Assert.False(plan.WithinBudget);
        Assert.Contains("exceeded", plan.Describe(256L * 1024 * 1024));
    }

    [Fact]
    public void Stated_threads_and_batches_are_kept_and_cuda_runs_one_batch_on_every_core()
    {
        Assert.Equal((1, 2), Pair(ScoringPlan.Choose(new OnnxScoringOptions { IntraOpThreads = 2 }, Shipped, cores: 2, TwoGiB)));
        Assert.Equal((3, 1), Pair(ScoringPlan.Choose(new OnnxScoringOptions { ConcurrentBatches = 3 }, Study, cores: 2, TwoGiB)));
        // Before, ConcurrentBatches = 1 left the threads to ONNX Runtime, which used one of the two cores.
        Assert.Equal((1, 2), Pair(ScoringPlan.Choose(new OnnxScoringOptions { ConcurrentBatches = 1 }, Shipped, cores: 2, TwoGiB)));
        Assert.Equal((1, 8), Pair(ScoringPlan.Choose(new OnnxScoringOptions { UseCuda = true }, Shipped, cores: 8, TwoGiB)));
    }

    [Fact]
    public void A_fixed_batch_model_is_planned_at_its_batch_size()
    {
        var plan = ScoringPlan.Choose(new OnnxScoringOptions { BatchSize = 1 }, Shipped, cores: 2, TwoGiB, fixedBatchSize: 4);
        Assert.Equal(4, plan.BatchSize);
        Assert.Equal(ScoringPlan.EstimateBytes(Shipped, 4, plan.ConcurrentBatches), plan.EstimatedBytes);
    }

    [Fact]
    public void The_plans_threads_reach_the_session_options_even_with_one_batch_at_a_time_and_with_cuda_asked()
    {
        foreach (var options in new[] { new OnnxScoringOptions { ConcurrentBatches = 1 }, new OnnxScoringOptions { UseCuda = true } })
        {
            var plan = ScoringPlan.Choose(options, Shipped, cores: 6, TwoGiB);
            var (session, _) = BatchedOnnxScorer.CreateSessionOptions(options, plan);
            using (session)
            {
                Assert.Equal(6, session.IntraOpNumThreads);
            }
        }
    }

    [Fact]
    public void The_scorer_runs_the_plan_chosen_for_its_model_and_budget()
    {
        using var scorer = new BatchedOnnxScorer(_models.Identity(4), options: new OnnxScoringOptions { ConcurrentBatches = 1 });
        Assert.Equal(ScoringPlan.Choose(scorer.Options, 16, Environment.ProcessorCount, scorer.Options.MemoryBudgetBytes), scorer.Plan);
        Assert.Equal(Environment.ProcessorCount, scorer.Plan.IntraOpThreads);
        Assert.Equal(scorer.Plan.BatchSize * scorer.Plan.ConcurrentBatches, scorer.ImagesPerCall);
    }

    [Fact]
    public void ApplyOnnxModel_gets_explicit_threads_every_core_unless_stated()
    {
        var automatic = PipelinesCatalog.ApplyOnnxModelOptions("m.onnx", "image", "probability", new OnnxScoringOptions(), cores: 4);
        Assert.Equal(4, automatic.IntraOpNumThreads);
        var stated = PipelinesCatalog.ApplyOnnxModelOptions("m.onnx", "image", "probability", new OnnxScoringOptions { IntraOpThreads = 1 }, cores: 4);
        Assert.Equal(1, stated.IntraOpNumThreads);
    }

    [Fact]
    public void A_memory_budget_that_is_not_positive_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new OnnxScoringOptions { MemoryBudgetBytes = 0 }.Validate());
        Assert.Equal(nameof(OnnxScoringOptions.MemoryBudgetBytes), error.ParamName);
    }

    [Fact]
    public void Negative_threads_or_batches_are_refused_not_read_as_automatic()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringPlan.Choose(new OnnxScoringOptions { IntraOpThreads = -1 }, Shipped, cores: 2, TwoGiB));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringPlan.Choose(new OnnxScoringOptions { ConcurrentBatches = -2 }, Shipped, cores: 2, TwoGiB));
    }

    private static (int, int) Pair(ScoringPlan plan) => (plan.ConcurrentBatches, plan.IntraOpThreads);
}
