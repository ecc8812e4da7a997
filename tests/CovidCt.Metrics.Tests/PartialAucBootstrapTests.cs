namespace CovidCt.Metrics.Tests;

public sealed class PartialAucBootstrapTests
{
    // References/partial_auc_ci.R: 200 generated cases; pROC 1.18's ci.auc(method = "bootstrap", boot.stratified = TRUE,
    // boot.n = 20000) of the partial AUC over specificity 0.8–1 (partial_auc_ci.out).
    private static readonly bool[] Labels = [.. Enumerable.Range(1, 200).Select(i => i % 3 == 0)];
    private static readonly double[] Scores = [.. Enumerable.Range(1, 200).Select(i => (37 * i % 101) / 101.0 + (i % 3 == 0 ? 0.3 : 0))];

    [Fact]
    public void The_stratified_bootstrap_matches_pROC_within_Monte_Carlo_error()
    {
        var result = PartialAucBootstrap.Stratified(Labels, Scores, 0.8, resamples: 20000, seed: 17);
        // The estimates are pROC's exactly (its r$auc); the limits are its ci.auc's first and third values.
        Assert.Equal(0.078787878787878768, result.Area.Value!.Value, 14);
        Assert.Equal(0.66329966329966328, result.McClish.Value!.Value, 14);
        // Different random draws: the limits agree to Monte Carlo error (about 0.001 at 20,000 resamples).
        Assert.Equal(0.056422433288104916, result.Area.Interval!.Lower, 0.004);
        Assert.Equal(0.10303030303030301, result.Area.Interval.Upper, 0.004);
        Assert.Equal(0.60016835016835013, result.McClish.Interval!.Lower, 0.01);
        Assert.Equal(0.73076536509372336, result.McClish.Interval.Upper, 0.01);
        Assert.Equal("stratified-bootstrap-percentile", result.Area.Interval.Method);
        Assert.Equal(0, result.Area.UndefinedResamples);
    }

    [Fact]
    public void Each_resample_keeps_both_classes_even_with_one_diseased_case()
    {
        // An unstratified case bootstrap would miss the single diseased case in about (29/30)^30 ≈ 36% of resamples.
        bool[] labels = [.. Enumerable.Range(0, 30).Select(i => i == 0)];
        double[] scores = [.. Enumerable.Range(0, 30).Select(i => i == 0 ? 0.95 : i / 40.0)];
        var result = PartialAucBootstrap.Stratified(labels, scores, 0.5, resamples: 500);
        Assert.Equal(0, result.Area.UndefinedResamples);
        Assert.Equal(0.5, result.Area.Value!.Value, 15);
    }

    [Fact]
    public void The_patient_bootstrap_resamples_patients_with_the_same_draws_for_both_values()
    {
        var patients = Enumerable.Range(0, 200).Select(i => $"p{i % 40}").ToArray();
        var bootstrap = new PatientBootstrap(patients, resamples: 300, seed: 5);
        var result = PartialAucBootstrap.ByPatient(Labels, Scores, 0.8, bootstrap);
        var area = bootstrap.Interval(cases => PartialAuc.Compute(Roc.FromScores(cases.Select(i => Labels[i]).ToArray(), cases.Select(i => Scores[i]).ToArray()), 0.8).Area.Value);
        var mcClish = bootstrap.Interval(cases => PartialAuc.Compute(Roc.FromScores(cases.Select(i => Labels[i]).ToArray(), cases.Select(i => Scores[i]).ToArray()), 0.8).McClish);
        Assert.Equal(area, result.Area);
        Assert.Equal(mcClish, result.McClish);
        Assert.Equal("patient-bootstrap-percentile", result.McClish.Interval!.Method);
    }
}
