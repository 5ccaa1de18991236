using System.Collections.Concurrent;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Maps items on every core and consumes the results on the calling thread, in the items' order: the costly
/// work is parallel, what must be sequential (an index writer that keeps documents in file order) sees one
/// item at a time, and only a few batches are in flight, so memory does not grow with the number of items.
/// </summary>
internal static class OrderedParallel
{
    private const int BatchSize = 128;

    // Two batches ready ahead of the one consumed: the consumer never waits while the cores are busy.
    private const int Ahead = 2;

    // While the consumer says it is held up (an index writer flushing its full buffer: a second or more of one core, eight
    // or nine times in a 100,000-case build), the mapping goes on up to this many batches ahead instead of leaving the other
    // cores idle. Deeper only then: a queue always this deep fills between flushes too, and its cases live long enough to
    // reach the old generation (BENCHMARKS.md, twenty-sixth and thirtieth sessions).
    private const int AheadWhileHeldUp = 8;

    // How often a producer waiting for room looks again whether the consumer is held up.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="map"/> over the items on all cores and <paramref name="consume"/> over its results in order.</summary>
    /// <param name="heldUp">Whether the consumer is on an item that holds it up for long; the mapping then goes further ahead.</param>
    /// <remarks>An exception of either stops both and is thrown here, once the mapping has stopped.</remarks>
    public static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, Action<TOut> consume, Func<bool>? heldUp = null)
    {
        using var stop = new CancellationTokenSource();
        // Unbounded: the producer keeps it to Ahead batches, or AheadWhileHeldUp.
        using var batches = new BlockingCollection<TOut[]>();
        using var taken = new SemaphoreSlim(0);
        var producer = Task.Run(() =>
        {
            try
            {
                var options = new ParallelOptions { CancellationToken = stop.Token };
                for (var start = 0; start < items.Count; start += BatchSize)
                {
                    var first = start;
                    var batch = new TOut[Math.Min(BatchSize, items.Count - first)];
                    Parallel.For(0, batch.Length, options, i => batch[i] = map(items[first + i]));
                    while (batches.Count >= (heldUp?.Invoke() == true ? AheadWhileHeldUp : Ahead))
                    {
                        taken.Wait(Poll, stop.Token);
                    }
                    batches.Add(batch, stop.Token);
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                taken.Release();
                foreach (var item in batch)
                {
                    consume(item);
                }
            }
        }
        catch
        {
            stop.Cancel();
            // The producer ends on the cancellation; the consumer's exception is the one to report.
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        producer.GetAwaiter().GetResult();
    }
}
