using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The one place evaluate and compare say that body framing will have nothing to frame a case on
/// (<see cref="FramingCheck.WholeSliceFallback"/>): each patient is checked as it is scored, on the volume the run read anyway,
/// and the warnings are printed after the progress and before any number. The sweep engine notes the same fact as it reads
/// each case (<see cref="Pipelines.Sweeps.SweepResult.Warnings"/>), so no command reads a case twice for it.
/// </summary>
internal static class FramingWarnings
{
    /// <summary>The warning for <paramref name="patient"/> when <paramref name="framing"/> frames on a body it does not have, else null.</summary>
    public static string? Of(CohortPatient patient, SliceFraming framing) => FramingCheck.WholeSliceFallback(patient.Entry.PatientId, patient.Volume, framing);
}
