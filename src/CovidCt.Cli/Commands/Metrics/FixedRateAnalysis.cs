using CovidCt.Metrics;

namespace CovidCt.Cli.Commands;

/// <summary>
/// Sensitivity at a fixed specificity (or the reverse) for <c>metrics scores --at-specificity/--at-sensitivity</c>: the
/// rate at the chosen threshold with its interval at that threshold, and a bootstrap that re-chooses the threshold in every
/// resample (by patient with a patient column, else by case), so the interval also carries the threshold's uncertainty.
/// </summary>
internal sealed record FixedRateAnalysis(string Rate, string FixedAt, FixedRateResult Result, BootstrapResult Bootstrap, string BootstrapUnit)
{
    public static FixedRateAnalysis Compute(bool sensitivityAtSpecificity, double target, RocCurve curve, IReadOnlyList<bool> labels,
        IReadOnlyList<double> scores, PatientBootstrap bootstrapper, string unit, ProportionInterval method, double level)
    {
        if (!(target >= 0 && target <= 1))
        {
            var option = sensitivityAtSpecificity ? "--at-specificity" : "--at-sensitivity";
            throw new UsageException($"{option} must be a rate between 0 and 1 (for example 0.95); got {target}");
        }
        FixedRateResult Read(RocCurve c) => sensitivityAtSpecificity
            ? FixedRate.SensitivityAtSpecificity(c, target, method, level)
            : FixedRate.SpecificityAtSensitivity(c, target, method, level);
        var bootstrap = sensitivityAtSpecificity
            ? FixedRate.SensitivityAtSpecificityBootstrap(labels, scores, target, bootstrapper)
            : FixedRate.SpecificityAtSensitivityBootstrap(labels, scores, target, bootstrapper);
        return sensitivityAtSpecificity
            ? new FixedRateAnalysis("sensitivity", "specificity", Read(curve), bootstrap, unit)
            : new FixedRateAnalysis("specificity", "sensitivity", Read(curve), bootstrap, unit);
    }
}
