using System.Collections.Concurrent;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// The threads a scorer runs its batches on (with the other models of its chain: <see cref="ScoringShare"/>), one per concurrent
/// batch, each taking the next batch submitted whatever call, patient or model it belongs to. A call per patient that waited for its own batches left a core idle while the patient's last batch ran, and
/// scored the next patient only after the later steps had finished this one (7 % of the shipped model's scoring time on two
/// cores, issue #20): queued here, the next patient's first batch starts on the first core that is free.
/// </summary>
internal sealed class ScoringWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _batches = new();
    private readonly Thread[] _threads;
    private int _stopping;

    /// <summary>Starts <paramref name="threads"/> threads that wait for batches.</summary>
    public ScoringWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            // Background threads: a caller that never disposes its scorer does not keep the process alive.
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"CovidCt scoring {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// Queues batches 0 to <paramref name="count"/> − 1 (<paramref name="batch"/> of each index) behind every batch submitted
    /// before, and returns at once. The task ends with the results in index order when every batch has run, or with the first
    /// failure; batches not yet started when one has failed, when <paramref name="cancel"/> is set or when the workers are
    /// disposed are skipped, and the task then ends cancelled (unless a batch failed).
    /// </summary>
    /// <exception cref="ObjectDisposedException">When the workers are disposed.</exception>
    public Task<T[]> Submit<T>(int count, Func<int, T> batch, CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopping) != 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(batch);
        var results = new T[count];
        var done = new TaskCompletionSource<T[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (count == 0)
        {
            done.SetResult(results);
            return done.Task;
        }
        var left = count;
        var skipped = 0;
        Exception? failure = null;
        for (var b = 0; b < count; b++)
        {
            var index = b;
            _batches.Add(() =>
            {
                try
                {
                    if (Volatile.Read(ref failure) is null)
                    {
                        if (cancel.IsCancellationRequested || Volatile.Read(ref _stopping) != 0) Volatile.Write(ref skipped, 1);
                        else results[index] = batch(index);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
                if (Interlocked.Decrement(ref left) > 0) return;
                if (failure is { } first) done.SetException(first);
                else if (skipped != 0) done.SetCanceled(cancel);
                else done.SetResult(results);
            });
        }
        return done.Task;
    }

    private void Work()
    {
        foreach (var batch in _batches.GetConsumingEnumerable()) batch();
    }

    /// <summary>
    /// Ends the threads once the batches running have ended (a scorer waits for its own calls' batches before it disposes its
    /// session, so none runs on a disposed session, and the last member of a share ends the threads after that); batches
    /// queued but not started are skipped, so a consumer that stops early or fails does not wait for scoring nobody will read.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0) return;
        _batches.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        _batches.Dispose();
    }
}
