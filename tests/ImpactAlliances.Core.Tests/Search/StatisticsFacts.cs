using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>The bundled content, parsed from its files and indexed once, for the statistics facts.</summary>
public sealed class RealContentIndex : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SynonymProvider _synonyms;

    public RealContentIndex()
    {
        var content = ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today));
        Cases = content.Cases.Select(c => c.Case).Where(c => c.Status != CaseStatus.Draft).ToList();
        var store = new IndexStore(Path.Combine(_folder.Path, "index"));
        new IndexBuilder(new MarkdownRenderer()).Build(store, RepositoryPaths.Resolve("content/taxonomy.yml"), content.Cases.Where(c => c.Case.Status != CaseStatus.Draft).ToList());
        Index = new CaseStudyIndex(store);
        var options = Options.Create(new SearchIndexOptions { ContentPath = RepositoryPaths.Resolve("content") });
        Searcher = new CaseStudySearcher(Index, options);
        _synonyms = new SynonymProvider(options, NullLogger<SynonymProvider>.Instance, TimeProvider.System);
        Served = new CaseStudySearcher(Index, options, _synonyms);
    }

    /// <summary>The published cases, as the files say.</summary>
    public IReadOnlyList<CaseStudy> Cases { get; }
    public CaseStudyIndex Index { get; }
    /// <summary>Searches the words as typed, without the synonyms (the statistics facts count them in the files).</summary>
    public CaseStudySearcher Searcher { get; }
    /// <summary>Searches as the site does, with the content's synonyms.</summary>
    public CaseStudySearcher Served { get; }

    /// <summary>
    /// Every case a search finds, page after page: the searcher serves at most Search:MaxPageSize (100) hits a page, and a query
    /// may find more cases than that.
    /// </summary>
    public static HashSet<string> AllFound(CaseStudySearcher searcher, SearchRequest request)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = searcher.Search(request with { Size = 100, Page = page });
            found.UnionWith(result.Hits.Select(h => h.Slug));
            if (page >= result.PageCount || result.Hits.Count == 0)
            {
                return found;
            }
        }
    }

    public void Dispose()
    {
        Served.Dispose();
        _synonyms.Dispose();
        Searcher.Dispose();
        Index.Dispose();
        _folder.Dispose();
    }
}

