using CovidCt.Data.Cohorts;

namespace CovidCt.Data.Synthesis;

/// <summary>One patient a cohort spec asks for, before it is built.</summary>
/// <param name="PatientId">Id in the manifest: <c>sim-NNN</c> for procedural, <c>real-NNN</c> for real-CT patients, numbered in a seeded shuffle so that ids say nothing about labels.</param>
/// <param name="Label">Reference diagnosis.</param>
/// <param name="Split">Split by patient.</param>
/// <param name="Seed">The patient's own seed (derived from the spec seed, the label and the patient's rank within its group, so adding patients does not change earlier ones).</param>
/// <param name="Slices">Slices of a procedural patient; 0 for real CT (the series decides).</param>
/// <param name="Series">The real CT series as written in the spec, or null for a procedural patient.</param>
public sealed record PlannedPatient(string PatientId, PatientLabel Label, CohortSplit Split, ulong Seed, int Slices, string? Series);

/// <summary>Turns a <see cref="CohortSpec"/> into the list of patients to build, deterministically.</summary>
public static class CohortPlan
{
    /// <summary>The patients of <paramref name="spec"/> in manifest order.</summary>
    public static IReadOnlyList<PlannedPatient> For(CohortSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var root = new SeededRandom(spec.Seed);
        var procedural = new List<(PatientLabel Label, ulong Seed, int Slices)>();
        foreach (var (label, count, stream) in new[] { (PatientLabel.Covid, spec.Procedural.Covid, 0x1000UL), (PatientLabel.Control, spec.Procedural.Control, 0x2000UL) })
        {
            for (var k = 0; k < count; k++)
            {
                var own = root.Fork(stream + (ulong)k);
                procedural.Add((label, own.NextBits(), own.Integer(spec.Slices.Min, spec.Slices.Max)));
            }
        }
        var splits = StratifiedSplits(procedural.Select(p => p.Label).ToList(), spec.Split, root.Fork(0x10));
        var order = Shuffle(procedural.Count, root.Fork(0x11));
        var patients = new List<PlannedPatient>();
        for (var rank = 0; rank < order.Length; rank++)
        {
            var p = procedural[order[rank]];
            patients.Add(new PlannedPatient($"sim-{rank + 1:000}", p.Label, splits[order[rank]], p.Seed, p.Slices, null));
        }
        var real = new List<PlannedPatient>();
        for (var s = 0; s < spec.RealCt.Count; s++)
        {
            var source = spec.RealCt[s];
            foreach (var (label, count, stream) in new[] { (PatientLabel.Covid, source.Covid, 0x3000UL), (PatientLabel.Control, source.Control, 0x4000UL) })
            {
                for (var k = 0; k < count; k++)
                {
                    var seed = root.Fork(stream + ((ulong)s << 16) + (ulong)k).NextBits();
                    real.Add(new PlannedPatient("", label, source.Split, seed, 0, source.Series));
                }
            }
        }
        var realOrder = Shuffle(real.Count, root.Fork(0x12));
        for (var rank = 0; rank < realOrder.Length; rank++) patients.Add(real[realOrder[rank]] with { PatientId = $"real-{rank + 1:000}" });
        return patients;
    }

    // Within each label: a seeded shuffle, then the first round(n * test) to test, the next round(n * val) to val, the rest to train.
    private static CohortSplit[] StratifiedSplits(List<PatientLabel> labels, SplitFractions fractions, SeededRandom random)
    {
        var splits = new CohortSplit[labels.Count];
        foreach (var label in new[] { PatientLabel.Covid, PatientLabel.Control })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            var order = Shuffle(members.Length, random.Fork((ulong)label));
            var test = (int)Math.Round(members.Length * fractions.Test, MidpointRounding.AwayFromZero);
            var val = Math.Min(members.Length - test, (int)Math.Round(members.Length * fractions.Val, MidpointRounding.AwayFromZero));
            for (var r = 0; r < order.Length; r++) splits[members[order[r]]] = r < test ? CohortSplit.Test : r < test + val ? CohortSplit.Val : CohortSplit.Train;
        }
        return splits;
    }

    // Fisher–Yates on 0..n-1.
    private static int[] Shuffle(int n, SeededRandom random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Integer(0, i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
