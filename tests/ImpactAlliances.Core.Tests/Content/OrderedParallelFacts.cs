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
}
