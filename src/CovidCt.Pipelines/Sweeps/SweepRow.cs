using CovidCt.Metrics;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>The tables of one setting: per image and per patient, counts and metrics from CovidCt.Metrics (undefined where a denominator is 0).</summary>
/// <param name="Setting">The setting.</param>
/// <param name="Image">Per-image metrics over slices with a known truth (<see cref="DiagnosticMetrics.Counts"/> holds the counts).</param>
/// <param name="Patient">Per-patient metrics.</param>
public sealed record SweepRow(SweepSetting Setting, DiagnosticMetrics Image, DiagnosticMetrics Patient)
{
    /// <summary>The metrics at <paramref name="level"/>.</summary>
    public DiagnosticMetrics At(SweepLevel level) => level == SweepLevel.Patient ? Patient : Image;
}
