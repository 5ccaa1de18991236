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
    public void Each_part_is_consumed_in_its_order_while_the_others_are()
    {
        var items = Enumerable.Range(0, 1001).ToList();
        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        // Every consumer waits at its first item for the others to have theirs: consumed one part after the other, none would.
        using var together = new Barrier(parts.Length);

        OrderedParallel.ForEach(items, i => i, parts.Select(part => (Action<int>)(i =>
        {
            if (part.Count == 0)
            {
                Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(20)), "the parts were not consumed at the same time");
            }
            part.Add(i);
        })).ToList());

        // Cut by count into contiguous parts, each in the items' order.
        Assert.Equal(Enumerable.Range(0, 333), parts[0]);
        Assert.Equal(Enumerable.Range(333, 334), parts[1]);
        Assert.Equal(Enumerable.Range(667, 334), parts[2]);
    }

    [Fact]
    public void A_failure_in_one_part_stops_the_others_and_is_the_one_thrown()
    {
        var items = Enumerable.Range(0, 100_000).ToList();
        var first = 0;

        var error = Assert.Throws<InvalidOperationException>(() => OrderedParallel.ForEach(items, i => i,
        [
            _ => Interlocked.Increment(ref first),
            i => throw new InvalidOperationException($"item {i}"),
        ]));

        Assert.Equal("item 50000", error.Message);
        Assert.True(first < 50_000, $"the first part went on to {first} items");
    }
}
