using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Cluster;

/// <summary>
/// A split series on the coordinator: its chunks' outcomes as they come in (each once, whichever worker answers first), joined
/// into the patient's outcome when the last arrives. The slices are put back in volume order and the patient rule is applied
/// once over all of them, so runs of k slices across a chunk boundary count as in a single-process run.
/// </summary>
/// <param name="patientId">The patient.</param>
/// <param name="sliceCount">Its slices.</param>
/// <param name="chunkSlices">The chunk size.</param>
internal sealed class ChunkedPatient(string patientId, int sliceCount, int chunkSlices)
{
    private readonly SortedDictionary<int, PatientOutcome> _chunks = [];

    /// <summary>The patient's slices.</summary>
    public int SliceCount { get; } = sliceCount;

    /// <summary>The first slice of every chunk.</summary>
    public IEnumerable<int> Starts => SliceChunks.Starts(SliceCount, chunkSlices);

    /// <summary>True when the chunk starting at <paramref name="firstSlice"/> has come in.</summary>
    public bool Has(int firstSlice) => _chunks.ContainsKey(firstSlice);

    /// <summary>True when every chunk has come in.</summary>
    public bool IsComplete => Starts.All(Has);

    /// <summary>Keeps the chunk starting at <paramref name="firstSlice"/>; false when it had come in already (a second answer is the same).</summary>
    /// <exception cref="InvalidDataException">When the outcome does not hold that chunk's slices, named by <paramref name="source"/>.</exception>
    public bool Add(int firstSlice, PatientOutcome outcome, string source)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var count = SliceChunks.CountAt(firstSlice, SliceCount, chunkSlices);
        var slices = outcome.Result.Slices;
        if (firstSlice % chunkSlices != 0 || count < 1 || slices.Count != count || outcome.SliceTruth.Count != count
            || slices.Select((s, i) => s.Index != firstSlice + i).Any(wrong => wrong))
        {
            throw new InvalidDataException($"{source}: expected slices {firstSlice} to {firstSlice + count - 1} of patient '{patientId}', one result each in order");
        }
        return _chunks.TryAdd(firstSlice, outcome);
    }

    /// <summary>
    /// The patient's outcome from its chunks: slices and truth in volume order, and the patient rule over the whole series.
    /// <paramref name="source"/> names the cohort in the rule's errors.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a chunk is missing.</exception>
    /// <exception cref="Data.IO.InvalidInputException">When two slices of different chunks share a position.</exception>
    public PatientOutcome Join(PatientRuleOptions rule, string source)
    {
        if (!IsComplete) throw new InvalidOperationException($"patient '{patientId}' is joined before all its chunks came in");
        var outcomes = _chunks.Values.ToArray();
        var slices = outcomes.SelectMany(o => o.Result.Slices).ToArray();
        var decision = PatientRule.Evaluate(source, patientId, slices.Select(s => s.Position).ToArray(), slices.Select(s => s.Detection).ToArray(), rule);
        return new PatientOutcome(new PatientResult(patientId, slices, decision), outcomes[0].IsCovid, [.. outcomes.SelectMany(o => o.SliceTruth)]);
    }
}
