using CovidCt.Interactive.Formatting;

namespace CovidCt.Interactive.Tests.Formatting;

public sealed class TimelineHtmlTests
{
    [Fact]
    public void A_positive_patient_names_the_deciding_quadrant_and_slices()
    {
        var html = TimelineHtml.Patient(Detections.Positive());

        Assert.Contains("p1: called positive, score 0.700 (upper left, slices 2–4); 3 of 5 slices with boxes", html);
        // The deciding run is outlined over slices 2–4 of the upper-left row (x = 92 + 1 × 16, width 3 × 16).
        Assert.Contains("<rect x=\"108\" y=\"0\" width=\"48\" height=\"14\" fill=\"none\" stroke=\"currentColor\"", html);
    }

    [Fact]
    public void Each_slice_and_quadrant_has_a_cell_red_only_where_a_box_is()
    {
        var html = TimelineHtml.Patient(Detections.Positive());

        Assert.Equal(4 * 5, CountOf(html, "<title>slice "));
        Assert.Equal(4, CountOf(html, "fill=\"#e00000\""));
        Assert.Contains("<title>slice 3 (-90.0 mm), lower right: box probability 0.600</title>", html);
        Assert.Contains("<title>slice 1 (-100.0 mm), upper left: no box</title>", html);
    }

    [Fact]
    public void A_negative_patient_has_no_outlined_run()
    {
        var html = TimelineHtml.Patient(Detections.Negative());

        Assert.Contains("n1: called negative, no quadrant has a qualifying run of consecutive slices; 1 of 5 slices with boxes", html);
        Assert.DoesNotContain("deciding run", html);
    }

    [Fact]
    public void An_outcome_gives_the_verdict_and_a_truth_row_with_unknown_slices_marked()
    {
        var html = TimelineHtml.Outcome(Detections.Outcome(Detections.Negative(), isCovid: true, false, true, true, null, false));

        Assert.Contains("n1 (COVID-19), false negative: called negative", html);
        Assert.Equal(2, CountOf(html, "fill=\"#22aa22\""));
        Assert.Contains("<title>slice 4: unknown</title>", html);
        Assert.Contains(">truth</text>", html);
    }

    [Fact]
    public void Patient_ids_are_html_encoded()
    {
        Assert.Contains("&lt;b&gt;: called positive", TimelineHtml.Patient(Detections.Positive("<b>")));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
