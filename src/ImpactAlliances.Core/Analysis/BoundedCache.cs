using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// Values worked out once and kept for every thread, up to a number of keys: past it, values are worked out each
/// time, so memory stays bounded whatever the input.
/// </summary>
/// <remarks>
/// It counts its own entries: <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock of the
/// dictionary, and a cache asking it at each miss made an index build of words not met before slower than no cache.
/// </remarks>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private int _count;

    /// <summary>How many values are kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether a value worked out now could still be kept: when not, a caller can spare what keeping it would cost.</summary>
    public bool HasRoom => Volatile.Read(ref _count) < capacity;

    /// <summary>The value kept for a key, if any.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    /// <summary>Look-ups by another form of the key (a span of characters for a string), which allocate nothing.</summary>
    public ConcurrentDictionary<TKey, TValue>.AlternateLookup<TAlternate> AlternateLookup<TAlternate>()
        where TAlternate : notnull, allows ref struct => _values.GetAlternateLookup<TAlternate>();

    /// <summary>
    /// The value kept for a key, or one worked out by <paramref name="make"/> (from the key and <paramref name="argument"/>,
    /// as <see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd{TArg}(TKey, Func{TKey, TArg, TValue}, TArg)"/>: a static
    /// lambda then allocates nothing) and kept while there is room; when <paramref name="keep"/> is false (a key too large to
    /// be worth a place), worked out without being looked up or kept.
    /// </summary>
    public TValue GetOrKeep<TArgument>(TKey key, Func<TKey, TArgument, TValue> make, TArgument argument, bool keep = true)
        => !keep ? make(key, argument)
        : _values.TryGetValue(key, out var kept) ? kept
        : Keep(key, make(key, argument));

    /// <summary>Keeps a value worked out for a key while there is room, and returns it.</summary>
    public TValue Keep(TKey key, TValue value)
    {
        // A place is taken before the value is added, and given back if there was none or the key was kept meanwhile:
        // threads keeping at once never pass the capacity.
        if (Volatile.Read(ref _count) < capacity && (Interlocked.Increment(ref _count) > capacity || !_values.TryAdd(key, value)))
        {
            Interlocked.Decrement(ref _count);
        }
        return value;
    }
}
