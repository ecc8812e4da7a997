using System.Globalization;
using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Clustering;

namespace CovidCt.Reporting.Conventions;

/// <summary>The lesion-level results in words and rows, once for the console and report.html.</summary>
public static class LesionText
{
    /// <summary>How lesions, hits and overlaps are counted, in one paragraph.</summary>
    public static string Describe(LesionEvaluation lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Plural.Count(lesions.Lesions.Count, "lesion")} (8-connected components of the truth mask, per slice) on {Plural.Count(lesions.Slices.Count, "slice")} with a known truth. ")
            + (lesions.Criterion == LesionHitCriterion.Overlap ? "A box finds a lesion when it overlaps it. " : "A box finds a lesion when its centre lies on it. ")
            + "A box that finds none is a false positive. Dice and IoU compare the truth with the area the boxes cover (the pipeline outputs boxes, not a segmentation); "
            + "no truth and no box counts 1, one empty and the other not 0. The hit rate has two intervals: Wilson's, which takes lesions as independent, and the one to quote, clustered by patient (Rao–Scott Wilson). The FROC ends at the pipeline's box threshold: no box exists below it. "
            + "The wAFROC figure of merit (Chakraborty's JAFROC) is the chance that a lesion's best box outscores the highest box on a lesion-free slice (an unmarked lesion loses to any box, ties count ½), each slice with lesions counting once."
            + (lesions.SlicesWithoutTruth > 0 ? $" {Plural.Count(lesions.SlicesWithoutTruth, "slice")} without a lesion truth {(lesions.SlicesWithoutTruth == 1 ? "is" : "are")} left out." : "");
    }

    /// <summary>
    /// Name and value of each lesion-level result: hit rate (with the interval clustered by patient, the one to quote), its
    /// interval with lesions taken as independent, false positives per image, the wAFROC figure of merit, Dice, IoU and the FROC
    /// sensitivities.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Rows(LesionEvaluation lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        var c = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>
        {
            ("Lesions found (hit rate)", HitRate(lesions.Sensitivity, LesionHitRate.Clustered(lesions))),
            ("False positives per image", Format(lesions.FalsePositivesPerImage, percent: false)),
            ("wAFROC figure of merit (JAFROC)", Weighted(lesions.WeightedAfroc)),
            ("Dice, mean per slice / per patient", $"{Mean(lesions.MeanSliceDice)} / {Mean(lesions.MeanPatientDice)}"),
            ("IoU, mean per slice / per patient", $"{Mean(lesions.MeanSliceIou)} / {Mean(lesions.MeanPatientIou)}"),
        };
        if (lesions.Sensitivity.Interval is { } naive) rows.Insert(1, ("Hit rate, lesions taken as independent", $"{TextFormat.Level(naive.Level)} CI {Percent(naive.Lower)}–{Percent(naive.Upper)}"));
        if (lesions.Froc is not { } froc) return rows;
        var rates = froc.AtStandardRates();
        foreach (var at in rates.Where(r => !r.BeyondCurve))
        {
            rows.Add((string.Create(c, $"FROC sensitivity at {at.FalsePositivesPerImage:0.###} FP/image"), Percent(at.Sensitivity)));
        }
        // Rates past the curve's end all read its last point: one row says so instead of repeating it.
        if (rates.Where(r => r.BeyondCurve).ToArray() is [var first, ..] beyond)
        {
            var name = beyond.Length == 1 ? $"FROC sensitivity at {first.FalsePositivesPerImage:0.###} FP/image" : $"FROC sensitivity at {first.FalsePositivesPerImage:0.###}–{beyond[^1].FalsePositivesPerImage:0.###} FP/image";
            rows.Add((string.Create(c, $"{name}"), string.Create(c, $"{Percent(first.Sensitivity)} (curve ends at {froc.Points[^1].FalsePositivesPerImage:0.###} FP/image)")));
        }
        return rows;
    }

    /// <summary>
    /// What to note under the lesion rows, kept out of the hit rate's row so that it reads on one line: why the interval clustered
    /// by patient is undefined, or its caveat (a design effect floored at 1, too few patients); empty when there is neither.
    /// </summary>
    public static IReadOnlyList<string> Notes(LesionEvaluation lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        var clustered = LesionHitRate.Clustered(lesions);
        if (lesions.Sensitivity.Value is not null && clustered.Proportion.Value is null) return [$"hit rate clustered by patient: undefined ({clustered.Proportion.UndefinedReason})"];
        return clustered.Caveat is { } caveat ? [$"hit rate: {caveat}"] : [];
    }

    private static string Format(Estimate estimate, bool percent)
    {
        if (estimate.Value is not { } v) return $"undefined ({estimate.UndefinedReason})";
        var c = CultureInfo.InvariantCulture;
        string Number(double x) => percent ? Percent(x) : x.ToString("0.###", c);
        var ci = estimate.Interval is { } i ? $"; {TextFormat.Level(i.Level)} CI {Number(i.Lower)}–{Number(i.Upper)}" : "";
        return string.Create(c, $"{Number(v)} ({estimate.Numerator:0}/{estimate.Denominator:0}{ci})");
    }

    // "48.2% (81/168; 95% CI 40.8%–55.7% clustered by 6 patients)": the interval to quote; the naive one has a row of its own.
    private static string HitRate(Estimate naive, ClusteredProportionResult clustered)
    {
        if (naive.Value is not { } v) return $"undefined ({naive.UndefinedReason})";
        var count = string.Create(CultureInfo.InvariantCulture, $"{Percent(v)} ({naive.Numerator:0}/{naive.Denominator:0}");
        if (clustered.Proportion is not { Value: not null, Interval: { } i }) return $"{count}; clustered by patient: undefined, see the note)";
        return string.Create(CultureInfo.InvariantCulture, $"{count}; {TextFormat.Level(i.Level)} CI {Percent(i.Lower)}–{Percent(i.Upper)} clustered by {clustered.Clusters} patients)");
    }

    // "0.912 (95% CI 0.85–0.97, jackknife over 12 patients)": the figure that ranks lesions against the lesion-free slices' highest box.
    private static string Weighted(JafrocResult result)
    {
        if (result.FigureOfMerit.Value is not { } v) return $"undefined ({result.FigureOfMerit.UndefinedReason})";
        var c = CultureInfo.InvariantCulture;
        var ci = result.FigureOfMerit.Interval is { } i
            ? string.Create(c, $"{TextFormat.Level(i.Level)} CI {i.Lower:0.000}–{i.Upper:0.000}, jackknife over {result.Clusters} patients")
            : $"no interval: {result.IntervalUndefinedReason}";
        var caveats = string.Concat(result.Caveats.Select(caveat => $"; {caveat}"));
        return string.Create(c, $"{v:0.000} ({ci}{caveats})");
    }

    private static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Mean(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";
}
