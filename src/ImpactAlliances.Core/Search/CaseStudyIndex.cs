using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The index a process serves: opened once, shared by every request, and switched to a newer version
/// when the index folder's pointer changes, without failing a request in flight.
/// </summary>
public sealed class CaseStudyIndex(IndexStore store) : IDisposable
{
    private readonly Lock _refreshLock = new();
    private bool _disposed;

    // Builds what a new version's queries will need before it is served; it lives as long as the index,
    // because what it builds may keep it.
    private readonly Lucene.Net.Analysis.Analyzer _warmingAnalyzer = CaseStudySchema.CreateAnalyzer();
    private IndexSnapshot? _current;

    /// <summary>The folder the index is read from.</summary>
    public IndexStore Store { get; } = store;

    /// <summary>The name of the version being served (not the pointer's, which may be newer until the next refresh).</summary>
    public string? OpenVersion => Volatile.Read(ref _current)?.Version.Name;

    /// <summary>When the version being served was built.</summary>
    public DateTimeOffset? OpenVersionBuiltAt => Volatile.Read(ref _current)?.Manifest.BuiltAt;

    /// <summary>Takes the current snapshot for the duration of a request; dispose the lease to release it.</summary>
    /// <exception cref="IndexUnavailableException">No index has been built yet.</exception>
    public SnapshotLease Acquire()
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot is null)
            {
                Refresh();
                snapshot = Volatile.Read(ref _current) ?? throw new IndexUnavailableException(Store.Root);
            }
            if (snapshot.TryAcquire())
            {
                return new SnapshotLease(snapshot);
            }
        }
    }

    /// <summary>Opens the version the pointer names, if it is not the one open; returns whether it switched.</summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            // An opening started at the host's start may end after the host stopped.
            if (_disposed)
            {
                return false;
            }
            var name = Store.CurrentVersion();
            var current = _current;
            if (name is null || current?.Version.Name == name)
            {
                return false;
            }
            var next = IndexSnapshot.Open(Store.Version(name));
            if (current is null)
            {
                // Nothing is served yet: serve at once and warm in the background (a large index takes seconds);
                // a request that needs a part before it is built waits for that part alone.
                Volatile.Write(ref _current, next);
                WarmInBackground(next);
                return true;
            }
            // A newer version: the one served keeps answering while the next one warms; one that fails to warm is closed.
            try
            {
                next.Warm(_warmingAnalyzer);
            }
            catch
            {
                next.Release();
                throw;
            }
            Volatile.Write(ref _current, next);
            current.Release();
            return true;
        }
    }

    // What every search needs is built at once, beside the start and the first requests; the spelling words, which only a
    // word to correct needs (a request that needs them first builds them), once a first search is answered: at 100,000
    // cases they are a large share of the CPU the first answer otherwise waits behind on two cores (BENCHMARKS.md,
    // thirtieth session).
    private void WarmInBackground(IndexSnapshot snapshot)
    {
        if (!snapshot.TryAcquire())
        {
            return;
        }
        WarmingForSearch = Task.Run(() =>
        {
            try
            {
                snapshot.WarmForSearch(_warmingAnalyzer);
            }
            finally
            {
                snapshot.Release();
            }
        });
        // No reference is held meanwhile: a version switched out before any search closes as before.
        WarmingForSpelling = snapshot.FirstSearch.ContinueWith(searched =>
        {
            if (!snapshot.TryAcquire())
            {
                return;
            }
            try
            {
                _ = snapshot.Vocabulary.Value;
            }
            finally
            {
                snapshot.Release();
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>The first version's warming of what every search needs, started by <see cref="Refresh"/>.</summary>
    internal Task WarmingForSearch { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// The latest version's building of its spelling words once its first search is answered; until it has run, it holds
    /// that version.
    /// </summary>
    internal Task WarmingForSpelling { get; private set; } = Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_refreshLock)
        {
            _disposed = true;
            Interlocked.Exchange(ref _current, null)?.Release();
            _warmingAnalyzer.Dispose();
        }
    }
}

/// <summary>A snapshot held for one request.</summary>
public readonly struct SnapshotLease(IndexSnapshot snapshot) : IDisposable
{
    /// <summary>The snapshot.</summary>
    public IndexSnapshot Snapshot { get; } = snapshot;

    /// <inheritdoc />
    public void Dispose() => Snapshot.Release();
}

/// <summary>No index exists yet in the index folder.</summary>
public sealed class IndexUnavailableException(string folder)
    : InvalidOperationException($"No index in '{folder}': build one with the indexer's build command.");
