namespace CovidCt.Pipelines.Evaluation;

/// <summary>
/// Reads the next patient on another thread while the current one is scored: reading and decoding a scan was about 12% of
/// <c>evaluate</c>'s main thread (issue #20), time the model could have used. Exactly one item is read ahead, so memory holds
/// at most one patient more than a plain enumeration; items come out in the source's order, and a read that fails throws
/// its own exception (the file it names included) when the consumer reaches that item, after every item before it.
/// </summary>
internal static class ReadAhead
{
    /// <summary><paramref name="source"/>, each item read while the consumer works on the one before it.</summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Iterate(source);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source)
    {
        using var items = source.GetEnumerator();
        // The source's enumerator is moved by one thread at a time: the next read starts only once the last has finished.
        Task<(bool Read, T Item)> Next() => Task.Run(() => items.MoveNext() ? (true, items.Current) : (false, default(T)!));
        var pending = Next();
        try
        {
            while (true)
            {
                // GetResult rethrows a failed read's own exception (not an AggregateException), with the reader's stack.
                var (read, item) = pending.GetAwaiter().GetResult();
                if (!read) yield break;
                pending = Next();
                yield return item;
            }
        }
        finally
        {
            // A consumer that stops early (its own error, or it has enough) waits for the read under way, so the enumerator is
            // not disposed while another thread moves it; how that read ended belongs to an item nobody asked for.
            try
            {
                pending.Wait();
            }
            catch (AggregateException)
            {
            }
        }
    }
}
