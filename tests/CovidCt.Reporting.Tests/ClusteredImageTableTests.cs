using System.Text.Json;
using CovidCt.Metrics;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Clustering;
using CovidCt.Reporting.Comparisons;
using CovidCt.Reporting.Files;

namespace CovidCt.Reporting.Tests;

public sealed class ClusteredImageTableTests
{
    // Five slices that are all alike: every slice of the patient has the same truth and the same box (or none), so the
    // slices of one patient are perfectly correlated and carry the information of one slice, not five.
    private static PatientOutcome Alike(string id, bool covid, double? box) => Outcomes.Patient(id, covid, Enumerable.Repeat<bool?>(covid, 5).ToArray(),
        Enumerable.Range(0, 5).Select(i => box is { } p ? Outcomes.Slice(i, (Quadrant.UpperLeft, p)) : Outcomes.Slice(i)).ToArray());

    // Eight COVID-19 patients (six found, two missed) and eight controls (one with a false box on every slice), the boxes'
    // probabilities differing between patients so the AUC is neither 0 nor 1.
    private static PipelineEvaluation Correlated() => PipelineEvaluation.Compute(
    [
        Alike("c1", true, 0.95), Alike("c2", true, 0.9), Alike("c3", true, 0.85), Alike("c4", true, 0.8), Alike("c5", true, 0.75), Alike("c6", true, 0.6),
        Alike("c7", true, null), Alike("c8", true, null),
        Alike("n1", false, 0.7), Alike("n2", false, null), Alike("n3", false, null), Alike("n4", false, null), Alike("n5", false, null), Alike("n6", false, null),
        Alike("n7", false, null), Alike("n8", false, null),
    ]);

    private static double Width(ConfidenceInterval interval) => interval.Upper - interval.Lower;

    [Fact]
    public void Perfectly_correlated_slices_give_clustered_intervals_wider_than_the_plain_ones()
    {
        var e = Correlated();
        var table = ClusteredImageTable.Of(e)!;

        Assert.Equal(16, table.Patients);
        Assert.True(table.Sensitivity.DesignEffect > 1, $"design effect {table.Sensitivity.DesignEffect}");
        Assert.True(Width(table.Sensitivity.Proportion.Interval!) > Width(table.Sensitivity.NaiveInterval!));
        Assert.True(Width(table.Specificity.Proportion.Interval!) > Width(table.Specificity.NaiveInterval!));
        Assert.True(table.Auc!.DesignEffect > 1, $"design effect {table.Auc.DesignEffect}");
        Assert.True(Width(table.Auc.PlainInterval) > Width(e.ImageRoc!.Auc.Interval!));
        // The point estimates are the plain ones: only the intervals change.
        Assert.Equal(e.ImageRoc.Auc.Value!.Value, table.Auc.Auc, 12);
        Assert.Equal(e.ImageMetrics.Sensitivity.Value!.Value, table.Sensitivity.Proportion.Value!.Value, 12);
    }

    [Fact]
    public void The_document_holds_the_library_s_clustered_statistics_beside_the_plain_ones()
    {
        var e = Correlated();
        var cases = ComparedCases.Of(e, ComparisonLevel.Image);
        var patients = ClusteredImageTable.PatientOfImages(e.Patients);
        var auc = ClusteredAuc.Compute(cases.Scores, cases.Truth, patients)!;
        var sensitivity = ClusteredProportion.Sensitivity(cases.Truth, cases.Decisions, patients);

        var document = ImageTableDocument.Of(e);

        var clustered = document.Clustered!;
        Assert.Null(document.ClusteredOmitted);
        Assert.Equal((auc.PlainInterval.Lower, auc.PlainInterval.Upper, "obuchowski"), (clustered.AucClustered.CiClustered!.Lower, clustered.AucClustered.CiClustered.Upper, clustered.AucClustered.CiClustered.Method));
        Assert.Equal(auc.DesignEffect, clustered.AucClustered.DesignEffect);
        Assert.Equal(document.Auc!.Ci, clustered.AucClustered.CiNaive);
        Assert.Equal(sensitivity.Proportion.Interval!.Lower, clustered.Sensitivity.CiClustered!.Lower);
        Assert.Equal(sensitivity.NaiveInterval!.Upper, clustered.Sensitivity.CiNaive!.Upper);
        Assert.Equal(sensitivity.DesignEffect, clustered.Sensitivity.DesignEffect);

        using var json = JsonDocument.Parse(OutputJson.Serialize(document));
        var node = json.RootElement.GetProperty("clustered");
        Assert.Equal(auc.PlainInterval.Upper, node.GetProperty("auc_clustered").GetProperty("ci_clustered").GetProperty("upper").GetDouble(), 15);
        Assert.Equal(sensitivity.DesignEffect, node.GetProperty("sensitivity").GetProperty("design_effect").GetDouble(), 15);
        Assert.Equal("wilson", node.GetProperty("specificity").GetProperty("ci_naive").GetProperty("method").GetString());
        Assert.Equal("wilson-rao-scott", node.GetProperty("specificity").GetProperty("ci_clustered").GetProperty("method").GetString());
        // docs/metrics.md "JSON conventions": the same names as metrics scores --json; "plain" (untransformed or unclustered?) is gone.
        Assert.Equal(["auc", "ci_clustered", "ci_logit", "ci_naive", "variance", "naive_variance", "design_effect", "clusters", "undefined"],
            node.GetProperty("auc_clustered").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["numerator", "denominator", "value", "ci_clustered", "ci_naive", "design_effect", "effective_units", "clusters", "undefined", "caveat"],
            node.GetProperty("sensitivity").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void One_image_per_case_is_not_clustered_and_says_why()
    {
        var e = PipelineEvaluation.Compute(
        [
            Outcomes.Patient("i1", true, [true], Outcomes.Slice(0, (Quadrant.UpperLeft, 0.9))), Outcomes.Patient("i2", true, [true], Outcomes.Slice(0)),
            Outcomes.Patient("i3", false, [false], Outcomes.Slice(0)), Outcomes.Patient("i4", false, [false], Outcomes.Slice(0, (Quadrant.LowerLeft, 0.6))),
        ]);

        Assert.Null(ClusteredImageTable.Of(e));
        var document = ImageTableDocument.Of(e);
        Assert.Null(document.Clustered);
        Assert.Equal(ClusteredImageTable.NotClustered, document.ClusteredOmitted);
    }

    [Fact]
    public void Few_patients_and_a_floored_design_effect_are_caveats()
    {
        // Two COVID-19 patients with one found slice each: the sensitivity's clustered variance rests on 2 patients.
        bool?[] truth = [true, true, false];
        var e = PipelineEvaluation.Compute(
        [
            Outcomes.Patient("p1", true, truth, Outcomes.Slice(0, (Quadrant.UpperLeft, 0.9)), Outcomes.Slice(1), Outcomes.Slice(2)),
            Outcomes.Patient("p2", true, truth, Outcomes.Slice(0, (Quadrant.UpperLeft, 0.8)), Outcomes.Slice(1), Outcomes.Slice(2)),
        ]);

        var caveats = ClusteredImageTable.Of(e)!.Caveats;

        Assert.Contains(caveats, c => c.StartsWith("sensitivity: only 2 patients", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.StartsWith("sensitivity: estimated design effect", StringComparison.Ordinal) && c.Contains("floored at 1", StringComparison.Ordinal));
    }
}
