namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// One patient's scoring as <see cref="LesionScoring.Begin"/> left it: its batches queued on the scorer's threads
/// (<paramref name="Maps"/>), or not started (null) because the cache held the patient.
/// </summary>
/// <param name="PatientId">The patient (cache entry; named in errors).</param>
/// <param name="Positions">Each slice's position, mm (named in errors).</param>
/// <param name="Images">The model inputs, asked for again only when a cached file proves unreadable.</param>
/// <param name="Maps">The scoring under way, or null.</param>
/// <param name="Stop">Cancels <paramref name="Maps"/>' batches not yet started.</param>
internal sealed record PatientScoring(string PatientId, IReadOnlyList<double> Positions, Func<IReadOnlyList<float[]>> Images, Task<ProbabilityMap[][]>? Maps, CancellationTokenSource Stop)
{
    /// <summary>Skips the batches not yet started: the patient will not be read (its consumer stopped, or failed on the patient before).</summary>
    public void Cancel() => Stop.Cancel();
}
