namespace CovidCt.Cluster.Tests;

public class ClusterConnectionTests
{
    [Fact]
    public void Localhost_and_a_port_name_the_first_worker()
    {
        var connection = Assert.IsType<LocalhostCluster>(ClusterConnection.Parse("localhost:41000"));
        Assert.Equal(41000, connection.DefaultSiloPort);
        Assert.Equal("127.0.0.1:41000", connection.Primary.ToString());
        Assert.Equal("localhost:41000", connection.Name);
    }

    [Theory]
    [InlineData("41000")]
    [InlineData("localhost")]
    [InlineData("localhost:")]
    [InlineData("localhost:abc")]
    [InlineData("localhost:-5")]
    [InlineData("redis:6379")]
    [InlineData("Host=db;Database=covidct")]
    public void Anything_else_is_refused_with_the_forms_expected(string text)
    {
        var e = Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
        Assert.Contains("localhost:PORT", e.Message);
        Assert.Contains("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE", e.Message);
    }

    [Theory]
    [InlineData("localhost:0")]
    [InlineData("localhost:65535")]
    public void A_port_without_a_next_port_is_refused(string text)
    {
        var e = Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void A_postgres_uri_becomes_an_npgsql_connection_and_is_shown_without_its_password()
    {
        var connection = Assert.IsType<PostgresCluster>(ClusterConnection.Parse("postgres://covidct:s%40cret@db.example.org:6543/membership?sslmode=require&timeout=7"));
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(("db.example.org", 6543, "membership", "covidct", "s@cret"), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password));
        Assert.Equal(Npgsql.SslMode.Require, settings.SslMode);
        Assert.Equal(7, settings.Timeout);
        Assert.Equal("postgres://covidct@db.example.org:6543/membership", connection.Name);
        Assert.Equal(11111, connection.DefaultSiloPort);
    }

    [Fact]
    public void Postgresql_scheme_default_port_and_an_ipv6_host_are_read()
    {
        var connection = Assert.IsType<PostgresCluster>(ClusterConnection.Parse("postgresql://[::1]/covidct"));
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(("::1", 5432, "covidct"), (settings.Host, settings.Port, settings.Database));
        Assert.Null(settings.Password);
        Assert.Equal("postgres://[::1]:5432/covidct", connection.Name);
    }

    [Theory]
    [InlineData("postgres://u:pw@db/", "names no database")]
    [InlineData("postgres://u:pw@db", "names no database")]
    [InlineData("postgres://u:pw@db/a/b", "names no database")]
    [InlineData("postgres:///covidct", "not a database URI")]
    [InlineData("postgres://u:pw@db/covidct?nonsense=1", "setting 'nonsense=1' is not one Npgsql accepts")]
    [InlineData("postgres://u:pw@db/covidct?port=many", "setting 'port=many' is not one Npgsql accepts")]
    [InlineData("postgres://u:pw@db/covidct?sslmode", "'sslmode' in the database URI's query is not KEY=VALUE")]
    public void A_postgres_uri_without_what_is_needed_is_refused_saying_what(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("pw", e.Message);
    }

    [Theory]
    [InlineData("postgres://u:secret@db/covidct", "postgres://u:***@db/covidct")]
    [InlineData("postgres://u@db/covidct", "postgres://u@db/covidct")]
    [InlineData("localhost:41000", "localhost:41000")]
    public void Messages_show_a_uri_with_its_password_masked(string text, string shown) =>
        Assert.Equal(shown, PostgresCluster.Masked(text));
}
