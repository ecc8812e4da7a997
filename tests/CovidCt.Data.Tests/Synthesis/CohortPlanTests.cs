using CovidCt.Data.Cohorts;
using CovidCt.Data.Synthesis;

namespace CovidCt.Data.Tests.Synthesis;

public sealed class CohortPlanTests
{
    private static CohortSpec Spec(int covid, int control, ulong seed = 5) => new()
    {
        Name = "plan",
        Seed = seed,
        Procedural = new LabelCounts(covid, control),
        Split = new SplitFractions(0.25, 0.375),
        RealCt = [new RealCtSource("lidc-idri/LIDC-IDRI-0001", 2, 1, CohortSplit.Val)],
    };

    [Fact]
    public void Splits_are_stratified_by_label_and_by_patient()
    {
        var plan = CohortPlan.For(Spec(16, 16));
        foreach (var label in new[] { PatientLabel.Covid, PatientLabel.Control })
        {
            var procedural = plan.Where(p => p.Series is null && p.Label == label).ToList();
            Assert.Equal(16, procedural.Count);
            Assert.Equal(6, procedural.Count(p => p.Split == CohortSplit.Test));
            Assert.Equal(4, procedural.Count(p => p.Split == CohortSplit.Val));
            Assert.Equal(6, procedural.Count(p => p.Split == CohortSplit.Train));
        }
        Assert.Equal(plan.Count, plan.Select(p => p.PatientId).Distinct().Count());
        Assert.All(plan.Where(p => p.Series is not null), p => Assert.Equal(CohortSplit.Val, p.Split));
    }

    [Fact]
    public void The_same_spec_plans_the_same_patients()
    {
        Assert.Equal(CohortPlan.For(Spec(8, 8)), CohortPlan.For(Spec(8, 8)));
    }

    [Fact]
    public void Adding_patients_keeps_the_seeds_of_the_earlier_ones()
    {
        var small = CohortPlan.For(Spec(4, 4)).Select(p => p.Seed).ToHashSet();
        var large = CohortPlan.For(Spec(10, 10)).Select(p => p.Seed).ToHashSet();
        Assert.Subset(large, small);
    }

    [Fact]
    public void Different_spec_seeds_share_no_patient()
    {
        var a = CohortPlan.For(Spec(20, 20, 1)).Select(p => p.Seed);
        var b = CohortPlan.For(Spec(20, 20, 2)).Select(p => p.Seed);
        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void Ids_do_not_group_patients_by_label()
    {
        var labels = CohortPlan.For(Spec(16, 16)).Where(p => p.Series is null).Select(p => p.Label).ToList();
        Assert.NotEqual(labels.Order().ToList(), labels);
        Assert.NotEqual(labels.OrderDescending().ToList(), labels);
    }
}
