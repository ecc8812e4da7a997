using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;

namespace CovidCt.Server.Detection;

/// <summary>
/// The results held in memory, each until it expires (<see cref="ServeOptions.Expiry"/>) and at most
/// <see cref="ServeOptions.MaxHeldBytes"/> of them at once (the oldest go first; the newest is always kept). An expired result is gone: its id answers 404.
/// </summary>
internal sealed class DetectionStore(ServeOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, StoredDetection> _results = new(StringComparer.Ordinal);

    /// <summary>Results held now.</summary>
    public int Count => _results.Count;

    /// <summary>A new unguessable id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The current time and the expiry of a result made now.</summary>
    public (DateTimeOffset Now, DateTimeOffset Expires) Lifetime()
    {
        var now = clock.GetUtcNow();
        return (now, now + options.Expiry);
    }

    /// <summary>Holds <paramref name="result"/>, dropping expired ones and then the oldest while the results hold too much memory.</summary>
    public void Add(StoredDetection result)
    {
        Sweep();
        _results[result.Id] = result;
        var held = _results.Values.Sum(r => r.Bytes);
        foreach (var oldest in _results.Values.Where(r => r.Id != result.Id).OrderBy(r => r.Created).ToList())
        {
            if (held <= options.MaxHeldBytes) break;
            if (_results.TryRemove(oldest.Id, out _)) held -= oldest.Bytes;
        }
    }

    /// <summary>The result called <paramref name="id"/>, or null when there is none or it has expired.</summary>
    public StoredDetection? Get(string id)
    {
        if (!_results.TryGetValue(id, out var result)) return null;
        if (result.Expires > clock.GetUtcNow()) return result;
        _results.TryRemove(id, out _);
        return null;
    }

    /// <summary>Drops every expired result.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _results.Values.Where(r => r.Expires <= now).ToList()) _results.TryRemove(expired.Id, out _);
    }
}

/// <summary>Drops expired results in the background, so their memory is given back even when no one asks for them again.</summary>
internal sealed class ExpirySweeper(DetectionStore store, ServeOptions options, TimeProvider clock) : BackgroundService
{
    /// <summary>Sweeps every quarter of the expiry, at least every second and at most every minute.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(options.Expiry.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var held = store.Count;
                store.Sweep();
                // Results hold volumes and maps of hundreds of MB on the large object heap, which the GC neither compacts nor hands
                // back to the system by itself while the server idles; once the last one is dropped, memory returns to the baseline.
                if (held > 0 && store.Count == 0) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: nothing is left to sweep for.
        }
    }
}
