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
    public void The_mapping_goes_further_ahead_while_the_consumer_says_it_is_held_up()
    {
        // An index writer flushing its buffer holds the consumer up on one item: the cores go on preparing the next ones.
        var items = Enumerable.Range(0, 128 * 12).ToList();
        var mapped = 0;
        var heldUp = true;
        using var sixBatches = new ManualResetEventSlim();

        OrderedParallel.ForEach(items, i =>
        {
            if (Interlocked.Increment(ref mapped) == 128 * 6)
            {
                sixBatches.Set();
            }
            return i;
        }, i =>
        {
            if (i == 0)
            {
                // Held on the first item until six batches are mapped: with two ahead only, the mapping would stop at four.
                Assert.True(sixBatches.Wait(TimeSpan.FromSeconds(30)), $"{Volatile.Read(ref mapped)} items mapped");
                Volatile.Write(ref heldUp, false);
            }
        }, () => Volatile.Read(ref heldUp));

        Assert.Equal(items.Count, mapped);
    }

    [Fact]
    public void The_mapping_stays_two_batches_ahead_while_the_consumer_is_not_held_up()
    {
        var items = Enumerable.Range(0, 128 * 12).ToList();
        var mapped = 0;
        var seen = -1;

        OrderedParallel.ForEach(items, i =>
        {
            Interlocked.Increment(ref mapped);
            return i;
        }, i =>
        {
            if (i == 1)
            {
                // The consumer on its first batch: two more are ready, and a third may be mapped while they wait for room.
                Thread.Sleep(500);
                seen = Volatile.Read(ref mapped);
            }
        }, () => false);

        Assert.InRange(seen, 128, 128 * 4);
    }
}
