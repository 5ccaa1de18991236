using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Maps items on every core and consumes the results in the items' order: the costly work is parallel, what must
/// be sequential (an index writer that keeps documents in file order) sees one item at a time, and only a few
/// batches are in flight, so memory does not grow with the number of items.
/// </summary>
internal static class OrderedParallel
{
    private const int BatchSize = 128;

    /// <summary>Runs <paramref name="map"/> over the items on all cores and <paramref name="consume"/> over its results in order, on the calling thread.</summary>
    /// <remarks>An exception of either stops both and is thrown here, once the mapping has stopped.</remarks>
    public static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, Action<TOut> consume) =>
        ForEach(items, map, [consume]);

    /// <summary>
    /// Runs <paramref name="map"/> over the items on all cores; the items are cut by count into as many contiguous parts
    /// as there are <paramref name="consumers"/>, and each consumer is given the results of its part in order, from one
    /// thread of its own (the first from the calling thread), while the others consume theirs. Which consumer gets an
    /// item depends only on its position and the number of items.
    /// </summary>
    /// <remarks>An exception of any stops all and the first is thrown here, once every part has stopped.</remarks>
    public static void ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, IReadOnlyList<Action<TOut>> consumers)
    {
        using var stop = new CancellationTokenSource();
        var all = items as TIn[] ?? [.. items];
        var parts = consumers.Count;
        // The part-th of the parts, cut by count.
        ArraySegment<TIn> Part(int part)
        {
            var start = (int)((long)all.Length * part / parts);
            return new ArraySegment<TIn>(all, start, (int)((long)all.Length * (part + 1) / parts) - start);
        }
        var others = Enumerable.Range(1, parts - 1).Select(part => Task.Factory.StartNew(() => Run(Part(part), map, consumers[part], stop),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var failures = new List<Exception>();
        try
        {
            Run(Part(0), map, consumers[0], stop);
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
        foreach (var other in others)
        {
            try
            {
                other.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }
        // A part stopped because another failed reports that other's exception, not its own cancellation.
        if ((failures.Find(e => e is not OperationCanceledException) ?? failures.FirstOrDefault()) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Maps one part on all cores and consumes it in order on the calling thread; any failure cancels <paramref name="stop"/>.</summary>
    private static void Run<TIn, TOut>(ArraySegment<TIn> items, Func<TIn, TOut> map, Action<TOut> consume, CancellationTokenSource stop)
    {
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
            catch
            {
                stop.Cancel();
                throw;
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        Exception? failure = null;
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
            {
                foreach (var item in batch)
                {
                    consume(item);
                }
            }
        }
        catch (Exception e)
        {
            failure = e;
            stop.Cancel();
        }
        try
        {
            // The producer ends on the cancellation; what made it stop is the exception to report.
            producer.GetAwaiter().GetResult();
        }
        catch (Exception e) when (failure is null or OperationCanceledException)
        {
            failure = e;
        }
        catch (Exception)
        {
            // The consumer's own exception is the one to report.
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
