using System.Collections.Concurrent;
using System.Diagnostics;

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

    // While the consumer is held up on one item (an index writer flushing its full buffer: a second or more of one core,
    // eight or nine times in a 100,000-case build), the mapping goes on, up to this many batches ahead, instead of leaving
    // the other cores idle (BENCHMARKS.md, twenty-sixth and thirtieth sessions). Deeper only then: between flushes the
    // mapping outpaces the writer, and a queue always this deep keeps its cases long enough to reach the old generation.
    private const int AheadWhileHeldUp = 8;

    private static readonly TimeSpan HeldUpAfter = TimeSpan.FromMilliseconds(50);

    // How often a producer waiting for room looks again whether the consumer is held up.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="map"/> over the items on all cores and <paramref name="consume"/> over its results in order.</summary>
    /// <remarks>An exception of either stops both and is thrown here, once the mapping has stopped.</remarks>
    public static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, Action<TOut> consume) =>
        ForEach(items, map, consume, HeldUpAfter);

    /// <summary>As above, the consumer counted as held up once it has spent <paramref name="heldUpAfter"/> on one item.</summary>
    internal static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, Action<TOut> consume, TimeSpan heldUpAfter)
    {
        using var stop = new CancellationTokenSource();
        // Unbounded: the producer keeps it to Ahead batches, or AheadWhileHeldUp.
        using var batches = new BlockingCollection<TOut[]>();
        using var taken = new SemaphoreSlim(0);
        // When the consumer began the item it is on (a Stopwatch timestamp), 0 between items.
        long consumingSince = 0;
        bool HeldUp() => Volatile.Read(ref consumingSince) is var since and not 0 && Stopwatch.GetElapsedTime(since) >= heldUpAfter;
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
                    while (batches.Count >= (HeldUp() ? AheadWhileHeldUp : Ahead))
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
                    Volatile.Write(ref consumingSince, Stopwatch.GetTimestamp());
                    consume(item);
                }
                Volatile.Write(ref consumingSince, 0);
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
