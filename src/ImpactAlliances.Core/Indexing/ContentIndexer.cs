using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
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
        var content = ContentLoader.Load(ContentPath, Today);
        status.Record(content.Diagnostics, clock.GetUtcNow());
        return content;
    }

    /// <summary>
    /// Validates and indexes the content in one streaming pass. With <paramref name="requireValid"/>,
    /// any error discards the new index (the served one stays); without, cases with errors are left out.
    /// </summary>
    /// <returns>The build, or null when nothing was published; and everything the checks found.</returns>
    public (BuildReport? Report, ContentScan Scan) Build(bool requireValid, IProgress<int>? progress = null)
    {
        lock (_buildLock)
        {
            using var session = builder.Begin(store, GitHistory.Read(ContentPath), progress);
            // Drafts are published only in preview, where their authors look at them.
            var includeDrafts = options.Value.Watch;
            var scan = ContentLoader.Scan(ContentPath, Today,
                file => includeDrafts || file.Case.Status != CaseStatus.Draft ? session.Prepare(file) : null,
                document =>
                {
                    if (document is not null)
                    {
                        session.Write(document);
                    }
                }, () => session.Flushing, found: session.ExpectCases);
            status.Record(scan.Diagnostics, clock.GetUtcNow());
            if (scan.Taxonomy is null || (requireValid && !scan.IsValid))
            {
                if (scan.Taxonomy is null)
                {
                    LogNoTaxonomy(logger, ContentPath);
                }
                return (null, scan);
            }
            // Duplicates and broken links are only known once every file is read.
            session.Remove(scan.Rejected.Select(Path.GetFileNameWithoutExtension).OfType<string>());
            var report = session.Publish(Path.Combine(ContentPath, ContentLoader.TaxonomyFile));
            LogBuilt(logger, report.Cases, (long)report.Elapsed.TotalMilliseconds);
            return (report, scan);
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// Builds an index unless one of the current format, built from the content as it is now (its git commit,
    /// when the content is a checkout), is there; returns whether it built one.
    /// </summary>
    /// <remarks>Cases with errors are logged and left out, so that one bad file does not keep the site from starting.</remarks>
    public bool EnsureIndex()
    {
        var manifest = store.CurrentVersion() is { } version ? IndexManifest.TryRead(store.Version(version)) : null;
        if (manifest?.Format != CaseStudySchema.FormatVersion)
        {
            LogBuilding(logger, store.Root, ContentPath, CaseStudySchema.FormatVersion);
            return Rebuild() is not null;
        }
        // A checkout that has moved on since the index was built (a pull, a commit, an edit) gets a fresh index,
        // so that running the site after updating the content never serves the old cases.
        if (GitHistory.CurrentCommit(ContentPath) is { } commit && commit != manifest.ContentCommit)
        {
            LogStale(logger, store.Root, manifest.ContentCommit ?? "?", commit);
            return Rebuild() is not null;
        }
        return false;
    }

    /// <summary>Reads the content again and indexes its valid cases.</summary>
    public BuildReport? Rebuild()
    {
        var (report, scan) = Build(requireValid: false);
        foreach (var diagnostic in scan.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning, diagnostic);
        }
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index of format {Format} in {IndexPath}: building one from {ContentPath}")]
    private static partial void LogBuilding(ILogger logger, string indexPath, string contentPath, int format);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index in {IndexPath} was built from content commit {Built}; the content is now at {Current}: rebuilding")]
    private static partial void LogStale(ILogger logger, string indexPath, string built, string current);

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
