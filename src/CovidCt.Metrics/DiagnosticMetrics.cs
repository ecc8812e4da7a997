namespace CovidCt.Metrics;

/// <summary>
/// Diagnostic-accuracy metrics of one confusion table. Proportions carry a confidence interval by the
/// chosen method; likelihood ratios carry the log-method interval of Simel, Samsa and Matchar (1991)
/// when every count it needs is non-zero. Youden's J and balanced accuracy carry the MOVER interval of the sum of two
/// independent proportions (Newcombe 1998's hybrid score method 10 when the method is Wilson), F1 the interval of the Jaccard
/// index TP / (TP + FP + FN) mapped through F1 = 2J/(1 + J); clustered cases need <see cref="PatientBootstrap"/> instead.
/// Any zero denominator gives an undefined estimate with its reason.
/// </summary>
public sealed class DiagnosticMetrics
{
    private readonly bool _withIntervals;

    private DiagnosticMetrics(ConfusionCounts counts, ProportionInterval method, double level, bool withIntervals)
    {
        _withIntervals = withIntervals;
        Counts = counts;
        Method = method;
        Level = level;
        var (tp, fp, tn, fn) = (counts.TruePositives, counts.FalsePositives, counts.TrueNegatives, counts.FalseNegatives);
        Sensitivity = Proportion(tp, counts.Positives, "no diseased cases (TP + FN = 0)");
        Specificity = Proportion(tn, counts.Negatives, "no non-diseased cases (TN + FP = 0)");
        Ppv = Proportion(tp, counts.CalledPositive, "no positive calls (TP + FP = 0)");
        Npv = Proportion(tn, counts.CalledNegative, "no negative calls (TN + FN = 0)");
        Accuracy = Proportion(tp + tn, counts.Total, "no cases");
        Prevalence = Proportion(counts.Positives, counts.Total, "no cases");
        F1 = Estimate.Ratio(2 * tp, 2 * tp + fp + fn, "no diseased cases and no positive calls (2TP + FP + FN = 0)",
            _withIntervals ? F1Interval(tp, tp + fp + fn, method, level) : null);
        BalancedAccuracy = OfSum(Sensitivity, Specificity, offset: 0, denominator: 2);
        YoudenJ = OfSum(Sensitivity, Specificity, offset: -1, denominator: 1);
        var eitherUndefined = Sensitivity.UndefinedReason ?? Specificity.UndefinedReason;
        PositiveLikelihoodRatio = LikelihoodRatio(Sensitivity.Value, Specificity.IsDefined ? (double)fp / counts.Negatives : null, eitherUndefined, tp, counts.Positives, fp, counts.Negatives,
            "no false positives (FP = 0): specificity is 1, so LR+ is infinite",
            "no positive calls (TP = FP = 0): sensitivity is 0 and specificity is 1, so LR+ is 0/0");
        NegativeLikelihoodRatio = LikelihoodRatio(Sensitivity.IsDefined ? (double)fn / counts.Positives : null, Specificity.Value, eitherUndefined, fn, counts.Positives, tn, counts.Negatives,
            "no true negatives (TN = 0): specificity is 0, so LR− is infinite",
            "no negative calls (FN = TN = 0): sensitivity is 1 and specificity is 0, so LR− is 0/0");
    }

    /// <summary>The counts these metrics come from.</summary>
    public ConfusionCounts Counts { get; }

    /// <summary>The proportion-interval method used.</summary>
    public ProportionInterval Method { get; }

    /// <summary>The confidence level used.</summary>
    public double Level { get; }

    /// <summary>TP / (TP + FN); undefined without diseased cases.</summary>
    public Estimate Sensitivity { get; }

    /// <summary>TN / (TN + FP); undefined without non-diseased cases.</summary>
    public Estimate Specificity { get; }

    /// <summary>Positive predictive value TP / (TP + FP); undefined without positive calls.</summary>
    public Estimate Ppv { get; }

