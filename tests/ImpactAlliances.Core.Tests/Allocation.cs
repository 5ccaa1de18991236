namespace ImpactAlliances.Core.Tests;

/// <summary>What code allocates, for the tests that hold a hot path to its allocations.</summary>
internal static class Allocation
{
    /// <summary>The bytes <paramref name="action"/> allocates on this thread (run it once before to leave out what fills caches).</summary>
    public static long Of(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
