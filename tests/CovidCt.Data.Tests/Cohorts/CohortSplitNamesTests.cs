using CovidCt.Data.Cohorts;

namespace CovidCt.Data.Tests.Cohorts;

public sealed class CohortSplitNamesTests
{
    [Theory]
    [InlineData(CohortSplit.Train, "train")]
    [InlineData(CohortSplit.Val, "val")]
    [InlineData(CohortSplit.Test, "test")]
    public void Each_split_has_one_name_that_reads_back_in_any_case(CohortSplit split, string name)
    {
        Assert.Equal(name, split.Name());
        Assert.True(CohortSplitNames.TryParse(name.ToUpperInvariant(), out var read));
        Assert.Equal(split, read);
        Assert.Equal(split, CohortSplitNames.ParseOrAll(name));
    }

    [Fact]
    public void All_stands_for_no_split()
    {
        Assert.Equal("all", CohortSplitNames.NameOrAll(null));
        Assert.Null(CohortSplitNames.ParseOrAll("all"));
        Assert.False(CohortSplitNames.TryParse("all", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("holdout")]
    public void Other_text_is_not_a_split(string? text)
    {
        Assert.False(CohortSplitNames.TryParse(text, out _));
        if (text is not null) Assert.Contains("expected train, val, test or all", Assert.Throws<ArgumentException>(() => CohortSplitNames.ParseOrAll(text)).Message);
    }
}
