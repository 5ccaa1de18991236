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

    /// <summary>Runs <paramref name="map"/> over the items on all cores and <paramref name="consume"/> over its results in order.</summary>
    /// <remarks>An exception of either stops both and is thrown here, once the mapping has stopped.</remarks>
    public static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, Action<TOut> consume)
    {
        using var stop = new CancellationTokenSource();
        // Two batches ready ahead of the one consumed: the consumer never waits while the cores are busy.
        using var batches = new BlockingCollection<TOut[]>(boundedCapacity: 2);
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
