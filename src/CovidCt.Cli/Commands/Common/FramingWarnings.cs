using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The one place evaluate, compare and sweep say that body framing will have nothing to frame a case on
/// (<see cref="FramingCheck.WholeSliceFallback"/>). evaluate checks each patient as it is scored, on the volume it read anyway,
/// and prints the warnings after the progress and before any number; compare and sweep, whose engines do not hand out the
/// volumes, read every case once more before scoring (<see cref="Check"/>).
/// </summary>
internal static class FramingWarnings
{
    /// <summary>The warning for <paramref name="patient"/> when <paramref name="framing"/> frames on a body it does not have, else null.</summary>
    public static string? Of(CohortPatient patient, SliceFraming framing) => FramingCheck.WholeSliceFallback(patient.Entry.PatientId, patient.Volume, framing);

    /// <summary>
    /// Checks every case of <paramref name="splits"/> (each case once; a null split is every case) when one of the run's
    /// <paramref name="framings"/> frames on the body, writes each warning to <paramref name="log"/> as <c>Warning: …</c>, and
    /// returns them (for metrics.json); none, and nothing read, when every pipeline frames the whole slice.
    /// </summary>
    /// <exception cref="Data.IO.InvalidInputException">When a case cannot be read (the run would fail on it anyway, now before scoring).</exception>
    public static IReadOnlyList<string> Check(CohortManifest manifest, IEnumerable<CohortSplit?> splits, IEnumerable<SliceFraming> framings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(log);
        if (!framings.Contains(SliceFraming.Body)) return [];
        var read = new CohortReadOptions { Images = manifest.ImageOptions };
        var warnings = new List<string>();
        foreach (var entry in splits.SelectMany(manifest.InSplit).Distinct())
        {
            if (FramingCheck.WholeSliceFallback(entry.PatientId, CohortReader.Read(entry, read).Volume, SliceFraming.Body) is not { } warning) continue;
            log.WriteLine($"Warning: {warning}");
            warnings.Add(warning);
        }
        return warnings;
    }
}
