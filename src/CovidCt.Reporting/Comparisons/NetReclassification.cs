using CovidCt.Metrics;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// A net reclassification index of model B over model A (Pencina et al. 2008): the share of diseased cases moved up by B
/// minus those moved down, plus the share of non-diseased cases moved down minus those moved up, with Pencina's z interval.
/// </summary>
/// <param name="Value">The NRI, between −2 and 2; positive favours B.</param>
/// <param name="Interval">Pencina's interval, which treats the cases as independent.</param>
/// <param name="PValue">Two-sided p of Pencina's z-test; 1 when nothing moved.</param>
/// <param name="Diseased">P(up | diseased) − P(down | diseased).</param>
/// <param name="NonDiseased">P(down | non-diseased) − P(up | non-diseased).</param>
public sealed record NetReclassification(double Value, ConfidenceInterval Interval, double PValue, double Diseased, double NonDiseased)
{
    /// <summary>Per image with slices clustered by patient: the patient-bootstrap percentile interval; null otherwise.</summary>
    public ConfidenceInterval? ClusteredInterval { get; init; }

    /// <summary>The NRI part of <paramref name="result"/>.</summary>
    public static NetReclassification Of(ReclassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Nri, result.NriInterval, result.NriPValue, result.EventNri, result.NonEventNri);
    }
}

/// <summary>
/// The integrated discrimination improvement of model B over model A (Pencina et al. 2008): the gain in mean probability
/// among diseased cases minus that among non-diseased cases, with the z interval of the paired differences.
/// </summary>
/// <param name="Value">The IDI; positive favours B.</param>
/// <param name="Interval">The z interval, which treats the cases as independent.</param>
/// <param name="PValue">Two-sided p of the z-test.</param>
public sealed record DiscriminationImprovement(double Value, ConfidenceInterval Interval, double PValue)
{
    /// <summary>Per image with slices clustered by patient: the patient-bootstrap percentile interval; null otherwise.</summary>
    public ConfidenceInterval? ClusteredInterval { get; init; }

    /// <summary>The IDI part of <paramref name="result"/>.</summary>
    public static DiscriminationImprovement Of(ReclassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Idi, result.IdiInterval, result.IdiPValue);
    }
}
