namespace CovidCt.Cluster.Tests;

public class ClusterConnectionTests
{
    [Fact]
    public void Localhost_and_a_port_name_the_first_worker()
    {
        var connection = ClusterConnection.Parse("localhost:41000");
        Assert.Equal(41000, connection.PrimaryPort);
        Assert.Equal("127.0.0.1:41000", connection.Primary.ToString());
    }

    [Theory]
    [InlineData("41000")]
    [InlineData("localhost")]
    [InlineData("localhost:")]
    [InlineData("localhost:abc")]
    [InlineData("localhost:-5")]
    [InlineData("redis:6379")]
    public void Anything_else_is_refused_with_the_forms_expected(string text)
    {
        var e = Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
        Assert.Contains("localhost:PORT", e.Message);
    }

    [Theory]
    [InlineData("localhost:0")]
    [InlineData("localhost:65535")]
    public void A_port_without_a_next_port_is_refused(string text)
    {
        var e = Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
        Assert.Contains("out of range", e.Message);
    }
}
