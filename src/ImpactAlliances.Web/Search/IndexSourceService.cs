using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// With <c>Index:Source</c> set, the site builds nothing: it fetches the current index artifact from the
/// source once before it listens, then every <see cref="SearchIndexOptions.SourceInterval"/>, checks it
/// and switches to it. A corrupt artifact is rejected, logged once, and the open index stays served.
/// </summary>
public sealed partial class IndexSourceService(
    CaseStudyIndex index,
    IHttpClientFactory http,
    IOptions<SearchIndexOptions> options,
    ILogger<IndexSourceService> logger) : BackgroundService
{
    private readonly IndexArtifactSource _source = IndexArtifactSource.Create(options.Value.Source!, http.CreateClient(nameof(IndexSourceService)));
    private string? _rejected;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server listens (and before IndexRefreshService opens the store), so that a node
        // that can reach its source is ready with its first request.
        await FetchAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SourceInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FetchAsync(stoppingToken);
        }
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await IndexArtifact.FetchAsync(_source, index.Store, cancellationToken) is { } version)
            {
                index.Refresh();
                LogFetched(logger, version, _source.Location);
            }
            _rejected = null;
        }
        catch (InvalidDataException ex)
        {
            if (_rejected != ex.Message)
            {
                _rejected = ex.Message;
                LogRejected(logger, _source.Location, ex.Message);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, _source.Location, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched index artifact {Version} from {Source}")]
    private static partial void LogFetched(ILogger logger, string version, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected the index artifact of {Source}; the open index stays served: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the index artifact of {Source}; will try again: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string source, string reason);
}
