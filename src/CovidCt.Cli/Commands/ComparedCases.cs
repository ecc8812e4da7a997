using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Cli.Commands;

/// <summary>One level's paired cases of a run: truth, decision and score per patient, or per slice with a known truth, in cohort order.</summary>
internal sealed record ComparedCases(IReadOnlyList<bool> Truth, IReadOnlyList<bool> Decisions, IReadOnlyList<double> Scores)
{
    public static ComparedCases Patients(PipelineEvaluation e) => new(
        e.Patients.Select(p => p.IsCovid).ToArray(),
        e.Patients.Select(p => p.Result.Decision.IsPositive).ToArray(),
        e.Patients.Select(p => p.Result.Decision.Score).ToArray());

    public static ComparedCases Images(PipelineEvaluation e)
    {
        var known = e.Patients.SelectMany(p => p.Result.Slices.Where(s => p.SliceTruth[s.Index] is not null).Select(s => (Truth: p.SliceTruth[s.Index]!.Value, s.Detection))).ToArray();
        return new ComparedCases(known.Select(k => k.Truth).ToArray(), known.Select(k => k.Detection.IsPositive).ToArray(), known.Select(k => k.Detection.Score).ToArray());
    }
}

/// <summary>Paired tests of two runs at one level: McNemar's exact test for sensitivity and for specificity, and DeLong's test of the AUCs.</summary>
/// <param name="Decisions">McNemar on the diseased (sensitivity) and the non-diseased (specificity) cases.</param>
/// <param name="DeLong">Paired DeLong, or null when a class has fewer than two cases (<see cref="DeLongUndefined"/> says so).</param>
/// <param name="DeLongUndefined">Why there is no DeLong test, or null.</param>
internal sealed record PairedTests(PairedDecisionComparison Decisions, PairedDeLongResult? DeLong, string? DeLongUndefined)
{
    public static PairedTests Of(ComparedCases a, ComparedCases b, double level)
    {
        var decisions = McNemar.CompareDecisions(a.Decisions, b.Decisions, a.Truth);
        return DeLongTest(a, b, level) is { } delong
            ? new PairedTests(decisions, delong, null)
            : new PairedTests(decisions, null, "undefined: the paired DeLong test needs at least two cases of each class");
    }

    private static PairedDeLongResult? DeLongTest(ComparedCases a, ComparedCases b, double level) =>
        Metrics.DeLong.HasEnoughCases(a.Truth) ? Metrics.DeLong.Paired(a.Scores, b.Scores, a.Truth, level) : null;
}
