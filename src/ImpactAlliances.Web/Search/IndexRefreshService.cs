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
    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A missing or stale index is built before the server listens, so that no request meets the old cases.
        // An index that is there opens on the other core while the server starts (BENCHMARKS.md, fifteenth session):
        // a request arriving before it is open waits for it (CaseStudyIndex.Acquire).
        if (options.Value.Source is null)
        {
            TryIndexStep(() => indexer.EnsureIndex());
        }
        _opening = Task.Run(() => TryIndexStep(index.Refresh), cancellationToken);
        return base.StartAsync(cancellationToken);
    }

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
