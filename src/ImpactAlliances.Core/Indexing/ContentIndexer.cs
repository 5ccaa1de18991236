using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// Indexes the configured content folder: loads and validates it, reads each file's git history and
/// builds a new index version. Used by the indexer's build command, by the site when it starts with
/// no index, and by the preview mode on every change.
/// </summary>
public sealed partial class ContentIndexer(
    IndexStore store,
    IndexBuilder builder,
    ContentStatus status,
    IOptions<SearchIndexOptions> options,
    TimeProvider clock,
    ILogger<ContentIndexer> logger)
{
    private readonly Lock _buildLock = new();

    /// <summary>The content folder.</summary>
    public string ContentPath => options.Value.ContentPath;

    /// <summary>Loads and validates the content, and records what was found for the pages to show.</summary>
    public ContentSet Load()
    {
        var content = ContentLoader.Load(ContentPath, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        status.Record(content.Diagnostics, clock.GetUtcNow());
        return content;
    }

    /// <summary>Builds an index of the valid cases of <paramref name="content"/>; null when the taxonomy is unusable.</summary>
    public BuildReport? Build(ContentSet content, IProgress<int>? progress = null)
    {
        if (content.Taxonomy is null)
        {
            LogNoTaxonomy(logger, ContentPath);
            return null;
        }
        lock (_buildLock)
        {
            var history = GitHistory.Read(ContentPath);
            var report = builder.Build(store, Path.Combine(ContentPath, ContentLoader.TaxonomyFile), content.Cases, history, progress);
            LogBuilt(logger, report.Cases, (long)report.Elapsed.TotalMilliseconds);
            return report;
        }
    }

    /// <summary>Builds an index unless one of the current format is there; returns whether it built one.</summary>
    /// <remarks>Cases with errors are logged and left out, so that one bad file does not keep the site from starting.</remarks>
    public bool EnsureIndex()
    {
        if (store.CurrentVersion() is { } version && IndexManifest.TryRead(store.Version(version))?.Format == CaseStudySchema.FormatVersion)
        {
            return false;
        }
        LogBuilding(logger, store.Root, ContentPath, CaseStudySchema.FormatVersion);
        return Rebuild() is not null;
    }

    /// <summary>Loads the content again and indexes its valid cases.</summary>
    public BuildReport? Rebuild()
    {
        var content = Load();
        foreach (var diagnostic in content.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning, diagnostic);
        }
        return Build(content);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index of format {Format} in {IndexPath}: building one from {ContentPath}")]
    private static partial void LogBuilding(ILogger logger, string indexPath, string contentPath, int format);

    [LoggerMessage(Message = "{Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, LogLevel level, ContentDiagnostic diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot build an index: the taxonomy of {ContentPath} is missing or invalid")]
    private static partial void LogNoTaxonomy(ILogger logger, string contentPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Cases} cases in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, int cases, long elapsedMs);
}

/// <summary>What the last load of the content found; the preview shows its errors on every page.</summary>
public sealed class ContentStatus
{
    private volatile Snapshot _current = new([], null);

    private sealed record Snapshot(IReadOnlyList<ContentDiagnostic> Diagnostics, DateTimeOffset? CheckedAt);

    /// <summary>Problems found by the last load.</summary>
    public IReadOnlyList<ContentDiagnostic> Diagnostics => _current.Diagnostics;

    /// <summary>When the content was last loaded, or null if never.</summary>
    public DateTimeOffset? CheckedAt => _current.CheckedAt;

    /// <summary>Errors of the last load.</summary>
    public IEnumerable<ContentDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    internal void Record(IReadOnlyList<ContentDiagnostic> diagnostics, DateTimeOffset at) => _current = new(diagnostics, at);
}
