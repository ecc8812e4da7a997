namespace CovidCt.Cluster;

/// <summary>
/// A worker process's door: one activation per silo (keyed by the silo's address and placed there), running one patient at a
/// time, since the pipeline inside already uses every core the process has.
/// </summary>
internal interface IPatientWorkerGrain : IGrainWithStringKey
{
    /// <summary>Runs the pipeline on <paramref name="job"/>'s patient and writes its result and Parquet parts into the run folder.</summary>
    Task<PatientReply> Evaluate(PatientJob job);
}
