using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Reporting.Comparisons;

/// <summary>
/// A model compared at its own operating point: the point was chosen on a tuning split by <see cref="OperatingPointRule"/>
/// (<see cref="CohortSweep.TuneAndReport"/>), and the comparison's runs on the report split were made at it.
/// </summary>
/// <param name="Name">The model's name in the comparison.</param>
/// <param name="Tuned">The sweep on the tuning split, the chosen row there (optimistic: chosen there) and the same setting's row on the report split.</param>
public sealed record TunedModel(string Name, TunedOperatingPoint Tuned)
{
    /// <summary>Where the chosen operating point was written as a full pipeline definition, or null when it was not written.</summary>
    public string? PipelineFile { get; init; }

    /// <summary>Where the tuning split's sweep was written, or null when it was not written.</summary>
    public string? SweepCsv { get; init; }
}
