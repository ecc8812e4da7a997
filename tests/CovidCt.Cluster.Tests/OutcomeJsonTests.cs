using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Cluster.Tests;

public class OutcomeJsonTests
{
    [Fact]
    public void An_outcome_read_back_is_the_outcome_written_to_the_last_bit()
    {
        var outcome = Outcomes.Covid();
        var back = OutcomeJson.Read(OutcomeJson.Write(outcome), "test");
        Assert.Equal(Describe(outcome), Describe(back));
        // Written again, it is the same text: a patient run twice writes the same result file.
        Assert.Equal(OutcomeJson.Write(outcome), OutcomeJson.Write(back));
    }

    [Fact]
    public void A_fragile_call_and_its_boxes_near_a_line_survive_the_trip_to_the_coordinator()
    {
        // The coordinator re-runs the patient rule on the boxes it reads (chunked series), so their near and firm quadrants travel too.
        SliceResult Slice(int z, Quadrant quadrant, Quadrant near, Quadrant firm) => new(z, 2.5 * z, null,
            new SliceDetection([new LesionBox(new ImageRectangle(10, 10, 20, 20), 15, 15, 30, null, 0.9, 0.8, quadrant) { NearQuadrants = near, FirmQuadrants = firm }]));
        SliceResult[] slices = [Slice(0, Quadrant.UpperRight, Quadrant.UpperRight, Quadrant.UpperRight), Slice(1, Quadrant.UpperRight, Quadrant.UpperRight, Quadrant.UpperRight),
            Slice(2, Quadrant.LowerRight, Quadrant.UpperRight | Quadrant.LowerRight, Quadrant.None)];
        var decision = PatientRule.Evaluate(slices.Select(s => s.Detection).ToArray(), new PatientRuleOptions());
        var outcome = new PatientOutcome(new PatientResult("ctl-1", slices, decision), false, [false, false, false]);

        var back = OutcomeJson.Read(OutcomeJson.Write(outcome), "test");

        Assert.NotNull(decision.Fragility);
        Assert.Equal(decision, back.Result.Decision);
        Assert.Equal(Quadrant.UpperRight | Quadrant.LowerRight, back.Result.Slices[2].Detection.Boxes[0].NearQuadrants);
        Assert.Equal(decision, PatientRule.Evaluate(back.Result.Slices.Select(s => s.Detection).ToArray(), new PatientRuleOptions()));
    }

    [Fact]
    public void Text_that_is_not_an_outcome_is_refused_naming_its_source()
    {
        var e = Assert.Throws<InvalidDataException>(() => OutcomeJson.Read("{\"patient_id\":\"x\"}", "results/x.json"));
        Assert.Contains("results/x.json", e.Message);
        Assert.Throws<InvalidDataException>(() => OutcomeJson.Read("not json", "results/y.json"));
    }

    // Every field, doubles as their exact bits ("R" is the shortest text that reads back as the same double).
    private static string Describe(PatientOutcome o)
    {
        var r = o.Result;
        var lines = new List<string> { $"{r.PatientId} {o.IsCovid} {string.Join(',', o.SliceTruth)} {r.Decision}" };
        foreach (var s in r.Slices)
        {
            var d = s.Detection;
            lines.Add($"{s.Index} {s.Position:R} {s.ValidArea} {d.RemovedLesionPixels:R} {d.MaxPixelProbability:R} {d.ImageScore} {d.Score:R} {d.BoxScore:R} {d.Quadrants} {string.Join(',', d.QuadrantScores.Select(q => q.ToString("R")))}");
            lines.AddRange(d.Boxes.Select(b => $"  {b} {b.CentroidX:R} {b.CentroidY:R} {b.MaxProbability:R} {b.MeanProbability:R}"));
        }
        return string.Join('\n', lines);
    }
}
