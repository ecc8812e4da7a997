namespace CovidCt.Cli.Tests.Invariance;

/// <summary>
/// The suite's margin lines read slices.csv's own columns: a changed decision is shown with the probability it had against
/// the threshold, the size of each box in slice pixels and the quadrants the patient rule counts.
/// </summary>
public sealed class SliceScoreTests
{
    [Fact]
    public void A_slice_without_a_box_shows_its_highest_probability()
    {
        Assert.Equal("p 0.493, no box", new SliceScore(0.4934, "", "").ToString());
    }

    [Fact]
    public void Each_box_shows_its_size_and_probability_and_the_slice_its_quadrants()
    {
        var score = new SliceScore(0.996, "101:200:114:217:0.717 300:150:335:177:0.996", "UpperLeft|LowerRight");

        Assert.Equal("p 0.996, boxes 13x17 (p 0.717) 35x27 (p 0.996) in UpperLeft and LowerRight", score.ToString());
    }
}
