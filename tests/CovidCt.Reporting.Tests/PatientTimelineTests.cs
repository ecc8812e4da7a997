using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Timelines;

namespace CovidCt.Reporting.Tests;

public sealed class PatientTimelineTests
{
    [Fact]
    public void A_timeline_holds_each_slice_the_deciding_run_and_the_truth_by_slice_index()
    {
        var patient = Outcomes.Patient("p", true, [false, true, null, true, false], Outcomes.Positive());

        var timeline = PatientTimeline.Of(patient.Result, patient.SliceTruth);

        Assert.Equal([1, 2, 3, 4, 5], timeline.Columns.Select(c => c.SliceNumber));
        Assert.Equal([0.9, 0.0, 0.0, 0.0], timeline.Columns[1].Scores); // upper left is row 0
        Assert.Equal([false, true, null, true, false], timeline.Columns.Select(c => c.Truth));
        Assert.Equal(new TimelineRun(0, Quadrant.UpperLeft, 1, 3), timeline.DecidingRun);
        Assert.Equal(3, timeline.DecidingRun!.Length);
        Assert.True(timeline.HasTruth);
    }

    [Fact]
    public void A_negative_patient_has_no_deciding_run_and_without_truth_no_truth_row()
    {
        var timeline = PatientTimeline.Of(Outcomes.Result("n", Outcomes.Negative()));

        Assert.Null(timeline.DecidingRun);
        Assert.False(timeline.HasTruth);
        Assert.All(timeline.Columns, c => Assert.Null(c.Truth));
    }
}