    /// <summary>Negative predictive value TN / (TN + FN); undefined without negative calls.</summary>
    public Estimate Npv { get; }

    /// <summary>(TP + TN) / all cases; undefined without cases.</summary>
    public Estimate Accuracy { get; }

    /// <summary>(sensitivity + specificity) / 2; undefined when either is. Interval: Youden's J interval mapped through (J + 1) / 2 (method <c>mover-METHOD</c>).</summary>
    public Estimate BalancedAccuracy { get; }

    /// <summary>
    /// 2TP / (2TP + FP + FN); undefined when TP, FP and FN are all 0. Interval (method <c>METHOD-jaccard</c>): F1 = 2J/(1 + J) is
    /// increasing in the Jaccard index J = TP / (TP + FP + FN), which given the TP + FP + FN cases that are not true negatives
    /// is a binomial proportion; its interval by the chosen method is mapped through 2J/(1 + J). TN does not enter F1, so
    /// neither does it enter the interval. Its delta-method variance, 4·TP·(FP + FN)·(TP + FP + FN)/(2TP + FP + FN)⁴, is the
    /// multinomial delta-method variance of F1 itself, but unlike a Wald interval it stays within [0, 1] and is not
    /// zero-width at F1 = 0 or 1.
    /// </summary>
    public Estimate F1 { get; }

    /// <summary>
    /// Youden's J = sensitivity + specificity − 1 (numerator J, denominator 1); undefined when either is. J is the difference
    /// of two independent proportions, sensitivity − (1 − specificity), so its interval is the MOVER interval of Zou and Donner
    /// (2008) from the two proportions' intervals by the chosen method: J − √((Se − l_Se)² + (Sp − l_Sp)²) to
    /// J + √((u_Se − Se)² + (u_Sp − Sp)²) (method <c>mover-METHOD</c>). With Wilson's intervals this is Newcombe's (1998)
    /// hybrid score interval for a difference of independent proportions (his method 10); it stays within [−1, 1].
    /// </summary>
    public Estimate YoudenJ { get; }

    /// <summary>LR+ = sensitivity / (1 − specificity) = TP·(TN + FP) / (FP·(TP + FN)), computed from the integer counts (numerator and denominator are the two proportions); undefined when FP = 0 (infinite) or either proportion is.</summary>
    public Estimate PositiveLikelihoodRatio { get; }

    /// <summary>LR− = (1 − sensitivity) / specificity = FN·(TN + FP) / (TN·(TP + FN)), computed from the integer counts; undefined when TN = 0 (infinite) or either proportion is.</summary>
    public Estimate NegativeLikelihoodRatio { get; }

    /// <summary>(TP + FN) / all cases; undefined without cases.</summary>
    public Estimate Prevalence { get; }

    /// <summary>Every metric with its stable output name (sensitivity, specificity, ppv, npv, accuracy, balanced_accuracy, f1, youden_j, lr_positive, lr_negative, prevalence).</summary>
    public IReadOnlyList<KeyValuePair<string, Estimate>> All =>
    [
        new("sensitivity", Sensitivity), new("specificity", Specificity), new("ppv", Ppv), new("npv", Npv),
        new("accuracy", Accuracy), new("balanced_accuracy", BalancedAccuracy), new("f1", F1), new("youden_j", YoudenJ),
        new("lr_positive", PositiveLikelihoodRatio), new("lr_negative", NegativeLikelihoodRatio), new("prevalence", Prevalence),
    ];

