using CovidCt.Metrics;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// How model B reclassifies the cases of model A (Pencina et al. 2008, <see cref="Reclassification"/>), B over A:
/// the categorical NRI moves cases between the two models' own decisions, each at its own operating point, so it needs no
/// common threshold; the continuous (category-free) NRI of Pencina, D'Agostino and Steyerberg 2011 counts a case as moved up
/// when B's score is higher than A's; the IDI compares mean scores, so it needs probabilities in [0, 1].
/// Per image with slices clustered by patient, each also gets a patient-bootstrap percentile interval (Pencina's intervals
/// treat slices as independent).
/// </summary>
/// <param name="Categorical">The NRI of the decisions; null when <paramref name="Undefined"/> says why.</param>
/// <param name="Continuous">The NRI of the scores (up: B's score above A's); null when <paramref name="Undefined"/> says why.</param>
/// <param name="Idi">The IDI; null when <paramref name="Undefined"/> or <paramref name="IdiUndefined"/> says why.</param>
/// <param name="Undefined">Why nothing is defined (too few cases of a class); null when defined.</param>
/// <param name="IdiUndefined">Why the IDI alone is undefined; null when it is defined (or when <paramref name="Undefined"/> says why).</param>
public sealed record PairedReclassification(NetReclassification? Categorical, NetReclassification? Continuous, DiscriminationImprovement? Idi,
    string? Undefined, string? IdiUndefined)
{
    /// <summary>Why the rows look more certain than they are (<see cref="ReclassificationCaveats"/>: too few cases of a class or patients, a zero-width interval); empty when nothing needs saying.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>
    /// B (<paramref name="b"/>) over A (<paramref name="a"/>) on the same cases; with <paramref name="patientOfCase"/> (per image,
    /// each slice's patient) the clustered intervals too, from <paramref name="resamples"/> patient-bootstrap resamples.
    /// </summary>
    /// <exception cref="ArgumentException">The cases differ in number or truth, or <paramref name="patientOfCase"/> in length.</exception>
    public static PairedReclassification Of(ComparedCases a, ComparedCases b, IReadOnlyList<string>? patientOfCase, double level, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Truth.SequenceEqual(b.Truth)) throw new ArgumentException("the two models' cases have another truth or number", nameof(b));
        if (patientOfCase is not null && patientOfCase.Count != a.Truth.Count)
        {
            throw new ArgumentException($"{a.Truth.Count} cases but {patientOfCase.Count} patients of cases", nameof(patientOfCase));
        }
        if (ReclassificationText.WhyUndefined(a.Truth) is { } undefined) return new(null, null, null, undefined, null);
        var idiUndefined = ReclassificationText.WhyIdiUndefined(a.Scores.Concat(b.Scores));
        var cases = new PairedCases(a, b);
        var categorical = NetReclassification.Of(cases.Categorical(level));
        var continuous = NetReclassification.Of(cases.Continuous(level));
        var idi = idiUndefined is null ? DiscriminationImprovement.Of(cases.Scores(level)) : null;
        if (patientOfCase is null) return WithCaveats(new(categorical, continuous, idi, null, idiUndefined), a.Truth, null);
        // Slices of one patient move together: resampling whole patients gives the intervals their clustering.
        var bootstrap = new PatientBootstrap(patientOfCase, resamples, level: level);
        return WithCaveats(new(categorical with { ClusteredInterval = bootstrap.Interval(i => cases.Subset(i)?.Categorical(level).Nri).Interval },
            continuous with { ClusteredInterval = bootstrap.Interval(i => cases.Subset(i)?.Continuous(level).Nri).Interval },
            idi is null ? null : idi with { ClusteredInterval = bootstrap.Interval(i => cases.Subset(i)?.Scores(level).Idi).Interval },
            null, idiUndefined), a.Truth, bootstrap.Patients);
    }

    private static PairedReclassification WithCaveats(PairedReclassification r, IReadOnlyList<bool> truth, int? patients) =>
        r with { Caveats = ReclassificationCaveats.Of(r, truth, patients) };

    // The two models' cases as arrays, and the three reclassifications of them.
    private sealed record PairedCases(bool[] Truth, bool[] DecisionsA, bool[] DecisionsB, double[] ScoresA, double[] ScoresB)
    {
        public PairedCases(ComparedCases a, ComparedCases b)
            : this([.. a.Truth], [.. a.Decisions], [.. b.Decisions], [.. a.Scores], [.. b.Scores])
        {
        }

        // Decisions as 0/1 at threshold ½: up is positive under B and negative under A.
        public ReclassificationResult Categorical(double level) =>
            Reclassification.Compute(Indicators(DecisionsA), Indicators(DecisionsB), Truth, 0.5, level);

        // Each case's move as two indicators at threshold ½ (A's: B scored it lower; B's: B scored it higher), so that up is
        // B > A and down is B < A, and Pencina's counts and variance apply unchanged (as the 2011 paper uses them).
        public ReclassificationResult Continuous(double level) =>
            Reclassification.Compute(ScoresA.Select((s, i) => ScoresB[i] < s ? 1.0 : 0).ToArray(), ScoresA.Select((s, i) => ScoresB[i] > s ? 1.0 : 0).ToArray(), Truth, 0.5, level);

        // The IDI does not depend on the threshold.
        public ReclassificationResult Scores(double level) => Reclassification.Compute(ScoresA, ScoresB, Truth, 0.5, level);

        // The resampled cases, or null when a resample lacks two cases of a class (undefined there, counted by the bootstrap).
        public PairedCases? Subset(IReadOnlyList<int> cases)
        {
            var truth = cases.Select(i => Truth[i]).ToArray();
            return ReclassificationText.WhyUndefined(truth) is not null ? null
                : new(truth, Pick(DecisionsA, cases), Pick(DecisionsB, cases), Pick(ScoresA, cases), Pick(ScoresB, cases));
        }

        private static T[] Pick<T>(T[] values, IReadOnlyList<int> cases) => cases.Select(i => values[i]).ToArray();

        private static double[] Indicators(bool[] decisions) => decisions.Select(d => d ? 1.0 : 0).ToArray();
    }
}
