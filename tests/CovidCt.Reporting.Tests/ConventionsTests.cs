using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Tests;

public sealed class ConventionsTests
{
    [Fact]
    public void A_person_reads_the_slice_number_one_above_the_machine_index()
    {
        Assert.Equal(7, SliceNumbers.Number(6));
        Assert.Equal("slice 7", SliceNumbers.Slice(6));
        Assert.Equal("slice 7 of 24", SliceNumbers.Slice(6, 24));
        Assert.Equal("slices 1–3", SliceNumbers.Range(0, 2));
        Assert.Equal("007", SliceNumbers.FileNumber(6));
    }

    [Fact]
    public void A_count_takes_the_singular_for_one_and_the_plural_otherwise()
    {
        Assert.Equal("1 image", Plural.Count(1, "image"));
        Assert.Equal("0 images", Plural.Count(0, "image"));
        Assert.Equal("50 images", Plural.Count(50, "image"));
        Assert.Equal("1 poor fit", Plural.Count(1, "poor fit"));
        Assert.Equal("3 series", Plural.Count(3, "series", "series"));
        Assert.Equal("2 boxes", Plural.Count(2, "box", "boxes"));
        Assert.Equal("12000 patients", Plural.Count(12000, "patient"));
        Assert.Equal("slice", Plural.Noun(1, "slice"));
        Assert.Equal("slices", Plural.Noun(-1, "slice"));
    }

    [Fact]
    public void Quadrants_read_as_words_for_people_and_as_enum_names_in_machine_files()
    {
        var both = Quadrant.LowerRight | Quadrant.UpperLeft;

        Assert.Equal("upper left and lower right", QuadrantNames.Label(both));
        Assert.Equal("UpperLeft|LowerRight", QuadrantNames.Key(both));
        Assert.Equal("none", QuadrantNames.Label(Quadrant.None));
        Assert.Equal("", QuadrantNames.Key(Quadrant.None));
        Assert.Equal(["upper left", "upper right", "lower left", "lower right"], QuadrantNames.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Metric_text_takes_percent_and_count_from_the_one_registry()
    {
        var estimate = CovidCt.Metrics.DiagnosticMetrics.Compute(new CovidCt.Metrics.ConfusionCounts(29, 1, 30, 2)).Sensitivity;

        Assert.Equal("93.55%", TextFormat.Value("sensitivity", estimate));
        Assert.Equal("29/31", TextFormat.Fraction("sensitivity", estimate));
        Assert.Equal("", TextFormat.Fraction("youden_j", estimate));
        Assert.Equal("0.935", TextFormat.Value("youden_j", estimate));
        Assert.Equal("LR−", TextFormat.Label("lr_negative"));
    }
}
