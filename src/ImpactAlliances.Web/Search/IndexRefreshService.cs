using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// Opens the index when the site starts (building one from the content folder if there is none), then
/// checks for a newer version every <see cref="SearchIndexOptions.RefreshInterval"/> and switches to it.
/// With <c>Index:Source</c> set, versions come from <see cref="IndexSourceService"/> and nothing is built here.
/// </summary>
public sealed partial class IndexRefreshService(
    CaseStudyIndex index,
    ContentIndexer indexer,
    IOptions<SearchIndexOptions> options,
    ILogger<IndexRefreshService> logger) : BackgroundService
{
    /// <summary>
    /// Starts checking the index (building it when missing or stale) and opening it, on the thread pool. Program calls
    /// this as soon as the host is built, so that opening a large index overlaps the rest of the start; a second call
    /// does nothing. With <c>Index:Source</c> set, the source fetches the index first: opening waits for
    /// <see cref="StartAsync"/>.
    /// </summary>
    public void BeginOpening()
    {
        if (options.Value.Source is null)
        {
            Begin();
        }
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Not cancelled midway: a build stopped by a stop request would leave its half-written version behind.
        await Begin();
        await base.StartAsync(cancellationToken);
    }

    // The check that ends before the server listens: a missing or stale index is built first, so that no request meets
    // the old cases. An index that is there then opens while the server starts; a request arriving before it is open
    // waits for it (CaseStudyIndex.Acquire).
    private Task Begin()
    {
        lock (_beginLock)
        {
            if (_checked is null)
            {
                // Its own thread: a build waits on the pool's threads (the cases are read and rendered on every core).
                _checked = options.Value.Source is null
                    ? Task.Factory.StartNew(() => TryIndexStep(indexer.EnsureIndex), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                    : Task.CompletedTask;
                _opening = _checked.ContinueWith(_ => TryIndexStep(index.Refresh), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
            return _checked;
        }
    }

    private readonly Lock _beginLock = new();
    private Task? _checked;
    // Awaited by ExecuteAsync, so that an unexpected failure stops the host as it did when opening was synchronous.
    private Task _opening = Task.CompletedTask;

    private void TryIndexStep(Func<bool> step)
    {
        try
        {
            step();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogOpenFailed(logger, ex, index.Store.Root);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _opening;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (index.Refresh())
                {
                    var version = index.Store.CurrentVersion();
                    LogSwitched(logger, version);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A half-copied or foreign index: keep serving the one that is open.
                LogOpenFailed(logger, ex, index.Store.Root);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        index.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving index version {Version}")]
    private static partial void LogSwitched(ILogger logger, string? version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the index in {IndexPath}; the previous one, if any, is still served")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string indexPath);
}
