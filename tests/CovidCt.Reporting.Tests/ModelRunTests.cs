using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Tests;

public sealed class ModelRunTests
{
    [Fact]
    public void Runs_are_named_by_file_unless_two_files_share_a_name()
    {
        Assert.Equal(["unetpp-v1", "unetpp-v2"], ModelRun.NamesOf(["/m/unetpp-v1.onnx", "/m/unetpp-v2.onnx"]));
        Assert.Equal(["/a/m.onnx", "/b/m.onnx"], ModelRun.NamesOf(["/a/m.onnx", "/b/m.onnx"]));
    }

    [Fact]
    public void Image_cases_are_the_slices_of_known_truth_in_cohort_order()
    {
        var patient = Outcomes.Patient("p", true, [false, true, null, true, false], Outcomes.Positive());

        var cases = ComparedCases.Of([patient], ComparisonLevel.Image);

        Assert.Equal([false, true, true, false], cases.Truth);
        Assert.Equal([false, true, true, false], cases.Decisions);
        Assert.Equal([0, 0.9, 0.8, 0], cases.Scores);
    }
}
