using System.Collections.Concurrent;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>
/// Body framing's whole-slice fallback (<see cref="FramingCheck.WholeSliceFallback"/>) noted for each case as the sweep reads it,
/// on the volume read for scoring: the command used to read every case once more before the run to say it.
/// </summary>
internal sealed class FramingFacts(SliceFraming framing)
{
    private readonly ConcurrentQueue<string> _warnings = [];

    /// <summary><paramref name="patients"/>, each checked as it passes (on whichever thread reads it).</summary>
    public IEnumerable<CohortPatient> Noting(IEnumerable<CohortPatient> patients)
    {
        foreach (var patient in patients)
        {
            if (FramingCheck.WholeSliceFallback(patient.Entry.PatientId, patient.Volume, framing) is { } warning) _warnings.Enqueue(warning);
            yield return patient;
        }
    }

    /// <summary>The warnings, in reading order, each once (a cursor that reads the cohort again notes the same cases again).</summary>
    public IEnumerable<string> Warnings => _warnings.Distinct();
}
