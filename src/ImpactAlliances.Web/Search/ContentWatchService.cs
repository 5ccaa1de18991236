using System.Threading.Channels;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// Preview mode (<c>--Content:Watch=true</c>): rebuilds the index whenever a file of the content folder
/// changes, so an editor sees a case rendered before opening a pull request. Files with errors are left
/// out and their errors shown on every page (<see cref="ContentStatus"/>); the site keeps running.
/// </summary>
public sealed partial class ContentWatchService(ContentIndexer indexer, CaseStudyIndex index, ILogger<ContentWatchService> logger) : BackgroundService
{
    /// <summary>Editors' tools save in bursts (temporary file, rename); one rebuild per burst.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Watching starts before the host has started, not in ExecuteAsync, which runs on the thread pool whenever it gets
        // a thread: a file saved once the host had started was otherwise missed until the next save.
        _watcher = new FileSystemWatcher(indexer.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.EnableRaisingEvents = true;
        LogWatching(logger, indexer.ContentPath);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The files as they are now: the start-up check read them before the watcher ran, and a file saved in between
        // would be missed until the next save.
        Rebuild();
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Debounce, stoppingToken);
            while (_changes.Reader.TryRead(out _))
            {
            }
            Rebuild();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private void Rebuild()
    {
        try
        {
            indexer.Rebuild();
            index.Refresh();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Another build holds the lock, or a file vanished mid-read: the next change tries again.
            LogRebuildFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preview: watching {ContentPath} and rebuilding on every change")]
    private static partial void LogWatching(ILogger logger, string contentPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preview: rebuild failed; the previous index is still served")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
