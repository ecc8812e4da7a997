namespace CovidCt.Metrics;

/// <summary>
/// Ratio summaries of one confusion table with intervals that survive a zero cell: the diagnostic odds ratio
/// (Glas et al. 2003), the likelihood ratios (Simel, Samsa and Matchar 1991) and the predictive values at another
/// prevalence (Mercaldo, Lau and Zhou 2007, logit interval). Every value is computed from the integer counts.
/// </summary>
public static class RatioSummaries
{
    private const double Haldane = 0.5;

    /// <summary>DOR = TP·TN / (FP·FN), interval exp(ln DOR ± z·√(1/TP + 1/FP + 1/TN + 1/FN)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is not in (0, 1).</exception>
    public static CorrectedRatio DiagnosticOddsRatio(ConfusionCounts counts, double level = 0.95)
    {
        Check(counts, level);
        var (tp, fp, tn, fn) = Cells(counts);
        if (counts.Positives == 0 || counts.Negatives == 0) return Undefined("needs diseased and non-diseased cases");
        var corrected = tp == 0 || fp == 0 || tn == 0 || fn == 0;
        if (corrected) (tp, fp, tn, fn) = (tp + Haldane, fp + Haldane, tn + Haldane, fn + Haldane);
        var se = Math.Sqrt(1 / tp + 1 / fp + 1 / tn + 1 / fn);
        return Log(tp * tn, fp * fn, se, level, corrected, "a cell is 0");
    }

    /// <summary>LR+ = sensitivity / (1 − specificity) with its log interval; corrected when TP or FP is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is not in (0, 1).</exception>
    public static CorrectedRatio PositiveLikelihoodRatio(ConfusionCounts counts, double level = 0.95)
    {
        Check(counts, level);
        var (tp, fp, tn, fn) = Cells(counts);
        return LikelihoodRatio(tp, tp + fn, fp, fp + tn, level, "TP or FP is 0");
    }

    /// <summary>LR− = (1 − sensitivity) / specificity with its log interval; corrected when FN or TN is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is not in (0, 1).</exception>
    public static CorrectedRatio NegativeLikelihoodRatio(ConfusionCounts counts, double level = 0.95)
    {
        Check(counts, level);
        var (tp, fp, tn, fn) = Cells(counts);
        return LikelihoodRatio(fn, tp + fn, tn, fp + tn, level, "FN or TN is 0");
    }

    /// <summary>
    /// PPV at prevalence π: se·π / (se·π + (1 − sp)(1 − π)), the predictive value a population with that prevalence
    /// would see (the study's own PPV is biased when its prevalence is not the target's). Logit interval:
    /// logit PPV ± z·√((1 − se)/TP + sp/FP).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the level is not in (0, 1), or π is not in (0, 1).</exception>
    public static CorrectedRatio PositivePredictiveValue(ConfusionCounts counts, double prevalence, double level = 0.95)
    {
        Check(counts, level);
        CheckPrevalence(prevalence);
        var (tp, fp, tn, fn) = Cells(counts);
        return PredictiveValue(tp, fp, tn, fn, prevalence / (1 - prevalence), level, "TP or FP is 0");
    }

    /// <summary>NPV at prevalence π: sp·(1 − π) / (sp·(1 − π) + (1 − se)·π), logit interval logit NPV ± z·√((1 − sp)/TN + se/FN).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the level is not in (0, 1), or π is not in (0, 1).</exception>
    public static CorrectedRatio NegativePredictiveValue(ConfusionCounts counts, double prevalence, double level = 0.95)
    {
        Check(counts, level);
        CheckPrevalence(prevalence);
        var (tp, fp, tn, fn) = Cells(counts);
        return PredictiveValue(tn, fn, tp, fp, (1 - prevalence) / prevalence, level, "TN or FN is 0");
    }

    // logit PV = ln(odds) + ln(a/(a+c)) − ln(b/(b+d)), where a/(a+c) is the "right" rate and b/(b+d) the "wrong" one:
    // for PPV a = TP, b = FP, c = FN, d = TN; for NPV a = TN, b = FN, c = FP, d = TP.
    private static CorrectedRatio PredictiveValue(double a, double b, double d, double c, double odds, double level, string zeroCells)
    {
        if (a + c == 0 || b + d == 0) return Undefined("needs diseased and non-diseased cases");
        var corrected = a == 0 || b == 0;
        if (corrected) (a, b, c, d) = (a + Haldane, b + Haldane, c + Haldane, d + Haldane);
        var rightRate = a / (a + c);
        var wrongRate = b / (b + d);
        var logit = Math.Log(odds) + Math.Log(rightRate) - Math.Log(wrongRate);
        var se = Math.Sqrt((1 - rightRate) / a + (1 - wrongRate) / b);
        var z = ProportionIntervals.TwoSidedZ(level);
        var interval = new ConfidenceInterval(Logistic(logit - z * se), Logistic(logit + z * se), level, corrected ? "logit-haldane" : "logit");
        return new CorrectedRatio(Estimate.Defined(rightRate * odds, rightRate * odds + wrongRate, Logistic(logit), interval), corrected,
            corrected ? $"{zeroCells}: 0.5 added to every cell" : null);
    }

    private static CorrectedRatio LikelihoodRatio(double a, double n1, double b, double n2, double level, string zeroCells)
    {
        if (n1 == 0 || n2 == 0) return Undefined("needs diseased and non-diseased cases");
        var corrected = a == 0 || b == 0;
        if (corrected) (a, n1, b, n2) = (a + Haldane, n1 + 2 * Haldane, b + Haldane, n2 + 2 * Haldane);
        var se = Math.Sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
        return Log(a * n2, b * n1, se, level, corrected, zeroCells);
    }

    private static CorrectedRatio Log(double numerator, double denominator, double se, double level, bool corrected, string zeroCells)
    {
        var ratio = numerator / denominator;
        var z = ProportionIntervals.TwoSidedZ(level);
        var interval = new ConfidenceInterval(ratio * Math.Exp(-z * se), ratio * Math.Exp(z * se), level, corrected ? "log-haldane" : "log");
        return new CorrectedRatio(Estimate.Defined(numerator, denominator, ratio, interval), corrected, corrected ? $"{zeroCells}: 0.5 added to every cell" : null);
    }

    private static CorrectedRatio Undefined(string reason) => new(Estimate.Undefined(double.NaN, double.NaN, reason), false, reason);

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static (double Tp, double Fp, double Tn, double Fn) Cells(ConfusionCounts c) => (c.TruePositives, c.FalsePositives, c.TrueNegatives, c.FalseNegatives);

    private static void Check(ConfusionCounts counts, double level)
    {
        if (counts.TruePositives < 0 || counts.FalsePositives < 0 || counts.TrueNegatives < 0 || counts.FalseNegatives < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), $"counts must be non-negative, got {counts}");
        }
        ProportionIntervals.CheckLevel(level);
    }

    private static void CheckPrevalence(double prevalence)
    {
        if (!(prevalence > 0 && prevalence < 1)) throw new ArgumentOutOfRangeException(nameof(prevalence), $"the target prevalence must lie in (0, 1), got {prevalence}");
    }
}
