using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// Facet counts checked against counts computed directly from the fixture cases: values of one facet
/// combine with OR, facets with AND, and each facet is counted with every other facet's selection applied
/// but not its own (drill-sideways).
/// </summary>
public sealed class FacetCountFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    public static TheoryData<string, string[]> Selections => new()
    {
        { "", [] },
        { "", ["actors=association"] },
        { "", ["actors=association", "actors=fondation"] },
        { "", ["actors=association", "actors=collectivite", "regions=bretagne"] },
        { "", ["domains=mobilite", "domains=emploi-insertion", "partnership_types=innovation-societale"] },
        { "", ["scales=local", "regions=bretagne", "regions=hauts-de-france", "actors=entreprise"] },
        { "mobilité", [] },
        { "mobilité", ["actors=collectivite"] },
        { "insertion", ["domains=emploi-insertion", "domains=environnement", "scales=local"] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void Counts_match_the_fixture_files(string query, string[] selection)
    {
        var filters = selection.Select(s => s.Split('=')).Select(p => (p[0], p[1])).ToArray();
        var matching = query.Length == 0
            ? FixtureCorpus.Cases
            : fixture.Search(query).Hits.Select(h => FixtureCorpus.Cases.Single(c => c.Slug == h.Slug)).ToList();

        var result = fixture.Search(query, filters);

        Assert.Equal(matching.Count(c => PassesAll(c, filters, except: null)), result.Total);
        foreach (var facet in CaseStudySchema.Facets)
        {
            var expected = matching
                .Where(c => PassesAll(c, filters, except: facet.Key))
                .SelectMany(c => c.ValuesOf(facet.Key))
                .GroupBy(v => v)
                .ToDictionary(g => g.Key, g => g.Count());
            var actual = result.Facets.Single(f => f.Key == facet.Key).Values
                .Where(v => v.Count > 0)
                .ToDictionary(v => v.Value, v => v.Count);
            Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void Selecting_a_value_keeps_the_counts_of_the_other_values_of_its_facet()
    {
        var result = fixture.Search(null, ("actors", "association"));

        var actors = result.Facets.Single(f => f.Key == "actors").Values;
        Assert.True(actors.Single(v => v.Value == "association").Selected);
        Assert.Equal(FixtureCorpus.Cases.Count(c => c.Actors.Contains("entreprise")), actors.Single(v => v.Value == "entreprise").Count);
        Assert.Equal(FixtureCorpus.Cases.Count(c => c.Actors.Contains("association")), result.Total);
    }

    [Fact]
    public void Selected_values_come_first_then_by_count()
    {
        var result = fixture.Search(null, ("regions", "normandie"));

        var regions = result.Facets.Single(f => f.Key == "regions").Values;
        Assert.Equal("normandie", regions[0].Value);
        Assert.Equal(regions.Skip(1).Select(v => v.Count).OrderDescending(), regions.Skip(1).Select(v => v.Count));
    }

    [Fact]
    public void Unknown_filter_values_are_not_applied_and_are_reported_with_the_closest_value()
    {
        var result = fixture.Search(null, ("domains", "not-a-domain"), ("regions", "bretgne"), ("nonsense", "x"));

        Assert.Equal(FixtureCorpus.Cases.Count, result.Total);
        Assert.False(result.HasFilters);
        Assert.Equal(
            [new UnknownFilter("domains", "Domaines", "not-a-domain", null), new UnknownFilter("regions", "Régions", "bretgne", new FacetLabel("bretagne", "Bretagne"))],
            result.UnknownFilters);
    }

    [Fact]
    public void An_unknown_filter_value_that_names_a_value_otherwise_is_reported_with_it_and_one_shared_by_several_with_none()
    {
        var result = fixture.Search(null, ("regions", "rhone-alpes"), ("domains", "pauvrete"), ("regions", "alpes"));

        Assert.Equal(FixtureCorpus.Cases.Count, result.Total);
        Assert.Equal(
            [
                new UnknownFilter("domains", "Domaines", "pauvrete", new FacetLabel("pauvrete-exclusion", "Pauvreté et exclusion")),
                new UnknownFilter("regions", "Régions", "rhone-alpes", new FacetLabel("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes")),
                // Auvergne-Rhône-Alpes or Provence-Alpes-Côte d'Azur: not one to offer.
                new UnknownFilter("regions", "Régions", "alpes", null),
            ],
            result.UnknownFilters);
    }

    public static TheoryData<string, string[], int?, int?, bool, bool, string[]> Counted => new()
    {
        { "", [], null, null, true, false, [] },
        { "", ["actors=association", "actors=fondation"], null, null, true, false, [] },
        { "", ["actors=association", "actors=collectivite"], null, null, true, false, ["actors"] },
        { "mobilité", [], 2010, 2019, true, false, [] },
        { "insertion", ["scales=local"], 2006, null, false, false, [] },
        { "", ["regions=bretagne", "actors=entreprise"], null, 2015, false, false, [] },
        { "mobilité insertion", [], null, null, true, true, [] },
        { "mobilité insertion", [], null, null, true, false, [] },
        { "personnes -âgées", ["domains=emploi-insertion", "domains=mobilite"], 2000, 2030, true, false, [] },
        { "zzzzzz", [], null, null, true, false, [] },
    };

    /// <summary>
    /// The count a piece of advice reads (<see cref="SearchRunner.Count"/>) skips the facet counts and the best documents,
    /// not the filters: it finds as many cases as the search it stands for, whatever the filters, years and modes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Counted))]
    public void A_count_alone_finds_as_many_cases_as_the_search(string query, string[] selection, int? from, int? to, bool undated, bool allWords,
        string[] allOf)
    {
        var request = new SearchRequest
        {
            Query = query,
            Filters = selection.Select(s => s.Split('=')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p[1]).ToList()),
            YearFrom = from,
            YearTo = to,
            IncludeUndated = undated,
            AllWords = allWords,
            AllOf = allOf,
            // As typed and never widened: what a count stands for.
            Literal = true,
        };
        using var lease = fixture.Index.Acquire();
        var runner = new SearchRunner(lease.Snapshot, CaseStudySchema.CreateAnalyzer(), fixture.Synonyms.Current,
            new SearchIndexOptions());

        var searched = runner.Search(request);

        Assert.Equal(searched.Total, runner.Count(request, UserQuery.Parse(query)));
        Assert.False(searched.Relaxed);
    }

    private static bool PassesAll(FixtureCase c, (string Facet, string Value)[] filters, string? except) =>
        filters.Where(f => f.Facet != except)
            .GroupBy(f => f.Facet)
            .All(g => g.Any(f => c.ValuesOf(f.Facet).Contains(f.Value)));
}
