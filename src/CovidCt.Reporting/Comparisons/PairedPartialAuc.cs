using CovidCt.Metrics;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// Two models' partial AUCs over the same high-specificity range on the same cases (<see cref="PartialAuc"/>, McClish
/// standardised), and the difference A − B with a patient-bootstrap percentile interval: patients are resampled whole, so
/// per image the interval accounts for slices of one patient, and per patient it is an ordinary case bootstrap.
/// </summary>
/// <param name="MinimumSpecificity">The range is specificity in [MinimumSpecificity, 1].</param>
/// <param name="A">Model A's partial AUC.</param>
/// <param name="B">Model B's partial AUC.</param>
/// <param name="Difference">The raw partial area of A minus that of B, with its bootstrap interval; its value null when either area is undefined.</param>
public sealed record PairedPartialAuc(double MinimumSpecificity, PartialAucResult A, PartialAucResult B, BootstrapResult Difference)
{
    /// <summary>McClish standardised A − B; null when either is undefined.</summary>
    public double? McClishDifference => A.McClish - B.McClish;

    /// <summary>
    /// A (<paramref name="a"/>) against B (<paramref name="b"/>) on the same cases, <paramref name="patientOfCase"/> giving each
    /// case's patient (per patient, its own id), from <paramref name="resamples"/> resamples.
    /// </summary>
    /// <exception cref="ArgumentException">The cases differ in truth or number, <paramref name="patientOfCase"/> in length, or the range does not start in [0, 1).</exception>
    public static PairedPartialAuc Of(ComparedCases a, ComparedCases b, IReadOnlyList<string> patientOfCase, double minimumSpecificity, double level, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(patientOfCase);
        if (!a.Truth.SequenceEqual(b.Truth)) throw new ArgumentException("the two models' cases have another truth or number", nameof(b));
        if (patientOfCase.Count != a.Truth.Count) throw new ArgumentException($"{a.Truth.Count} cases but {patientOfCase.Count} patients of cases", nameof(patientOfCase));
        var (truth, scoresA, scoresB) = (a.Truth.ToArray(), a.Scores.ToArray(), b.Scores.ToArray());
        PartialAucResult Area(double[] scores, int[] cases) =>
            PartialAuc.Compute(Roc.FromScores(labels: cases.Select(i => truth[i]).ToArray(), scores: cases.Select(i => scores[i]).ToArray(), level: level), minimumSpecificity);
        var all = Enumerable.Range(0, truth.Length).ToArray();
        var (areaA, areaB) = (Area(scoresA, all), Area(scoresB, all));
        var bootstrap = new PatientBootstrap(patientOfCase, resamples, level: level);
        // A resample without a case of either class has no curve: it counts as undefined, and the bootstrap reports how many were.
        var difference = bootstrap.Interval(cases =>
        {
            var drawn = cases.ToArray();
            return Area(scoresA, drawn).Area.Value - Area(scoresB, drawn).Area.Value;
        });
        return new PairedPartialAuc(minimumSpecificity, areaA, areaB, difference);
    }
}
