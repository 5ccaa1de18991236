using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Indexing;

/// <summary>Builds an index from the content folder when none exists, so that one command runs the site.</summary>
public sealed partial class IndexBootstrapper(
    IndexStore store,
    IndexBuilder builder,
    IOptions<SearchIndexOptions> options,
    TimeProvider clock,
    ILogger<IndexBootstrapper> logger)
{
    /// <summary>Builds an index unless one is there; returns whether it built one.</summary>
    /// <remarks>Cases with errors are logged and left out, so that one bad file does not keep the site from starting.</remarks>
    public bool EnsureIndex()
    {
        if (store.CurrentVersion() is not null)
        {
            return false;
        }
        var contentPath = options.Value.ContentPath;
        LogBuilding(logger, store.Root, contentPath);
        var content = ContentLoader.Load(contentPath, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        foreach (var diagnostic in content.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning, diagnostic);
        }
        if (content.Taxonomy is null)
        {
            LogNoTaxonomy(logger, contentPath);
            return false;
        }
        var report = builder.Build(store, Path.Combine(contentPath, ContentLoader.TaxonomyFile), content.Cases);
        LogBuilt(logger, report.Cases, (long)report.Elapsed.TotalMilliseconds);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index in {IndexPath}: building one from {ContentPath}")]
    private static partial void LogBuilding(ILogger logger, string indexPath, string contentPath);

    [LoggerMessage(Message = "{Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, LogLevel level, ContentDiagnostic diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot build an index: the taxonomy of {ContentPath} is missing or invalid")]
    private static partial void LogNoTaxonomy(ILogger logger, string contentPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Cases} cases in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, int cases, long elapsedMs);
}
