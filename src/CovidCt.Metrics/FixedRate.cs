namespace CovidCt.Metrics;

/// <summary>
/// Sensitivity at a fixed specificity and specificity at a fixed sensitivity, read off the empirical ROC curve without
/// interpolation: the point with the best rate among those meeting the target (the highest threshold among ties), so the
/// target is always met, never assumed. The interval from <see cref="ProportionIntervals"/> treats that threshold as fixed;
/// it ignores that the threshold was chosen on the same data, which a bootstrap that re-chooses it per resample captures.
/// </summary>
public static class FixedRate
{
    /// <summary>The highest sensitivity among points with specificity ≥ <paramref name="specificity"/>, with its interval by <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="specificity"/> is not in [0, 1].</exception>
    public static FixedRateResult SensitivityAtSpecificity(RocCurve curve, double specificity, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        CheckTarget(specificity, nameof(specificity));
        var point = curve.BestSensitivityAtSpecificity(specificity);
        return Result(curve, specificity, point, point is null ? null : Proportion(point.Counts.TruePositives, point.Counts.Positives, method, level));
    }

    /// <summary>The highest specificity among points with sensitivity ≥ <paramref name="sensitivity"/>, with its interval by <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sensitivity"/> is not in [0, 1].</exception>
    public static FixedRateResult SpecificityAtSensitivity(RocCurve curve, double sensitivity, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        CheckTarget(sensitivity, nameof(sensitivity));
        var point = curve.BestSpecificityAtSensitivity(sensitivity);
        return Result(curve, sensitivity, point, point is null ? null : Proportion(point.Counts.TrueNegatives, point.Counts.Negatives, method, level));
    }

    /// <summary>
    /// The percentile interval of <see cref="SensitivityAtSpecificity"/>'s rate over <paramref name="bootstrap"/>'s resamples, the
    /// threshold chosen again in each: the same numbers as <c>bootstrap.Interval</c> on the rate of each resample's own ROC curve,
    /// in O(cases) additions per resample (no sort, no curve). A resample lacking a class is undefined.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="specificity"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The lists' lengths differ from the bootstrap's cases, or a score is not finite.</exception>
    public static BootstrapResult SensitivityAtSpecificityBootstrap(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double specificity, PatientBootstrap bootstrap)
    {
        CheckTarget(specificity, nameof(specificity));
        return Bootstrap(labels, scores, bootstrap, (tp, fp, m, n) => ((double)(n - fp) / n >= specificity, (double)tp / m));
    }

    /// <summary>The bootstrap of <see cref="SpecificityAtSensitivity"/>, as <see cref="SensitivityAtSpecificityBootstrap"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sensitivity"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The lists' lengths differ from the bootstrap's cases, or a score is not finite.</exception>
    public static BootstrapResult SpecificityAtSensitivityBootstrap(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double sensitivity, PatientBootstrap bootstrap)
    {
        CheckTarget(sensitivity, nameof(sensitivity));
        return Bootstrap(labels, scores, bootstrap, (tp, fp, m, n) => ((double)tp / m >= sensitivity, (double)(n - fp) / n));
    }

    // RocCurve.Best on the resample's points (the +∞ point, then one per block): a point meeting the target replaces the best
    // only when strictly better, so blocks the resample did not draw, which repeat a point, change nothing.
    private static BootstrapResult Bootstrap(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, PatientBootstrap bootstrap,
        Func<long, long, long, long, (bool Admissible, double Rate)> point)
    {
        var walk = new WeightedRocWalk(labels, scores, bootstrap.PatientOfCase);
        return bootstrap.IntervalOfDraws(draws =>
        {
            var (truePositives, falsePositives) = walk.Cumulative(draws);
            long m = truePositives[^1], n = falsePositives[^1];
            if (m == 0 || n == 0) return null;
            var (admissible, best) = point(0, 0, m, n);
            double? chosen = admissible ? best : null;
            for (var b = 0; b < walk.Blocks; b++)
            {
                var (ok, rate) = point(truePositives[b], falsePositives[b], m, n);
                if (ok && (chosen is null || rate > chosen)) chosen = rate;
            }
            return chosen;
        });
    }

    // A curve with both classes always has the +∞ point (specificity 1) and the lowest one (sensitivity 1), so every target
    // in [0, 1] is met; only an undefined curve (a class absent) leaves no point, and its AUC says why.
    private static FixedRateResult Result(RocCurve curve, double target, RocPoint? point, Estimate? rate) =>
        point is not null && rate is not null
            ? new FixedRateResult(target, point, rate)
            : new FixedRateResult(target, null, Estimate.Undefined(double.NaN, double.NaN, curve.Auc.UndefinedReason!));

    private static Estimate Proportion(long successes, long trials, ProportionInterval method, double level) =>
        Estimate.Defined(successes, trials, (double)successes / trials, ProportionIntervals.Compute(successes, trials, method, level));

    private static void CheckTarget(double target, string name)
    {
        if (!(target >= 0 && target <= 1)) throw new ArgumentOutOfRangeException(name, $"the target rate must be in [0, 1], got {target}");
    }
}
