using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
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
internal sealed record ClusterRun(ClusterConnection Connection, ClusterRunFolder Folder, string Key, string PipelineJson, string ManifestPath,
    IReadOnlyList<string> Patients, string CacheRoot, string CohortFingerprint, ReadSettings? Read, TimeSpan WorkerWait);

/// <summary>What a clustered run gave.</summary>
/// <param name="Outcomes">Every patient's outcome, by patient.</param>
/// <param name="Resumed">Patients whose results an earlier, interrupted run had already written.</param>
/// <param name="Reassigned">Patients handed to another worker after theirs was lost or failed.</param>
/// <param name="PerWorker">Patients each worker finished.</param>
internal sealed record ClusterResult(IReadOnlyDictionary<string, PatientOutcome> Outcomes, int Resumed, int Reassigned, IReadOnlyDictionary<string, int> PerWorker);

/// <summary>
/// The coordinator of <c>covidct evaluate --cluster</c>: an Orleans client that gives each live worker one patient at a time,
/// hands the patient of a worker that membership declares dead (or whose call fails) to another, counts each patient once
/// (by its identifier, whichever worker answers first), and skips the patients whose result files an earlier run left.
/// </summary>
internal static class ClusterCoordinator
{
    // A patient whose call failed this often on live workers is a defect to report, not a fault to retry.
    private const int MaxAttempts = 3;

    /// <summary>
    /// Runs every patient of <paramref name="run"/>; <paramref name="progress"/> gets a line per patient finished or resumed.
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
        var outcomes = new Dictionary<string, PatientOutcome>(StringComparer.Ordinal);
        var wanted = run.Patients.ToHashSet(StringComparer.Ordinal);
        if (kept)
        {
            foreach (var (id, outcome) in run.Folder.Finished().Where(f => wanted.Contains(f.Key)))
            {
                outcomes[id] = outcome;
                onOutcome(id, outcome);
                progress($"{id}: from the interrupted run's results");
            }
        }
        var resumed = outcomes.Count;
        var pending = new LinkedList<string>(run.Patients.Where(p => !outcomes.ContainsKey(p)));
        if (pending.Count == 0) return new ClusterResult(outcomes, resumed, 0, new Dictionary<string, int>());

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
        var client = host.Services.GetRequiredService<IClusterClient>();
        var dispatch = new Dispatch(run, client, pending, outcomes, progress, onOutcome);
        await dispatch.RunAsync(cancel).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return new ClusterResult(outcomes, resumed, dispatch.Reassigned, dispatch.PerWorker);
    }

    private sealed class Dispatch(ClusterRun run, IClusterClient client, LinkedList<string> pending, Dictionary<string, PatientOutcome> outcomes,
        Action<string> progress, Action<string, PatientOutcome> onOutcome)
    {
        private readonly Dictionary<SiloAddress, (string Patient, Task<PatientReply> Call)> _running = [];
        private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

        public int Reassigned { get; private set; }

        public Dictionary<string, int> PerWorker { get; } = new(StringComparer.Ordinal);

        public async Task RunAsync(CancellationToken cancel)
        {
            var management = client.GetGrain<IManagementGrain>(0);
            var lastWorker = DateTime.UtcNow;
            while (pending.Count > 0 || _running.Count > 0)
            {
                cancel.ThrowIfCancellationRequested();
                var live = (await management.GetHosts(onlyActive: true).ConfigureAwait(false)).Keys.ToHashSet();
                foreach (var (silo, (patient, _)) in _running.Where(r => !live.Contains(r.Key)).ToArray())
                {
                    // Membership declared the worker dead: its call will never answer; the patient goes to the front of the queue.
                    _running.Remove(silo);
                    Requeue(patient, $"worker {silo} was lost");
                }
                foreach (var (silo, (patient, call)) in _running.Where(r => r.Value.Call.IsCompleted).ToArray())
                {
                    _running.Remove(silo);
                    Complete(patient, call);
                }
                if (live.Count > 0) lastWorker = DateTime.UtcNow;
                else if (DateTime.UtcNow - lastWorker > run.WorkerWait)
                {
                    throw new ClusterException($"no worker of cluster {run.Connection.Name} was alive for {run.WorkerWait.TotalSeconds:0} s with {pending.Count} patients left; "
                        + "start workers with covidct cluster worker and run the same command again: it resumes from the results written so far");
                }
                foreach (var silo in live.Where(s => !_running.ContainsKey(s)).OrderBy(s => s.ToString(), StringComparer.Ordinal))
                {
                    if (pending.First is not { } next) break;
                    pending.RemoveFirst();
                    _running[silo] = (next.Value, Start(silo, next.Value));
                }
                await Task.WhenAny(_running.Values.Select(r => (Task)r.Call).Append(Task.Delay(ClusterTimings.Poll, cancel))).ConfigureAwait(false);
            }
        }

        private Task<PatientReply> Start(SiloAddress silo, string patient)
        {
            // The hint places the silo's worker grain on that silo; every later call finds the same activation there.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                return client.GetGrain<IPatientWorkerGrain>(silo.ToParsableString())
                    .Evaluate(new PatientJob(run.Folder.Path, run.ManifestPath, patient, run.CacheRoot, run.Read, run.CohortFingerprint));
            }
            finally
            {
                RequestContext.Clear();
            }
        }

        private void Complete(string patient, Task<PatientReply> call)
        {
            if (call.IsFaulted || call.IsCanceled)
            {
                Requeue(patient, call.Exception?.GetBaseException().Message ?? "the call was cancelled");
                return;
            }
            var reply = call.Result;
            if (reply.InputError is { } error) throw new InvalidInputException(run.ManifestPath, $"patient '{patient}': {error}");
            var outcome = OutcomeJson.Read(reply.OutcomeJson!, $"worker {reply.Worker}, patient '{patient}'");
            // Counted once: a patient answered twice (a worker thought lost that finished after all) keeps its first answer, which is identical.
            if (!outcomes.TryAdd(patient, outcome)) return;
            onOutcome(patient, outcome);
            PerWorker[reply.Worker] = PerWorker.GetValueOrDefault(reply.Worker) + 1;
            progress($"{patient}: {reply.Worker}, {reply.Seconds:0.0} s");
        }

        private void Requeue(string patient, string why)
        {
            if (outcomes.ContainsKey(patient)) return;
            var attempts = _attempts[patient] = _attempts.GetValueOrDefault(patient) + 1;
            if (attempts >= MaxAttempts) throw new ClusterException($"patient '{patient}' failed on {attempts} workers; the last said: {why}");
            Reassigned++;
            pending.AddFirst(patient);
        }
    }
}

/// <summary>A clustered run that cannot go on: no worker, or a patient that fails everywhere. The message says what to do.</summary>
internal sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
