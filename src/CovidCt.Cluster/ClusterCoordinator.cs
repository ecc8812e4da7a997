using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Runtime.Placement;

namespace CovidCt.Cluster;

/// <summary>What the coordinator hands out: the patients of a run and what every worker needs to run them.</summary>
/// <param name="Connection">The cluster.</param>
/// <param name="Folder">The run folder the workers write into (on storage every process reaches).</param>
/// <param name="Key">Identifies the run: a folder holding another run's results is emptied first.</param>
/// <param name="PipelineJson">The pipeline definition every worker runs.</param>
/// <param name="ManifestPath">The cohort manifest.</param>
/// <param name="Patients">The patients to run, in manifest order.</param>
/// <param name="CacheRoot">The probability-map cache folder.</param>
/// <param name="CohortFingerprint">The cohort's part of the cache key (<see cref="Pipelines.Caching.CohortFingerprint"/>), passed to the workers.</param>
/// <param name="Read">How the cohort's images are read, or null for the manifest's defaults.</param>
/// <param name="WorkerWait">How long to wait for a first worker (and for one after all were lost).</param>
/// <param name="ChunkSlices">Series longer than this are split into chunks of this many slices (<see cref="SliceChunks"/>).</param>
/// <param name="Rule">The pipeline's patient rule, applied here to the joined chunks of a split series.</param>
internal sealed record ClusterRun(ClusterConnection Connection, ClusterRunFolder Folder, string Key, string PipelineJson, string ManifestPath,
    IReadOnlyList<string> Patients, string CacheRoot, string CohortFingerprint, ReadSettings? Read, TimeSpan WorkerWait, int ChunkSlices, PatientRuleOptions Rule);

/// <summary>What a clustered run gave.</summary>
/// <param name="Outcomes">Every patient's outcome, by patient.</param>
/// <param name="Resumed">Patients whose results an earlier, interrupted run had already written.</param>
/// <param name="Reassigned">Patients or chunks handed to another worker after theirs was lost or failed.</param>
/// <param name="PerWorker">Patients and chunks each worker finished.</param>
/// <param name="SplitPatients">Patients whose series was split into chunks.</param>
/// <param name="Chunks">The chunks of those patients.</param>
/// <param name="Warnings">The workers' run warnings, each once, naming the worker that gave it first.</param>
internal sealed record ClusterResult(IReadOnlyDictionary<string, PatientOutcome> Outcomes, int Resumed, int Reassigned, IReadOnlyDictionary<string, int> PerWorker,
    int SplitPatients, int Chunks, IReadOnlyList<string> Warnings);

/// <summary>
/// The coordinator of <c>covidct evaluate --cluster</c>: an Orleans client that gives each live worker one patient (or one
/// chunk of a long series, <see cref="SliceChunks"/>) at a time, hands the work of a worker that membership declares dead (or
/// whose call fails) to another, counts each patient and chunk once (whichever worker answers first), joins the chunks of a
/// split series, and skips the patients and chunks whose result files an earlier run left.
/// </summary>
internal static class ClusterCoordinator
{
    // A patient whose call failed this often on live workers is a defect to report, not a fault to retry.
    private const int MaxAttempts = 3;

