using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>Issue #20: a plan whose one batch alone exceeds the memory budget says so, in words a command prints before any number.</summary>
public sealed class ScoringPlanWarningTests
{
    private const long Study = 512 * 512;

    [Fact]
    public void A_plan_within_the_budget_has_no_warning()
    {
        var plan = ScoringPlan.Choose(new OnnxScoringOptions(), Study, cores: 2, ScoringPlan.DefaultMemoryBudgetBytes);
        Assert.Null(plan.BudgetWarning(ScoringPlan.DefaultMemoryBudgetBytes));
    }

    [Fact]
    public void One_batch_over_the_budget_is_a_warning_with_its_estimate_the_budget_and_the_remedy()
    {
        const long budget = 1L << 30;
        // A batch of 4 study-size images: about 4.5 GiB with the runtime, over 1 GiB even one batch at a time.
        var plan = ScoringPlan.Choose(new OnnxScoringOptions { BatchSize = 4 }, Study, cores: 2, budget);
        Assert.False(plan.WithinBudget);
        var warning = plan.BudgetWarning(budget);
        Assert.NotNull(warning);
        Assert.Contains("one scoring batch alone is estimated at 4.5 GiB, above the memory budget of 1.0 GiB", warning, StringComparison.Ordinal);
        Assert.Contains("--memory-budget", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimate_of_one_batch_leaves_out_the_other_batches_stated_to_run_at_once()
    {
        const long budget = 1L << 30;
        var plan = ScoringPlan.Choose(new OnnxScoringOptions { BatchSize = 2, ConcurrentBatches = 2 }, Study, cores: 2, budget);
        // 0.5 GiB + 2 x 1 GiB for one batch of two; the plan's own estimate holds both batches (4.5 GiB).
        Assert.Contains("estimated at 2.5 GiB", plan.BudgetWarning(budget), StringComparison.Ordinal);
    }
}
