using CovidCt.Metrics;

namespace CovidCt.Cli.Tests;

/// <summary>
/// <c>metrics calibration</c> on scores of exactly 0 or 1, which 8-bit probability maps give (k/255, cached or not): the
/// intercept and slope are undefined with the count, or, with <c>--score-step</c>, read those scores at the edge of their
/// rounding bin and say how many. Before, such a file was refused (exit 2).
/// </summary>
public sealed class MetricsCalibrationCommandTests : IDisposable
{
    // Six cases, one score of exactly 0 and one of exactly 1, both outcomes present.
    private const string Scores = "id,label,score\na,1,1\nb,0,0\nc,1,0.6\nd,0,0.4\ne,1,0.3\nf,0,0.2\n";
    private static readonly bool[] Outcomes = [true, false, true, false, true, false];

    private readonly MetricsCli _cli = new();

    [Fact]
    public void Exact_zero_and_one_leave_intercept_and_slope_undefined_with_the_count()
    {
        var path = _cli.Csv("edges.csv", Scores);
        var json = MetricsCli.Json("metrics", "calibration", path);
        Assert.Equal(2, json.GetProperty("exact_zero_or_one").GetInt32());
        Assert.Contains("2 of 6 probabilities are exactly 0 or 1 (1 at 0, 1 at 1)", json.GetProperty("slope").GetProperty("undefined").GetString());
        Assert.Equal(json.GetProperty("slope").GetProperty("undefined").GetString(), json.GetProperty("intercept").GetProperty("undefined").GetString());
        // The Brier score needs no logit: it is reported from the scores as given.
        Assert.Equal((0 + 0 + 0.16 + 0.16 + 0.49 + 0.04) / 6, json.GetProperty("brier").GetDouble(), 15);
        var (code, text, _) = MetricsCli.Run("metrics", "calibration", path);
        Assert.Equal(CliApp.Success, code);
        Assert.Contains("Calibration intercept and slope undefined: 2 of 6 probabilities are exactly 0 or 1", text);
    }

    [Theory]
    [InlineData("1/255")]
    [InlineData("0.00392156862745098")]
    public void A_score_step_reads_exact_zero_and_one_at_the_edge_of_their_rounding_bin_and_says_so(string step)
    {
        var json = MetricsCli.Json("metrics", "calibration", _cli.Csv("edges.csv", Scores), "--score-step", step);
        var expected = Calibration.Compute([1 - 1.0 / 510, 1.0 / 510, 0.6, 0.4, 0.3, 0.2], Outcomes);
        Assert.Equal(expected.Slope.Value!.Value, json.GetProperty("slope").GetProperty("value").GetDouble(), 12);
        Assert.Equal(expected.Intercept.Value!.Value, json.GetProperty("intercept").GetProperty("value").GetDouble(), 12);
        Assert.Equal(1.0 / 255, json.GetProperty("score_step").GetDouble(), 15);
        Assert.Contains("2 of 6 probabilities are exactly 0 or 1 (1 at 0, 1 at 1); the intercept and slope read them as 1/510 and 1 − 1/510",
            json.GetProperty("caveat").GetString());
        // A third of the cases at an edge: the caveat says the fit leans on that reading.
        Assert.Contains("depend on that reading as much as on the model", json.GetProperty("caveat").GetString());
    }

    [Fact]
    public void Without_exact_zero_or_one_a_score_step_changes_nothing()
    {
        var path = _cli.Csv("inside.csv", "id,label,score\na,1,0.9\nb,0,0.2\nc,1,0.6\nd,0,0.4\ne,1,0.3\nf,0,0.1\n");
        var plain = MetricsCli.Json("metrics", "calibration", path);
        var stepped = MetricsCli.Json("metrics", "calibration", path, "--score-step", "1/255");
        Assert.Equal(plain.GetProperty("slope").GetProperty("value").GetDouble(), stepped.GetProperty("slope").GetProperty("value").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stepped.GetProperty("caveat").ValueKind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1/1")]
    [InlineData("2/255")]
    [InlineData("step")]
    public void A_bad_score_step_is_refused(string step)
    {
        var (code, _, error) = MetricsCli.Run("metrics", "calibration", _cli.Csv("edges.csv", Scores), "--score-step", step);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--score-step", error);
    }

    public void Dispose() => _cli.Dispose();
}
