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
    public void Disposing_runs_what_is_queued_before_the_threads_end()
    {
        var workers = new ScoringWorkers(1);
        using var gate = new ManualResetEventSlim();
        var blocked = workers.Submit(1, _ => gate.Wait(Patience));
        var queued = workers.Submit(2, b => b);
        gate.Set();
        workers.Dispose();
        Assert.True(blocked.IsCompletedSuccessfully);
        Assert.True(queued.IsCompletedSuccessfully, "a batch queued before Dispose must run before the scorer's session is released");
        Assert.Throws<ObjectDisposedException>(SubmitAfterDispose);
        void SubmitAfterDispose() => workers.Submit(1, b => b);
    }
}