    /// <summary>Computes every metric of <paramref name="counts"/> with intervals by <paramref name="method"/> at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is not in (0, 1).</exception>
    public static DiagnosticMetrics Compute(ConfusionCounts counts, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        if (counts.TruePositives < 0 || counts.FalsePositives < 0 || counts.TrueNegatives < 0 || counts.FalseNegatives < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), $"counts must be non-negative, got {counts}");
        }
        ProportionIntervals.CheckLevel(level);
        return new DiagnosticMetrics(counts, method, level, withIntervals: true);
    }

    // Bootstrap resamples need only the values; skipping the intervals makes each resample several times cheaper.
    internal static DiagnosticMetrics ValuesOnly(ConfusionCounts counts) => new(counts, ProportionInterval.Wilson, 0.95, withIntervals: false);

    private Estimate Proportion(long numerator, long denominator, string reasonWhenZero) =>
        Estimate.Ratio(numerator, denominator, reasonWhenZero, _withIntervals ? ProportionIntervals.Compute(numerator, denominator, Method, Level) : null);

    // (Se + Sp + offset) / denominator, as numerator and denominator; its interval is the MOVER interval of Se + Sp mapped the same way.
    private static Estimate OfSum(Estimate sensitivity, Estimate specificity, double offset, double denominator)
    {
        if (sensitivity.Value is not { } se) return Estimate.Undefined(double.NaN, double.NaN, $"sensitivity is undefined: {sensitivity.UndefinedReason}");
        if (specificity.Value is not { } sp) return Estimate.Undefined(double.NaN, double.NaN, $"specificity is undefined: {specificity.UndefinedReason}");
        var numerator = se + sp + offset;
        ConfidenceInterval? interval = null;
        if (sensitivity.Interval is { } a && specificity.Interval is { } b)
        {
            var lower = se + sp - Math.Sqrt((se - a.Lower) * (se - a.Lower) + (sp - b.Lower) * (sp - b.Lower));
            var upper = se + sp + Math.Sqrt((a.Upper - se) * (a.Upper - se) + (b.Upper - sp) * (b.Upper - sp));
            interval = new ConfidenceInterval((lower + offset) / denominator, (upper + offset) / denominator, a.Level, $"mover-{a.Method}");
        }
        return Estimate.Defined(numerator, denominator, numerator / denominator, interval);
    }

    // The Jaccard index's interval mapped through F1 = 2J/(1 + J); null without cases other than true negatives.
    private static ConfidenceInterval? F1Interval(long truePositives, long notTrueNegatives, ProportionInterval method, double level)
    {
        if (ProportionIntervals.Compute(truePositives, notTrueNegatives, method, level) is not { } jaccard) return null;
        return new ConfidenceInterval(2 * jaccard.Lower / (1 + jaccard.Lower), 2 * jaccard.Upper / (1 + jaccard.Upper), level, $"{jaccard.Method}-jaccard");
    }

    // ln(LR) ± z·sqrt(1/a − 1/n1 + 1/b − 1/n2), where a/n1 and b/n2 are the two proportions.
    private Estimate LikelihoodRatio(double? upper, double? lower, string? undefinedBecause, long a, long n1, long b, long n2, string infiniteReason, string zeroOverZeroReason)
    {
        if (upper is not { } u || lower is not { } l) return Estimate.Undefined(double.NaN, double.NaN, $"a proportion is undefined: {undefinedBecause}");
        if (l == 0) return Estimate.Undefined(u, l, u == 0 ? zeroOverZeroReason : infiniteReason);
        // (a/n1) / (b/n2) as a·n2 / (b·n1) from the integer counts: one rounding instead of three, so 31/2 prints as 15.5.
        var ratio = (double)((Int128)a * n2) / (double)((Int128)b * n1);
        ConfidenceInterval? interval = null;
        if (_withIntervals && a > 0 && b > 0)
        {
            var z = ProportionIntervals.TwoSidedZ(Level);
            var se = Math.Sqrt(1.0 / a - 1.0 / n1 + 1.0 / b - 1.0 / n2);
            interval = new ConfidenceInterval(ratio * Math.Exp(-z * se), ratio * Math.Exp(z * se), Level, "log");
        }
        return Estimate.Defined(u, l, ratio, interval);
    }
}
