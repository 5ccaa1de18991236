using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>The fixture corpus (or a test's own few cases), indexed once for a test class.</summary>
public sealed class SearchFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SearchFixture() : this(FixtureCorpus.Cases, FixtureCorpus.Synonyms)
    {
    }

    internal SearchFixture(IReadOnlyList<FixtureCase> cases, string synonyms)
    {
        ContentPath = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"), cases, synonyms);
        Store = new IndexStore(Path.Combine(_folder.Path, "index"));
        var content = ContentLoader.Load(ContentPath, new DateOnly(2026, 11, 23));
        Assert.Empty(content.Diagnostics);
        new IndexBuilder(new MarkdownRenderer()).Build(Store, Path.Combine(ContentPath, "taxonomy.yml"), content.Cases);
        Index = new CaseStudyIndex(Store);
        var options = Options.Create(new SearchIndexOptions { PageSize = 10, MaxPageSize = 50, ContentPath = ContentPath });
        Synonyms = new SynonymProvider(options, NullLogger<SynonymProvider>.Instance, Clock);
        Searcher = new CaseStudySearcher(Index, options, Synonyms);
    }

    public string ContentPath { get; }
    public IndexStore Store { get; }
    public CaseStudyIndex Index { get; }
    public CaseStudySearcher Searcher { get; }
    public SynonymProvider Synonyms { get; }
    /// <summary>The synonyms' clock: advance it to let them look at their file again.</summary>
    public FakeTimeProvider Clock { get; } = new();

    public SearchResult Search(string? query, params (string Facet, string Value)[] filters) => Searcher.Search(new SearchRequest
    {
        Query = query,
        Filters = filters.GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()),
        Size = 50,
    });

    public static IEnumerable<string> Slugs(SearchResult result) => result.Hits.Select(h => h.Slug);

    public void Dispose()
    {
        Searcher.Dispose();
        Synonyms.Dispose();
        Index.Dispose();
        _folder.Dispose();
    }
}
