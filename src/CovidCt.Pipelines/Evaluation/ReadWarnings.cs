using System.Collections.Concurrent;
using CovidCt.Data;
using CovidCt.Data.Cohorts;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// The geometry the volumes of a run were read with because their files did not state it (<see cref="CtVolume.Assumptions"/>),
/// noted as each volume is read (on whichever thread reads it: the read-ahead reads patient n+1 while n is scored) and given
/// back as run warnings, each once, in reading order.
/// </summary>
internal sealed class ReadWarnings
{
    private readonly ConcurrentQueue<string> _warnings = [];

    /// <summary><paramref name="patients"/>, each noted as it passes.</summary>
    public IEnumerable<CohortPatient> Noting(IEnumerable<CohortPatient> patients)
    {
        foreach (var patient in patients)
        {
            Note(patient.Volume);
            yield return patient;
        }
    }

    /// <summary>Notes what <paramref name="volume"/> assumed.</summary>
    public void Note(CtVolume volume)
    {
        foreach (var assumption in volume.Assumptions) _warnings.Enqueue(assumption.Warning);
    }

    /// <summary>The warnings, in reading order, each once (a patient read again, or by a second run, is noted again).</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings.Distinct()];
}