/// <summary>
/// Statistics of a result set, checked against counts made here from the content files: the search
/// only says which cases its words match; every filter and every count is recomputed from the files.
/// </summary>
public sealed class StatisticsFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    public static TheoryData<string, string[], int?, string[]> Selections => new()
    {
        { "", [], null, [] },
        { "mobilité", ["actors=association"], 2010, [] },
        { "", ["domains=sante", "domains=education", "scales=local"], null, [] },
        { "insertion", ["regions=hauts-de-france", "regions=ile-de-france", "partnership_types=cooperation-economique"], null, [] },
        { "", ["actors=association", "actors=entreprise"], null, ["actors"] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void Counts_match_the_content_files(string query, string[] selection, int? yearFrom, string[] allOf)
    {
        var filters = selection.Select(s => s.Split('=')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p[1]).ToList());
        var request = new SearchRequest { Query = query, Filters = filters, YearFrom = yearFrom, AllOf = allOf, Literal = true };
        var expected = Matching(query, filters, yearFrom, allOf);

        var statistics = content.Searcher.Statistics(request);

        Assert.True(expected.Count >= 5, $"{expected.Count} cases: too few to tell anything");
        Assert.Equal(expected.Count, statistics.Total);
        foreach (var facet in statistics.Facets)
        {
            Assert.Equal(
                expected.SelectMany(c => ValuesOf(c, facet.Key)).CountBy(v => v).OrderBy(p => p.Key),
                facet.Values.Where(v => v.Count > 0).Select(v => new KeyValuePair<string, int>(v.Value, v.Count)).OrderBy(p => p.Key));
        }
        Assert.Equal(
            expected.Where(c => c.Year is not null).CountBy(c => c.Year!.Value).OrderBy(p => p.Key).Select(p => new YearCount(p.Key, p.Value)),
            statistics.Years);
        Assert.Equal(expected.Count(c => c.Year is null), statistics.WithoutYear);

        var actorsByDomain = statistics.ActorsByDomain;
        Assert.Equal(expected.SelectMany(c => c.Domains).Distinct().Count(), actorsByDomain.Rows.Count);
        foreach (var row in actorsByDomain.Rows)
        {
            var domain = row.Values.Single().Value;
            Assert.Equal(expected.Count(c => c.Domains.Contains(domain)), row.Cases);
            for (var i = 0; i < actorsByDomain.Columns.Count; i++)
            {
                var actor = actorsByDomain.Columns[i].Value;
                Assert.Equal(expected.Count(c => c.Domains.Contains(domain) && c.Actors.Contains(actor)), row.Counts[i]);
            }
        }

        var pairs = statistics.PairsByType;
        var expectedPairs = expected
            .SelectMany(c => c.Actors.Distinct().SelectMany(a => c.Actors.Distinct().Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (Pair: Key(a, b), Case: c))))
            .GroupBy(p => p.Pair)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Case).ToList());
        Assert.Equal(expectedPairs.Keys.Order(), pairs.Rows.Where(r => r.Kind == CrossRowKind.Values).Select(r => Key(r.Values[0].Value, r.Values[1].Value)).Order());
        foreach (var row in pairs.Rows)
        {
            var cases = row.Kind switch
            {
                CrossRowKind.OneProfile => expected.Where(c => c.Actors.Distinct().Count() == 1).ToList(),
                CrossRowKind.ThreeOrMore => expected.Where(c => c.Actors.Distinct().Count() >= 3).ToList(),
                _ => expectedPairs[Key(row.Values[0].Value, row.Values[1].Value)],
            };
            Assert.Equal(cases.Count, row.Cases);
            Assert.Equal(pairs.Columns.Select(t => cases.Count(c => c.PartnershipType == t.Value)), row.Counts);
        }
        var pairCases = pairs.Rows.Where(r => r.Kind == CrossRowKind.Values).Select(r => r.Cases).ToList();
        Assert.Equal(pairCases.OrderDescending(), pairCases);
    }

    [Fact]
    public void The_statistics_count_the_cases_the_search_finds_and_record_where_they_come_from()
    {
        var request = new SearchRequest { Query = "numérique", Filters = new Dictionary<string, IReadOnlyList<string>> { ["scales"] = ["local", "departemental"] } };

        var statistics = content.Searcher.Statistics(request);

        Assert.Equal(content.Searcher.Search(request).Total, statistics.Total);
        Assert.Equal(statistics.Total, statistics.Info.Exported);
        Assert.Same(request, statistics.Info.Request);
        Assert.Equal(content.Searcher.Served.Version, statistics.Info.IndexVersion);
    }

    public static TheoryData<string, string[], bool, int?, int?> Headers => new()
    {
        // Widened (few cases hold enough of the words), and how many hold them all.
        { "entreprises et associations pour l'emploi des jeunes à Marseille", [], false, null, null },
        { "mobilité solidaire en zone rurale", [], true, null, null },
        // A misspelt word, an unknown filter value beside a known one, a year range.
        { "mobilitée", ["regions=bretagnne", "domains=sante"], false, 2015, 2020 },
        // Nothing found: no advice is needed to head the statistics.
        { "quetzalcoatl xylophone", ["scales=local"], false, null, null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void The_statistics_carry_the_search_that_heads_their_page_from_the_same_pass(string query, string[] selection, bool allWords, int? from, int? to)
    {
        var filters = selection.Select(s => s.Split('=')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p[1]).ToList());
        var request = new SearchRequest { Query = query, Filters = filters, AllWords = allWords, YearFrom = from, YearTo = to };

        var statistics = content.Served.Statistics(request);
        var search = content.Served.Search(request);

        // Everything the page shows above its charts, as the results page's own search says it.
        static object Header(SearchResult r) => string.Join('|',
            r.Query, r.Total, r.Counted, r.Relaxed, r.StrictTotal, r.AllWordsTotal, r.AllWordsNarrows, r.NothingSearched, r.Years, r.IncludeUndated,
            r.Undated, r.HasFilters, string.Join(',', r.Corrections.Select(c => $"{c.From}>{c.To}")),
            string.Join(',', r.UnknownFilters.Select(u => $"{u.Facet}={u.Value}>{u.Suggestion?.Value}")),
            string.Join(',', r.Facets.SelectMany(f => f.Values.Select(v => $"{f.Key}={v.Value}:{v.Count}:{v.Selected}"))));
        Assert.NotNull(statistics.Search);
        Assert.Equal(Header(search), Header(statistics.Search));
        Assert.Empty(statistics.Search.Hits);
        Assert.Equal(search.Counted, statistics.Total);
    }

    [Fact]
    public void Requiring_all_selected_values_keeps_the_cases_that_have_every_one()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { ["actors"] = ["association", "collectivite", "etat"] };

        var any = content.Searcher.Search(new SearchRequest { Filters = filters });
        var all = content.Searcher.Search(new SearchRequest { Filters = filters, AllOf = ["actors"], Size = 100 });

        Assert.Equal(content.Cases.Count(c => c.Actors.Intersect(filters["actors"]).Any()), any.Total);
        Assert.Equal(content.Cases.Count(c => filters["actors"].All(c.Actors.Contains)), all.Total);
        Assert.InRange(all.Total, 1, any.Total - 1);
        Assert.All(all.Hits, h => Assert.Equal(3, h.Facets["actors"].Count(a => filters["actors"].Contains(a.Value))));
    }

    /// <summary>The cases of the files that the query's words match (as the index says) and that pass the filters (as the files say).</summary>
    private List<CaseStudy> Matching(string query, Dictionary<string, IReadOnlyList<string>> filters, int? yearFrom, string[] allOf)
    {
        HashSet<string>? matched = null;
        if (query.Length > 0)
        {
            using var export = content.Searcher.Export(new SearchRequest { Query = query, Literal = true });
            matched = export.FrontMatters.Select(c => c.Slug).ToHashSet();
        }
        return content.Cases
            .Where(c => matched?.Contains(c.Slug) ?? true)
            // A year range keeps the cases without a start year (SearchRequest.IncludeUndated's default).
            .Where(c => yearFrom is null || c.Year is null || c.Year >= yearFrom)
            .Where(c => filters.All(f => allOf.Contains(f.Key) ? f.Value.All(ValuesOf(c, f.Key).Contains) : f.Value.Any(ValuesOf(c, f.Key).Contains)))
            .ToList();
    }

    private static IReadOnlyList<string> ValuesOf(CaseStudy c, string facet) => facet switch
    {
        "actors" => c.Actors.Distinct().ToList(),
        "domains" => c.Domains,
        "partnership_types" => [c.PartnershipType],
        "scales" => [c.Territory.Scale],
        // A case that lists no region counts in the « National / sans région » bucket.
        "regions" => c.Territory.Regions.Count == 0 ? ["sans-region"] : c.Territory.Regions,
        "departments" => DepartmentsOf(c),
        "statuses" => [c.Status],
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    /// <summary>The départements of a case, from its place text; an overseas region is one département.</summary>
    private static List<string> DepartmentsOf(CaseStudy c)
    {
        var gazetteer = PlaceGazetteer.Official;
        var departments = PlaceResolver.Resolve(c.Territory.Place, gazetteer, c.Territory.Regions).Places
            // A former region named in the place ("Nord et Pas-de-Calais") stands for its own départements.
            .SelectMany(p => p.Kind == PlaceKind.Region ? p.Departments : [p.Department])
            .ToHashSet();
        departments.UnionWith(gazetteer.Places.Where(p => p.Kind == PlaceKind.Department && c.Territory.Regions.Contains(p.Region))
            .GroupBy(p => p.Region).Where(g => g.Count() == 1).Select(g => g.Single().Code));
        return [.. departments];
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}+{b}" : $"{b}+{a}";
}
