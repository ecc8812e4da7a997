using System.Collections.Concurrent;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Tests.Scoring;

/// <summary>
/// Issue #20: a scorer's batches run on threads of its own, taken in the order they were submitted whatever call they belong
/// to, so the next patient's batches start while the current patient's results are still being used.
/// </summary>
public sealed class ScoringWorkersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Batches_run_in_the_order_submitted_across_calls_and_results_keep_their_index()
    {
        using var workers = new ScoringWorkers(1);
        var order = new ConcurrentQueue<string>();
        var first = workers.Submit(3, b => { order.Enqueue($"a{b}"); return b * 10; });
        var second = workers.Submit(2, b => { order.Enqueue($"b{b}"); return -b; });
        var firstResult = await first.WaitAsync(Patience);
        Assert.Equal(new[] { 0, 10, 20 }, firstResult);
        var secondResult = await second.WaitAsync(Patience);
        Assert.Equal(new[] { 0, -1 }, secondResult);
        Assert.Equal(["a0", "a1", "a2", "b0", "b1"], order);
    }

    [Fact]
    public async Task A_later_call_is_scored_while_nobody_waits_for_the_earlier_one()
    {
        using var workers = new ScoringWorkers(2);
        var first = workers.Submit(2, b => b);
        var second = workers.Submit(3, b => b + 1);
        // Nothing has asked for either result: both still complete, the second without the first being read.
        var secondResult = await second.WaitAsync(Patience);
        Assert.Equal(new[] { 1, 2, 3 }, secondResult);
        // The earlier call's last batch may still be running on the other thread; it ends too.
        var firstResult = await first.WaitAsync(Patience);
        Assert.Equal(new[] { 0, 1 }, firstResult);
    }

    [Fact]
    public async Task A_failing_batch_fails_its_call_with_its_own_exception_and_the_batches_after_it_are_skipped()
    {
        using var workers = new ScoringWorkers(1);
        var ran = new ConcurrentQueue<int>();
        var failing = workers.Submit(4, b =>
        {
            ran.Enqueue(b);
            return b == 1 ? throw new InvalidOperationException("batch 1 broke") : b;
        });
        var next = workers.Submit(1, b => b + 7);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Patience));
        Assert.Equal("batch 1 broke", error.Message);
        Assert.Equal([0, 1], ran);
        // The threads outlive a failed call.
        var nextResult = await next.WaitAsync(Patience);
        Assert.Equal(new[] { 7 }, nextResult);
    }

    [Fact]
    public async Task Disposing_waits_for_the_batch_running_and_skips_those_not_started()
    {
        var workers = new ScoringWorkers(1);
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var running = workers.Submit(1, _ =>
        {
            started.Set();
            return gate.Wait(Patience);
        });
        var ran = 0;
        var queued = workers.Submit(2, b => Interlocked.Increment(ref ran));
        Assert.True(started.Wait(Patience));
        var disposing = Task.Run(workers.Dispose);
        // Dispose must not return while a batch still uses the session the scorer is about to release.
        await Task.Delay(200);
        Assert.False(disposing.IsCompleted, "Dispose returned while a batch was running");
        gate.Set();
        await disposing.WaitAsync(Patience);
        Assert.True(running.IsCompletedSuccessfully);
        Assert.True(queued.IsCanceled, "batches not started when the scorer is disposed are skipped, not scored for nobody");
        Assert.Equal(0, ran);
        workers.Dispose();
        Assert.Throws<ObjectDisposedException>(SubmitAfterDispose);
        void SubmitAfterDispose() => workers.Submit(1, b => b);
    }

    [Fact]
    public async Task A_cancelled_call_skips_its_batches_not_started_and_later_calls_still_run()
    {
        using var workers = new ScoringWorkers(1);
        using var gate = new ManualResetEventSlim();
        using var stop = new CancellationTokenSource();
        var blocking = workers.Submit(1, _ => gate.Wait(Patience));
        var ran = 0;
        var cancelled = workers.Submit(3, b => Interlocked.Increment(ref ran), stop.Token);
        var later = workers.Submit(1, b => b + 5);
        stop.Cancel();
        gate.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        Assert.Equal(0, ran);
        var laterResult = await later.WaitAsync(Patience);
        Assert.Equal(new[] { 5 }, laterResult);
        var blockingResult = await blocking.WaitAsync(Patience);
        Assert.True(blockingResult[0]);
    }
}
