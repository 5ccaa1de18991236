using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Tests.Analysis;

public sealed class BoundedCacheFacts
{
    [Fact]
    public void Values_are_kept_up_to_the_capacity_and_given_back_past_it()
    {
        var cache = new BoundedCache<string, int>(capacity: 3, StringComparer.Ordinal);

        var given = Enumerable.Range(0, 5).Select(i => cache.Keep($"k{i}", i)).ToList();

        Assert.Equal([0, 1, 2, 3, 4], given);
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 5).Where(i => cache.TryGetValue($"k{i}", out _)));
        Assert.True(cache.AlternateLookup<ReadOnlySpan<char>>().TryGetValue("k1".AsSpan(), out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void Threads_keeping_the_same_and_different_keys_at_once_never_pass_the_capacity()
    {
        var cache = new BoundedCache<int, int>(capacity: 1000);

        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 5000; i++)
            {
                Assert.Equal(i, cache.Keep(i, i));
            }
        });

        // Never more than the capacity; a place held a moment for a key another thread kept may leave a few unused.
        var kept = Enumerable.Range(0, 5000).Count(i => cache.TryGetValue(i, out _));
        Assert.InRange(kept, 900, 1000);
    }
}