    /// <summary>
    /// Runs every patient of <paramref name="run"/>; <paramref name="progress"/> gets a line per patient finished (its last chunk joined) or resumed.
    /// The caller checks the membership first (<see cref="ClusterConnection.CheckAsync"/>), before any work of its own.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="progress">Gets a line per patient finished or resumed.</param>
    /// <param name="onOutcome">Gets each patient's outcome once, as it is resumed or first answered (on the coordinator's loop: keep it short).</param>
    /// <param name="cancel">Stops the run.</param>
    /// <exception cref="InvalidInputException">When a worker refuses a patient's input (the worker's message, naming the file).</exception>
    /// <exception cref="ClusterException">When no worker joins in time, or a patient fails on every attempt.</exception>
    public static async Task<ClusterResult> RunAsync(ClusterRun run, Action<string> progress, Action<string, PatientOutcome> onOutcome, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(onOutcome);
        var kept = run.Folder.Claim(run.Key, run.PipelineJson);
        var dispatch = new Dispatch(run, progress, onOutcome);
        if (kept) dispatch.Resume();
        var resumed = dispatch.Outcomes.Count;
        if (dispatch.Pending.Count == 0) return dispatch.Result(resumed);

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var started = DateTime.UtcNow;
        builder.UseOrleansClient(client =>
        {
            run.Connection.ConfigureClient(client);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimings.PatientTimeout);
            // The first worker may still be starting: retry the gateway until the wait is over.
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow - started > run.WorkerWait) return false;
                await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
                return true;
            });
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            throw new ClusterException($"no worker of cluster {run.Connection.Name} answered within {run.WorkerWait.TotalSeconds:0} s ({e.Message}); "
                + $"start one with: covidct cluster worker --cluster {run.Connection.Name}", e);
        }
        await dispatch.RunAsync(host.Services.GetRequiredService<IClusterClient>(), cancel).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return dispatch.Result(resumed);
    }

    // A patient's job (FirstSlice 0: the whole series, or its first chunk when it is longer than a chunk) or a later chunk.
    private readonly record struct WorkItem(string PatientId, int FirstSlice)
    {
        public override string ToString() => FirstSlice == 0 ? PatientId : $"{PatientId} from slice {FirstSlice}";
    }

    private sealed class Dispatch(ClusterRun run, Action<string> progress, Action<string, PatientOutcome> onOutcome)
    {
        private readonly Dictionary<SiloAddress, (WorkItem Item, Task<PatientReply> Call)> _running = [];
        private readonly Dictionary<WorkItem, int> _attempts = [];
        private readonly HashSet<SiloAddress> _unreachable = [];
        private readonly Dictionary<string, ChunkedPatient> _split = new(StringComparer.Ordinal);
        private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
        private readonly List<string> _warnings = [];
        private readonly Dictionary<string, int> _perWorker = new(StringComparer.Ordinal);
        private int _reassigned;

        public Dictionary<string, PatientOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

        public LinkedList<WorkItem> Pending { get; } = new(run.Patients.Select(p => new WorkItem(p, 0)));

        public ClusterResult Result(int resumed) =>
            new(Outcomes, resumed, _reassigned, _perWorker, _split.Count, _split.Values.Sum(p => p.Starts.Count()), _warnings);

        // The results an interrupted run left: whole patients, and the chunks of split ones (joined here when all are in).
        public void Resume()
        {
            var wanted = run.Patients.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, outcome) in run.Folder.Finished().Where(f => wanted.Contains(f.Key)))
            {
                Outcomes[id] = outcome;
                onOutcome(id, outcome);
                progress($"{id}: from the interrupted run's results");
            }
            foreach (var (id, first, slices, outcome) in run.Folder.FinishedChunks().Where(c => wanted.Contains(c.PatientId) && !Outcomes.ContainsKey(c.PatientId)))
            {
                AddChunk(id, first, slices, outcome, run.Folder.ChunkPath(id, first, slices), "from the interrupted run's results");
            }
            var left = Pending.Where(i => !IsDone(i)).ToArray();
            Pending.Clear();
            foreach (var item in left) Pending.AddLast(item);
        }

        public async Task RunAsync(IClusterClient client, CancellationToken cancel)
        {
            var management = client.GetGrain<IManagementGrain>(0);
            var lastWorker = DateTime.UtcNow;
            while (Pending.Count > 0 || _running.Count > 0)
            {
                cancel.ThrowIfCancellationRequested();
                var live = (await management.GetHosts(onlyActive: true).ConfigureAwait(false)).Keys.ToHashSet();
                foreach (var (silo, (item, _)) in _running.Where(r => !live.Contains(r.Key)).ToArray())
                {
                    // Membership declared the worker dead: its call will never answer; the work goes to the front of the queue.
                    _running.Remove(silo);
                    Requeue(item, $"worker {silo} was lost");
                }
                foreach (var (silo, (item, call)) in _running.Where(r => r.Value.Call.IsCompleted).ToArray())
                {
                    _running.Remove(silo);
                    Complete(silo, item, call);
                }
                live.ExceptWith(_unreachable);
                if (live.Count > 0) lastWorker = DateTime.UtcNow;
                else if (DateTime.UtcNow - lastWorker > run.WorkerWait)
                {
                    throw new ClusterException($"no worker of cluster {run.Connection.Name} was alive for {run.WorkerWait.TotalSeconds:0} s with {Pending.Count} patients or chunks left; "
                        + "start workers with covidct cluster worker and run the same command again: it resumes from the results written so far");
                }
                foreach (var silo in live.Where(s => !_running.ContainsKey(s)).OrderBy(s => s.ToString(), StringComparer.Ordinal))
                {
                    if (Pending.First is not { } next) break;
                    Pending.RemoveFirst();
                    _running[silo] = (next.Value, Start(client, silo, next.Value));
                }
                await Task.WhenAny(_running.Values.Select(r => (Task)r.Call).Append(Task.Delay(ClusterTimings.Poll, cancel))).ConfigureAwait(false);
            }
        }

        private Task<PatientReply> Start(IClusterClient client, SiloAddress silo, WorkItem item)
        {
            // The hint places the silo's worker grain on that silo; every later call finds the same activation there.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                return client.GetGrain<IPatientWorkerGrain>(silo.ToParsableString())
                    .Evaluate(new PatientJob(run.Folder.Path, run.ManifestPath, item.PatientId, run.CacheRoot, run.Read, run.CohortFingerprint, run.ChunkSlices, item.FirstSlice));
            }
            finally
            {
                RequestContext.Clear();
            }
        }

        private void Complete(SiloAddress silo, WorkItem item, Task<PatientReply> call)
        {
            if (call.Exception?.GetBaseException() is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                // The call never reached a worker (rejected or unconnectable): its silo is gone though membership has not said so
                // yet (that takes seconds).
                // Nothing more is sent there, and the work goes back to the front without counting as a failed attempt, so a
                // killed worker cannot use up a patient's attempts before it is declared dead.
                _unreachable.Add(silo);
                if (!IsDone(item)) Pending.AddFirst(item);
                _reassigned++;
                return;
            }
            if (call.IsFaulted || call.IsCanceled)
            {
                Requeue(item, call.Exception?.GetBaseException().Message ?? "the call was cancelled");
                return;
            }
            var reply = call.Result;
            Warn(reply);
            if (reply.InputError is { } error) throw new InvalidInputException(run.ManifestPath, $"patient '{item.PatientId}': {error}");
            var outcome = OutcomeJson.Read(reply.OutcomeJson!, $"worker {reply.Worker}, {item}");
            var source = $"{reply.Worker}, {reply.Seconds:0.0} s";
            if (SliceChunks.IsSplit(reply.SliceCount, run.ChunkSlices))
            {
                if (AddChunk(item.PatientId, item.FirstSlice, reply.SliceCount, outcome, $"worker {reply.Worker}, {item}", source)) Count(reply.Worker);
                return;
            }
            // Counted once: a patient answered twice (a worker thought lost that finished after all) keeps its first answer, which is identical.
            if (!Outcomes.TryAdd(item.PatientId, outcome)) return;
            onOutcome(item.PatientId, outcome);
            Count(reply.Worker);
            progress($"{item.PatientId}: {source}");
        }

        // A chunk that came in: the patient's other chunks are queued when its split is first learnt, and it is joined, written
        // and handed on when its last chunk is in. False when the chunk had come in already.
        private bool AddChunk(string patientId, int firstSlice, int sliceCount, PatientOutcome outcome, string origin, string source)
        {
            if (Outcomes.ContainsKey(patientId)) return false;
            if (!_split.TryGetValue(patientId, out var patient))
            {
                patient = _split[patientId] = new ChunkedPatient(patientId, sliceCount, run.ChunkSlices);
                var queued = Pending.Concat(_running.Values.Select(r => r.Item)).ToHashSet();
                // At the front, in slice order: the other chunks of a series are run by the workers free now, beside this one.
                foreach (var start in patient.Starts.Reverse().Where(s => s != firstSlice && !queued.Contains(new WorkItem(patientId, s))))
                {
                    Pending.AddFirst(new WorkItem(patientId, start));
                }
            }
            else if (patient.SliceCount != sliceCount)
            {
                throw new InvalidInputException(run.ManifestPath, $"patient '{patientId}': {origin} read {sliceCount} slices where another read {patient.SliceCount}; expected the same series on every worker (did its files change during the run?)");
            }
            if (!patient.Add(firstSlice, outcome, origin)) return false;
            if (!patient.IsComplete) return true;
            var joined = patient.Join(run.Rule, run.ManifestPath);
            run.Folder.Write(joined, OutcomeJson.Write(joined));
            Outcomes[patientId] = joined;
            onOutcome(patientId, joined);
            progress($"{patientId}: {patient.Starts.Count()} chunks joined (the last: {source})");
            return true;
        }

        private bool IsDone(WorkItem item) => Outcomes.ContainsKey(item.PatientId) || (_split.TryGetValue(item.PatientId, out var p) && p.Has(item.FirstSlice));

        private void Count(string worker) => _perWorker[worker] = _perWorker.GetValueOrDefault(worker) + 1;

        // Each warning once (workers of one kind give the same), naming the worker that gave it first.
        private void Warn(PatientReply reply)
        {
            foreach (var warning in reply.Warnings)
            {
                if (_warned.Add(warning)) _warnings.Add($"worker {reply.Worker}: {warning}");
            }
        }

        private void Requeue(WorkItem item, string why)
        {
            if (IsDone(item)) return;
            var attempts = _attempts[item] = _attempts.GetValueOrDefault(item) + 1;
            if (attempts >= MaxAttempts) throw new ClusterException($"patient '{item.PatientId}'{(item.FirstSlice == 0 ? "" : $" (the chunk from slice {item.FirstSlice})")} failed on {attempts} workers; the last said: {why}");
            _reassigned++;
            Pending.AddFirst(item);
        }
    }
}

/// <summary>A clustered run that cannot go on: no worker, or a patient that fails everywhere. The message says what to do.</summary>
internal sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
