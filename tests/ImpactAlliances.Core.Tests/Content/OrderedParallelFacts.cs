using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class OrderedParallelFacts
{
    [Fact]
    public void The_items_are_consumed_in_their_order_each_mapped_once()
    {
        var items = Enumerable.Range(0, 1000).ToList();
        var consumed = new List<int>();
        var mapped = 0;

        // More items than a batch, on every core: the order is the items', not the order the cores finish in.
        OrderedParallel.ForEach(items, i =>
        {
            Interlocked.Increment(ref mapped);
            Thread.SpinWait((items.Count - i) % 7 * 1000);
            return i * 2;
        }, consumed.Add);

        Assert.Equal(items.Select(i => i * 2), consumed);
        Assert.Equal(items.Count, mapped);
    }

    [Fact]
    public void The_mapping_goes_on_while_the_consumer_is_held_up_on_one_item()
    {
        // An index writer flushing its full buffer holds the consumer up on one case for a second or more: the cores keep
        // mapping meanwhile, more batches ahead than the two they keep between flushes.
        var items = Enumerable.Range(0, 128 * 20).ToList();
        var mapped = 0;
        using var farAhead = new ManualResetEventSlim();
        var consumed = new List<int>();

        OrderedParallel.ForEach(items, i =>
        {
            if (Interlocked.Increment(ref mapped) >= 128 * 6)
            {
                farAhead.Set();
            }
            return i;
        }, i =>
        {
            // Held up on the first item until six batches are mapped: four at most without the deeper queue (this one, two
            // queued, one waiting for room).
            Assert.True(i != 0 || farAhead.Wait(TimeSpan.FromSeconds(30)));
            consumed.Add(i);
        }, heldUpAfter: TimeSpan.Zero);

        Assert.Equal(items, consumed);
    }
}
