using CovidCt.Data.Cohorts;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Cli.Commands;

/// <summary>
/// What <c>--tune-on SPLIT --report-on SPLIT</c> needs before anything is scored: both options or neither, two different splits,
/// no <c>--split</c> beside them, a patient-level cohort (the operating-point rule maximises the per-patient Youden's J), patients
/// in both splits and both labels in the tuning split. Each failure is a usage error (exit 2) saying what to do instead.
/// </summary>
internal static class TuningSplits
{
    /// <summary>The tuning and report splits named by the two options, or null when neither was given.</summary>
    /// <exception cref="UsageException">One option without the other, or the same split twice.</exception>
    public static (CohortSplit TuneOn, CohortSplit ReportOn)? Parse(string? tuneOn, string? reportOn)
    {
        var (tune, report) = (SplitOf(tuneOn), SplitOf(reportOn));
        if (tune.HasValue != report.HasValue) throw new UsageException("--tune-on and --report-on go together: name the split to choose on and the split to report on");
        if (tune is null) return null;
        if (tune == report) throw new UsageException($"--tune-on and --report-on are both '{tuneOn}': tuning and reporting on one split overstates the result; choose two splits");
        return (tune.Value, report!.Value);
    }

    /// <summary>Checks that <paramref name="manifest"/> can be tuned on <paramref name="tuneOn"/> and reported on <paramref name="reportOn"/>.</summary>
    /// <exception cref="UsageException">An image-level cohort, a split without patients, or a tuning split without both labels.</exception>
    public static void Require(CohortManifest manifest, CohortSplit tuneOn, CohortSplit reportOn)
    {
        if (!CohortLevelText.HasPatientTable(manifest))
        {
            throw new UsageException($"{manifest.Path} is an image-level cohort: --tune-on chooses the operating point by the per-patient Youden's J, and {CohortLevelText.NoPatientRule}; read the per-image Pareto front of 'covidct sweep' instead");
        }
        RequirePatients(manifest, tuneOn, "--tune-on");
        RequirePatients(manifest, reportOn, "--report-on");
        if (manifest.InSplit(tuneOn).Select(e => e.Label).Distinct().Count() < 2)
        {
            throw new UsageException($"{manifest.Path}: split '{CohortSplitNames.NameOrAll(tuneOn)}' (--tune-on) needs both COVID-19 and control patients to choose an operating point by Youden's J");
        }
    }

    /// <summary>Checks that <paramref name="split"/> (null: all) of <paramref name="manifest"/> holds patients; <paramref name="option"/> is named in the error.</summary>
    /// <exception cref="UsageException">No patient in the split, with how to build the full default cohort.</exception>
    public static void RequirePatients(CohortManifest manifest, CohortSplit? split, string option)
    {
        if (manifest.InSplit(split).Any()) return;
        throw new UsageException($"{manifest.Path} has no patients in split '{CohortSplitNames.NameOrAll(split)}' ({option}). The embedded default cohort holds the test split only; " +
            "build the full default cohort with 'covidct cohort build --spec datasets/specs/default.json --out .cache/cohorts/default' " +
            "and pass --cohort .cache/cohorts/default/manifest.csv");
    }

    private static CohortSplit? SplitOf(string? name) => CohortSplitNames.TryParse(name, out var split) ? split : null;
}
