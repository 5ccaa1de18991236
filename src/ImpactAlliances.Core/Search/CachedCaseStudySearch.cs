using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Keeps recent search results: for a given index version a search always gives the same answer, and
/// the same searches come back (the home page, popular words, a facet link). Keyed by the served
/// version and the synonyms in service, so neither a new index nor an edited synonyms file is answered
/// from before it. <c>Search:CacheSize</c> 0 turns it off.
/// Hits, misses and the engine's time go to <see cref="SearchMetrics"/> when given.
/// </summary>
internal sealed class CachedCaseStudySearch(CaseStudySearcher inner, CaseStudyIndex index, IOptions<SearchIndexOptions> options, SearchMetrics? metrics = null) : ICaseStudySearch, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheSize) });
    private readonly bool _enabled = options.Value.CacheSize > 0;
    private string? _version;

    /// <inheritdoc />
    public SearchResult Search(SearchRequest request)
    {
        // Keyed by the version actually served and the synonyms in service (an edit of the synonyms file changes
        // answers without a new index): a result is never kept under a version it was not computed on.
        if (!_enabled || index.OpenVersion is not { } served)
        {
            return Run(request);
        }
        var version = ServedIndex.AnswerKeyOf(served, inner.SynonymsFingerprint);
        if (!string.Equals(Volatile.Read(ref _version), version, StringComparison.Ordinal))
        {
            // A switch: the previous version's results will never be asked for again, and keeping them kept
            // its memory (a soak with a switch every 20 s saw the managed heap grow from 51 to 195 MB).
            Volatile.Write(ref _version, version);
            _cache.Clear();
        }
        var key = (version, Key(request));
        if (_cache.TryGetValue(key, out SearchResult? cached))
        {
            metrics?.CacheLookup(hit: true);
            return cached!;
        }
        metrics?.CacheLookup(hit: false);
        return _cache.Set(key, Run(request), new MemoryCacheEntryOptions { Size = 1 });
    }

    /// <summary>How many results the cache holds.</summary>
    internal int CachedResults => _cache.Count;

    private SearchResult Run(SearchRequest request) => metrics is null ? inner.Search(request) : metrics.Time(() => inner.Search(request));

    /// <inheritdoc />
    public CasePage? GetCase(string slug) => inner.GetCase(slug);

    /// <inheritdoc />
    public CaseExport Export(SearchRequest request, TimeProvider? clock = null) => inner.Export(request, clock);

    /// <inheritdoc />
    public ResultStatistics Statistics(SearchRequest request, TimeProvider? clock = null, bool heading = true) => inner.Statistics(request, clock, heading);

    /// <inheritdoc />
    public IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8) => inner.Suggest(typed, limit);

    /// <inheritdoc />
    public Taxonomy Taxonomy => inner.Taxonomy;

    /// <inheritdoc />
    public ServedIndex Served => inner.Served;

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    // Records with lists compare lists by reference: the key spells the request out.
    private static string Key(SearchRequest r) => string.Join('\u001f',
        r.Query, r.Page, r.Size, r.Sort, r.YearFrom, r.YearTo, r.IncludeUndated, r.Literal, r.AllWords, string.Join(',', r.AllOf.Order(StringComparer.Ordinal)),
        string.Join('\u001e', r.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={string.Join(',', f.Value)}")));
}
