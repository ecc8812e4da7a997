using CovidCt.Data.Slices;

namespace CovidCt.Data.Tests.Slices;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Numbers_inside_names_compare_by_value()
    {
        string[] names = ["slice10.png", "slice2.png", "Slice1.png", "slice02b.png", "slice002.png", "a.png"];
        Assert.Equal(["a.png", "Slice1.png", "slice002.png", "slice2.png", "slice02b.png", "slice10.png"], names.Order(NaturalOrder.Instance));
    }
}
