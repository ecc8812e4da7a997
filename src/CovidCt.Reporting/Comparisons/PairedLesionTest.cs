using CovidCt.Metrics;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Reporting.Conventions;
using CovidCt.Reporting.Runs;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// Two models compared at the lesion level on the same slices: A − B of their weighted AFROC figures of merit (JAFROC) by the
/// paired jackknife over patients (<see cref="Jafroc.Compare"/>; each slice with a known truth is a case, clustered by its patient,
/// as in <see cref="LesionEvaluation.FreeResponseCases"/>), or why there is no such comparison.
/// </summary>
/// <param name="ModelA">The first model's name.</param>
/// <param name="ModelB">The second model's name.</param>
/// <param name="WeightedAfroc">The paired comparison (which may itself be undefined, with its reason); null when <paramref name="Absent"/> says why.</param>
/// <param name="Absent">Why there is no lesion-level comparison (a run without lesion results, or no lesion in any truth mask); null when there is one.</param>
public sealed record PairedLesionTest(string ModelA, string ModelB, JafrocComparison? WeightedAfroc, string? Absent)
{
    /// <summary>Model <paramref name="a"/> against <paramref name="b"/>, the interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">The two runs' lesion truth differs (other slices, clusters or lesions).</exception>
    public static PairedLesionTest Of(ModelRun a, ModelRun b, double level)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if ((a.Lesions is null ? a : b.Lesions is null ? b : null) is { } without)
        {
            return new(a.Name, b.Name, null,
                $"the run of {without.Name} has no lesion-level results: its boxes were not matched against the truth masks (covidct evaluate and compare match them; a notebook adds a LesionTally)");
        }
        var lesions = a.Lesions!;
        if (lesions.Lesions.Count == 0) return new(a.Name, b.Name, null, NoLesion(lesions));
        return new(a.Name, b.Name, Jafroc.Compare(lesions.FreeResponseCases, b.Lesions!.FreeResponseCases, JafrocFigure.WeightedAfroc, level), null);
    }

    // The JAFROC figure ranks true lesions, which exist only where a truth mask marks them.
    private static string NoLesion(LesionEvaluation lesions) => lesions.SlicesWithoutTruth > 0
        ? $"no truth mask marks a lesion: {Plural.Count(lesions.SlicesWithoutTruth, "slice")} of COVID-19 patients without a mask {(lesions.SlicesWithoutTruth == 1 ? "has" : "have")} no lesion truth, and the {Plural.Count(lesions.Slices.Count, "slice")} with a known truth hold no lesion"
        : $"no truth mask marks a lesion: the {Plural.Count(lesions.Slices.Count, "slice")} with a known truth hold no lesion";
}
