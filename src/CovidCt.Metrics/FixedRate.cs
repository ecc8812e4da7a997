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
