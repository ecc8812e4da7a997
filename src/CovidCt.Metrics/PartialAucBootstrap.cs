namespace CovidCt.Metrics;

/// <summary>
/// Intervals for the partial AUC (<see cref="PartialAuc"/>), which has no closed-form variance here: the percentile
/// bootstrap. Without patients it is pROC's default for <c>ci.auc</c> of a partial AUC (<c>method = "bootstrap"</c>,
/// <c>stratified = TRUE</c>): each resample draws the diseased cases and the non-diseased cases separately, with
/// replacement, keeping both class sizes, so no resample lacks a class. With patients it resamples patients
/// (<see cref="PatientBootstrap"/>), since slices of one patient are not independent; a resample that draws no diseased or
/// no non-diseased slice leaves the area undefined, is counted in <see cref="BootstrapResult.UndefinedResamples"/> and left
/// out. Percentiles interpolate linearly between order statistics (R's and numpy's default, as pROC's <c>quantile</c>).
/// </summary>
public static class PartialAucBootstrap
{
    /// <summary>The stratified case bootstrap (pROC's): classes resampled separately.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is not finite, or fewer than one resample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range does not start in [0, 1) or the level is not in (0, 1).</exception>
    public static PartialAucInterval Stratified(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double minimumSpecificity, int resamples = 2000, int seed = 20200225, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count) throw new ArgumentException($"{labels.Count} labels but {scores.Count} scores", nameof(scores));
        if (resamples < 1) throw new ArgumentException($"need at least one resample, got {resamples}", nameof(resamples));
        ProportionIntervals.CheckLevel(level);
        var original = PartialAuc.FromScores(labels, scores, minimumSpecificity);
        var diseased = Enumerable.Range(0, labels.Count).Where(i => labels[i]).ToArray();
        var nonDiseased = Enumerable.Range(0, labels.Count).Where(i => !labels[i]).ToArray();
        // Each case its own unit: a resample is how often each case was drawn, walked down the cases sorted once.
        var walk = new WeightedRocWalk(labels, scores, Enumerable.Range(0, labels.Count).ToArray());
        var random = new Random(seed);
        var draws = new List<(double? Area, double? McClish)>(resamples);
        var counts = new int[labels.Count];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(counts);
            foreach (var stratum in new[] { diseased, nonDiseased })
            {
                for (var i = 0; i < stratum.Length; i++) counts[stratum[random.Next(stratum.Length)]]++;
            }
            var (truePositives, falsePositives) = walk.Cumulative(counts);
            draws.Add(PartialAuc.FromCumulative(truePositives, falsePositives, walk.Blocks, minimumSpecificity));
        }
        return new PartialAucInterval(
            Summarise(original.Area, draws.Select(d => d.Area), resamples, seed, level),
            Summarise(original.McClish, draws.Select(d => d.McClish), resamples, seed, level));
    }

    /// <summary>The patient bootstrap: <paramref name="bootstrap"/>'s resamples of patients (the same draws for both values).</summary>
    /// <exception cref="ArgumentException">Lengths differ or a score is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range does not start in [0, 1).</exception>
    public static PartialAucInterval ByPatient(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double minimumSpecificity, PatientBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(bootstrap);
        if (labels.Count != scores.Count) throw new ArgumentException($"{labels.Count} labels but {scores.Count} scores", nameof(scores));
        PartialAuc.CheckRange(minimumSpecificity);
        var walk = new WeightedRocWalk(labels, scores, bootstrap.PatientOfCase);
        // IntervalOfDraws calls the metric on the original cases, then on each seeded draw in order; the area's pass keeps
        // each McClish value so the second pass replays them in the same order instead of walking every resample again.
        var mcClish = new List<double?>(bootstrap.Resamples + 1);
        var area = bootstrap.IntervalOfDraws(draws =>
        {
            var (truePositives, falsePositives) = walk.Cumulative(draws);
            var (a, m) = PartialAuc.FromCumulative(truePositives, falsePositives, walk.Blocks, minimumSpecificity);
            mcClish.Add(m);
            return a;
        });
        var next = 0;
        var standardised = bootstrap.IntervalOfDraws(_ => mcClish[next++]);
        return new PartialAucInterval(area, standardised);
    }

    private static BootstrapResult Summarise(double? value, IEnumerable<double?> resampled, int resamples, int seed, double level)
    {
        var defined = resampled.Where(v => v is not null).Select(v => v!.Value).ToList();
        ConfidenceInterval? interval = null;
        if (defined.Count > 0)
        {
            defined.Sort();
            var alpha = 1 - level;
            interval = new ConfidenceInterval(PatientBootstrap.Percentile(defined, alpha / 2), PatientBootstrap.Percentile(defined, 1 - alpha / 2), level, "stratified-bootstrap-percentile");
        }
        return new BootstrapResult(value, interval, resamples, resamples - defined.Count, seed);
    }
}
