using CovidCt.Data.Cohorts;
using CovidCt.Data;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The coordinator's own work per patient (reading its volume and mask again for the red-box figures and the lesion matching),
/// done in manifest order on a thread of its own as the workers' outcomes come in. It used to start only after the last
/// patient was scored and ran one patient after another: now it overlaps the scoring, and a patient is read while it may
/// still be running on a worker.
/// </summary>
internal sealed class PatientsInOrder : IDisposable
{
    private readonly Dictionary<string, PatientOutcome> _arrived = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    /// <summary>Starts handing <paramref name="entries"/> to <paramref name="onPatient"/>, each once its outcome has come in.</summary>
    /// <param name="entries">The patients, in manifest order.</param>
    /// <param name="images">How the manifest's images are read (its <see cref="CohortManifest.ImageOptions"/>), as the single-process run reads them.</param>
    /// <param name="onPatient">Gets each patient and its outcome, one at a time, in manifest order.</param>
    public PatientsInOrder(IReadOnlyList<CohortEntry> entries, CtReadOptions? images, Action<CohortPatient, PatientOutcome> onPatient)
    {
        var options = new CohortReadOptions { Images = images };
        _reader = Task.Run(() =>
        {
            try
            {
                foreach (var entry in entries)
                {
                    var patient = CohortReader.Read(entry, options);
                    onPatient(patient, Take(entry.PatientId));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without this patient the output cannot be written: stop the cluster run too; Complete reports the error.
                _stop.Cancel();
                throw;
            }
        });
    }

    /// <summary>Cancelled when reading failed (the cluster run then stops; <see cref="Complete"/> says why) or the run was abandoned.</summary>
    public CancellationToken Stopped => _stop.Token;

    /// <summary>A patient's outcome has come in (the cluster's <c>onOutcome</c>).</summary>
    public void Add(string patientId, PatientOutcome outcome)
    {
        lock (_arrived)
        {
            _arrived.TryAdd(patientId, outcome);
            Monitor.PulseAll(_arrived);
        }
    }

    /// <summary>Waits until every patient has been handed on; throws what stopped the reading (a file that cannot be read).</summary>
    public void Complete() => _reader.GetAwaiter().GetResult();

    /// <summary>Stops the reading when the cluster run failed, and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _reader.Wait();
        }
        catch (AggregateException)
        {
            // Only after a failed cluster run (Complete saw a successful one through): that failure is the one being reported.
        }
        _stop.Dispose();
    }

    private PatientOutcome Take(string patientId)
    {
        lock (_arrived)
        {
            PatientOutcome? outcome;
            while (!_arrived.Remove(patientId, out outcome))
            {
                _stop.Token.ThrowIfCancellationRequested();
                Monitor.Wait(_arrived, TimeSpan.FromMilliseconds(250));
            }
            return outcome;
        }
    }
}
