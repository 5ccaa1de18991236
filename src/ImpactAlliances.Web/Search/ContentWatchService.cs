using System.Threading.Channels;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// Preview mode (<c>--Content:Watch=true</c>): rebuilds the index whenever a file of the content folder
/// changes, so an editor sees a case rendered before opening a pull request. Files with errors are left
/// out and their errors shown on every page (<see cref="ContentStatus"/>); the site keeps running.
/// </summary>
public sealed partial class ContentWatchService(ContentIndexer indexer, CaseStudyIndex index, ContentStatus status, ILogger<ContentWatchService> logger) : BackgroundService
{
    /// <summary>Editors' tools save in bursts (temporary file, rename); one rebuild per burst.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(indexer.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => changes.Writer.TryWrite(true);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, indexer.ContentPath);

        // The files as they are now, unless the start-up build has just read them.
        if (status.CheckedAt is null)
        {
            Rebuild();
        }
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Debounce, stoppingToken);
            while (changes.Reader.TryRead(out _))
            {
            }
            Rebuild();
        }
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
