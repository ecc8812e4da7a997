using CovidCt.Data.Cohorts;
using CovidCt.Data;
using CovidCt.Pipelines.Evaluation;

namespace CovidCt.Cli.Commands;

/// <summary>
/// The coordinator's own work per patient (reading its volume and mask again for the red-box figures and the lesion matching),
/// handed on in manifest order as the workers' outcomes come in. Reading, most of that work, runs ahead on up to
/// <see cref="MaxReaders"/> threads (at most one per core), whether or not the patient's outcome is in yet; the hand-over
/// (figures, lesions) stays on one thread in manifest order, as in a single-process run. At most that many volumes are held.
/// </summary>
internal sealed class PatientsInOrder : IDisposable
{
    /// <summary>The most patients read at once: each holds a volume in memory (about 300 MiB for 300 slices of 512 x 512).</summary>
    public const int MaxReaders = 4;

    private readonly Dictionary<string, PatientOutcome> _arrived = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Task _reader;
    private long _readTicks;
    private TimeSpan _lastArrival;
    private TimeSpan _lastHandedOn;

    /// <summary>Starts handing <paramref name="entries"/> to <paramref name="onPatient"/>, each once its outcome has come in.</summary>
    /// <param name="entries">The patients, in manifest order.</param>
    /// <param name="images">How the manifest's images are read (its <see cref="CohortManifest.ImageOptions"/>), as the single-process run reads them.</param>
    /// <param name="onPatient">Gets each patient and its outcome, one at a time, in manifest order.</param>
    public PatientsInOrder(IReadOnlyList<CohortEntry> entries, CtReadOptions? images, Action<CohortPatient, PatientOutcome> onPatient)
    {
        var options = new CohortReadOptions { Images = images };
        Readers = Math.Clamp(Environment.ProcessorCount, 1, MaxReaders);
        Patients = entries.Count;
        _reader = Task.Run(() =>
        {
            var reads = new Queue<Task<CohortPatient>>();
            var next = 0;
            try
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    while (next < entries.Count && reads.Count < Readers) reads.Enqueue(Read(entries[next++], options));
                    // GetResult rethrows a failed read's own exception (naming the file), after every patient before it was handed on.
                    var patient = reads.Dequeue().GetAwaiter().GetResult();
                    onPatient(patient, Take(entries[i].PatientId));
                    _lastHandedOn = _clock.Elapsed;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without this patient the output cannot be written: stop the cluster run too; Complete reports the error.
                _stop.Cancel();
                throw;
            }
            finally
            {
                // Reads still under way hold volumes and files: let them end before the reader does.
                foreach (var read in reads) read.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            }
        });
    }

    /// <summary>Threads reading patients at once.</summary>
    public int Readers { get; }

    /// <summary>The patients handed on.</summary>
    public int Patients { get; }

    /// <summary>Seconds spent reading, summed over the patients (the coordinator's main cost per patient).</summary>
    public double ReadSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _readTicks)).TotalSeconds;

    /// <summary>Seconds between the last outcome coming in and the last patient handed on: what re-reading adds to the run's end.</summary>
    public double TailSeconds => Math.Max(0, (_lastHandedOn - _lastArrival).TotalSeconds);

    private Task<CohortPatient> Read(CohortEntry entry, CohortReadOptions options) => Task.Run(() =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var patient = CohortReader.Read(entry, options);
        Interlocked.Add(ref _readTicks, clock.Elapsed.Ticks);
        return patient;
    });

    /// <summary>Cancelled when reading failed (the cluster run then stops; <see cref="Complete"/> says why) or the run was abandoned.</summary>
    public CancellationToken Stopped => _stop.Token;

    /// <summary>A patient's outcome has come in (the cluster's <c>onOutcome</c>).</summary>
    public void Add(string patientId, PatientOutcome outcome)
    {
        lock (_arrived)
        {
            _arrived.TryAdd(patientId, outcome);
            _lastArrival = _clock.Elapsed;
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
