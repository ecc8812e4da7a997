using Orleans.Placement;

namespace CovidCt.Cluster;

/// <summary>The grain behind <see cref="IPatientWorkerGrain"/>: hands the job to the process's <see cref="WorkerEngine"/>.</summary>
/// <remarks>Random placement honours the coordinator's placement hint, which names the silo this activation belongs to.</remarks>
[RandomPlacement]
internal sealed class PatientWorkerGrain(WorkerEngine engine) : Grain, IPatientWorkerGrain
{
    /// <inheritdoc />
    public Task<PatientReply> Evaluate(PatientJob job) =>
        // The pipeline is synchronous and CPU-bound: run it off the grain's scheduler so the silo keeps answering probes.
        Task.Run(() => engine.Evaluate(job));
}
