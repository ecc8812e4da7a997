namespace CovidCt.Metrics;

/// <summary>
/// Cluster bootstrap by patient for per-image metrics: each resample draws as many patients as there
/// are, with replacement, and keeps all images of each drawn patient, so images of one patient never
/// count as independent evidence. Seeded (System.Random with a fixed seed) and therefore reproducible.
/// The interval is the percentile interval (linear interpolation between order statistics, as numpy's default).
/// </summary>
public sealed class PatientBootstrap
{
    private readonly int[][] _casesOfPatient;

    /// <summary>Prepares resampling of the cases, grouped by <paramref name="patientOfCase"/> (one patient id per case).</summary>
    /// <exception cref="ArgumentException">No cases, or fewer than one resample.</exception>
    public PatientBootstrap(IReadOnlyList<string> patientOfCase, int resamples = 2000, int seed = 20200225, double level = 0.95)
    {
        if (patientOfCase.Count == 0) throw new ArgumentException("no cases to resample", nameof(patientOfCase));
        if (resamples < 1) throw new ArgumentException($"need at least one resample, got {resamples}", nameof(resamples));
        ProportionIntervals.CheckLevel(level);
        _casesOfPatient = Enumerable.Range(0, patientOfCase.Count)
            .GroupBy(i => patientOfCase[i], StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();
        PatientOfCase = new int[patientOfCase.Count];
        for (var p = 0; p < _casesOfPatient.Length; p++)
        {
            foreach (var i in _casesOfPatient[p]) PatientOfCase[i] = p;
        }
        Resamples = resamples;
        Seed = seed;
        Level = level;
    }

    /// <summary>The patient index (0 to <see cref="Patients"/> − 1, as <see cref="IntervalOfDraws"/> counts them) of each case.</summary>
    internal int[] PatientOfCase { get; }

    /// <summary>Number of distinct patients.</summary>
    public int Patients => _casesOfPatient.Length;

    /// <summary>Resamples per interval.</summary>
    public int Resamples { get; }

    /// <summary>The random seed.</summary>
    public int Seed { get; }

    /// <summary>The confidence level.</summary>
    public double Level { get; }

    /// <summary>
    /// The interval of any metric computed from a list of case indices (repeated when a patient is drawn
    /// more than once); the metric returns null when undefined on that list.
    /// </summary>
    public BootstrapResult Interval(Func<IReadOnlyList<int>, double?> metric)
    {
        var all = _casesOfPatient.SelectMany(c => c).Order().ToArray();
        return Summarise(metric(all), Draws().Select(draw => metric(draw.SelectMany(p => _casesOfPatient[p]).ToArray())));
    }

    /// <summary>
    /// The same interval as <see cref="Interval"/> (the same resamples for the same seed), for a metric computed from how often
    /// each patient was drawn (<c>draws[p]</c>; the array is reused between resamples; the original data draw every patient
    /// once): a resample then costs O(patients) plus whatever the metric costs, instead of listing every case of every drawn patient.
    /// </summary>
    internal BootstrapResult IntervalOfDraws(Func<int[], double?> metric)
    {
        var counts = new int[Patients];
        Array.Fill(counts, 1);
        return Summarise(metric(counts), Draws().Select(draw =>
        {
            Array.Clear(counts);
            foreach (var p in draw) counts[p]++;
            return metric(counts);
        }));
    }

    /// <summary>
    /// Intervals for every metric of <see cref="DiagnosticMetrics.All"/> from per-case truth and decisions,
    /// in the same order and with the same names. Each resample adds per-patient confusion tables, so a
    /// resample costs O(patients), not O(images).
    /// </summary>
    /// <exception cref="ArgumentException">The lists' lengths differ from the number of cases.</exception>
    public IReadOnlyList<KeyValuePair<string, BootstrapResult>> ConfusionMetrics(IReadOnlyList<bool> truth, IReadOnlyList<bool> decisions)
    {
        var cases = _casesOfPatient.Sum(c => c.Length);
        if (truth.Count != cases || decisions.Count != cases) throw new ArgumentException($"{cases} cases but {truth.Count} labels and {decisions.Count} decisions", nameof(truth));
        var perPatient = _casesOfPatient
            .Select(c => ConfusionCounts.FromDecisions(c.Select(i => truth[i]).ToArray(), c.Select(i => decisions[i]).ToArray()))
            .ToArray();
        var original = Values(perPatient.Aggregate(default(ConfusionCounts), (a, b) => a + b));
        var resampled = Draws().Select(draw => Values(draw.Aggregate(default(ConfusionCounts), (sum, p) => sum + perPatient[p]))).ToArray();
        return original.Select((pair, m) => new KeyValuePair<string, BootstrapResult>(pair.Key, Summarise(pair.Value, resampled.Select(r => r[m].Value))))
            .ToArray();
    }

    private static KeyValuePair<string, double?>[] Values(ConfusionCounts counts) =>
        DiagnosticMetrics.ValuesOnly(counts).All.Select(p => new KeyValuePair<string, double?>(p.Key, p.Value.Value)).ToArray();

    private IEnumerable<int[]> Draws()
    {
        var random = new Random(Seed);
        for (var r = 0; r < Resamples; r++)
        {
            var draw = new int[Patients];
            for (var i = 0; i < draw.Length; i++) draw[i] = random.Next(Patients);
            yield return draw;
        }
    }

    private BootstrapResult Summarise(double? value, IEnumerable<double?> resampled)
    {
        var defined = new List<double>(Resamples);
        var undefined = 0;
        foreach (var v in resampled)
        {
            if (v is { } x) defined.Add(x);
            else undefined++;
        }
        ConfidenceInterval? interval = null;
        if (defined.Count > 0)
        {
            defined.Sort();
            var alpha = 1 - Level;
            interval = new ConfidenceInterval(Percentile(defined, alpha / 2), Percentile(defined, 1 - alpha / 2), Level, "patient-bootstrap-percentile");
        }
        return new BootstrapResult(value, interval, Resamples, undefined, Seed);
    }

    internal static double Percentile(List<double> sorted, double probability)
    {
        var position = probability * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
