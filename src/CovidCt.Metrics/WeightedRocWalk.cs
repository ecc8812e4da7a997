namespace CovidCt.Metrics;

/// <summary>
/// Cases sorted once from the highest score down, in tie blocks, so that a bootstrap resample, given only how often each
/// patient was drawn, yields the resample's cumulative true and false positives after each block without sorting or
/// listing its cases. A block whose cases were not drawn repeats the previous counts, which changes no statistic read off
/// the curve below (average precision adds nothing for it; a best point is replaced only by a strictly better one).
/// </summary>
internal sealed class WeightedRocWalk
{
    private readonly bool[] _diseased;
    private readonly int[] _patient;
    private readonly int[] _blockEnd;
    private readonly long[] _truePositives;
    private readonly long[] _falsePositives;

    /// <exception cref="ArgumentException">Lengths differ, or a score is not finite.</exception>
    public WeightedRocWalk(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, IReadOnlyList<int> patientOfCase)
    {
        ThresholdSweep.Compute(scores, labels);
        if (patientOfCase.Count != scores.Count) throw new ArgumentException($"{scores.Count} scores but the bootstrap has {patientOfCase.Count} cases", nameof(patientOfCase));
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        _diseased = order.Select(i => labels[i]).ToArray();
        _patient = order.Select(i => patientOfCase[i]).ToArray();
        _blockEnd = Enumerable.Range(1, order.Length).Where(k => k == order.Length || scores[order[k]] != scores[order[k - 1]]).ToArray();
        _truePositives = new long[_blockEnd.Length];
        _falsePositives = new long[_blockEnd.Length];
    }

    /// <summary>Tie blocks: distinct scores.</summary>
    public int Blocks => _blockEnd.Length;

    /// <summary>
    /// Cumulative true and false positives after each block for a resample that drew patient p <paramref name="draws"/>[p] times.
    /// The arrays are this walk's own and are overwritten by the next call.
    /// </summary>
    public (long[] TruePositives, long[] FalsePositives) Cumulative(int[] draws)
    {
        long tp = 0, fp = 0;
        var k = 0;
        for (var b = 0; b < _blockEnd.Length; b++)
        {
            for (var end = _blockEnd[b]; k < end; k++)
            {
                var weight = draws[_patient[k]];
                if (_diseased[k]) tp += weight;
                else fp += weight;
            }
            _truePositives[b] = tp;
            _falsePositives[b] = fp;
        }
        return (_truePositives, _falsePositives);
    }
}
