using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Typo tolerance, synonyms, filters beyond facets, and what an empty result offers.</summary>
public sealed class QueryUnderstandingFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("mobilté", "mobilité")]
    [InlineData("insertoin", "insertion")]
    [InlineData("mécena", "mécénat")]
    [InlineData("biodiversté", "biodiversité")]
    public void A_word_that_matches_nothing_is_replaced_by_the_closest_word(string typed, string corrected)
    {
        var result = fixture.Search(typed);

        Assert.Equal([new Correction(typed, corrected)], result.Corrections);
        Assert.Equal(corrected, result.SearchedQuery);
        Assert.Equal(SearchFixture.Slugs(fixture.Search(corrected)).Order(), SearchFixture.Slugs(result).Order());
        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public void Words_that_match_are_never_corrected()
    {
        Assert.Empty(fixture.Search("mobilités garages").Corrections);
        Assert.Empty(fixture.Search("vélo").Corrections);
    }

    [Fact]
    public void Short_words_are_not_corrected()
    {
        Assert.Empty(fixture.Search("vél").Corrections);
    }

    [Fact]
    public void A_literal_search_keeps_the_words_as_typed()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Query = "mobilté", Literal = true });

        Assert.Empty(result.Corrections);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void An_acronym_finds_its_expansion_and_back()
    {
        var acronym = fixture.Search("ESS");
        var expansion = fixture.Search("économie sociale et solidaire");

        Assert.Equal(["ingenierie-alliance-territoire"], SearchFixture.Slugs(acronym));
        Assert.Equal(["ingenierie-alliance-territoire"], SearchFixture.Slugs(expansion));
        Assert.Empty(acronym.Corrections);
        Assert.Contains("<mark>", acronym.Hits[0].Snippet);
    }

    [Fact]
    public void A_multi_word_synonym_spans_the_stop_words_it_contains()
    {
        var siae = fixture.Search("SIAE");

        Assert.Equal(["insertion-par-activite-economique"], SearchFixture.Slugs(siae));
    }

    [Fact]
    public void Synonyms_widen_a_word_to_its_group()
    {
        var seniors = SearchFixture.Slugs(fixture.Search("seniors")).ToList();

        Assert.Contains("numerique-inclusif-seniors", seniors);
        Assert.Contains("logement-intergenerationnel", seniors);
        Assert.Contains("sante-prevention-seniors", seniors);
    }

    [Fact]
    public void Editing_the_synonyms_file_applies_without_a_rebuild()
    {
        var path = Path.Combine(fixture.ContentPath, "synonyms.yml");
        try
        {
            File.WriteAllText(path, FixtureCorpus.Synonyms + "\n- [orchestre, fanfare]\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Thread.Sleep(1_100); // the file is looked at once a second at most

            Assert.Equal(["culture-orchestre-rural"], SearchFixture.Slugs(fixture.Search("fanfare")));
        }
        finally
        {
            File.WriteAllText(path, FixtureCorpus.Synonyms);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
            Thread.Sleep(1_100);
        }
    }

    [Fact]
    public void A_word_naming_a_domain_finds_the_cases_tagged_with_it_after_those_that_say_it()
    {
        var result = fixture.Search("mobilité");

        var slugs = SearchFixture.Slugs(result).ToList();
        Assert.Contains("securite-routiere-entreprises", slugs);
        Assert.DoesNotContain("mobilité", FixtureCorpus.Cases.Single(c => c.Slug == "securite-routiere-entreprises").Body, StringComparison.Ordinal);
        Assert.Equal("mobilite-solidaire-garages", slugs[0]);
    }

    [Fact]
    public void When_no_case_holds_every_word_those_holding_most_are_shown_and_flagged()
    {
        var result = fixture.Search("orchestre enfants microcrédit");

        Assert.True(result.Relaxed);
        Assert.Equal("culture-orchestre-rural", result.Hits[0].Slug);
        Assert.False(fixture.Searcher.Search(new SearchRequest { Query = "orchestre enfants" }).Relaxed);
    }

    [Fact]
    public void The_year_range_keeps_cases_started_within_it()
    {
        var result = fixture.Searcher.Search(new SearchRequest { YearFrom = 2010, YearTo = 2016, Size = 50 });

        Assert.Equal(["energie-citoyenne-village", "logement-intergenerationnel", "mobilite-solidaire-garages"], SearchFixture.Slugs(result).Order());
        Assert.Equal(3, result.Facets.Single(f => f.Key == "scales").Values.Sum(v => v.Count));
    }

    [Fact]
    public void Sort_by_title_is_alphabetical_ignoring_accents()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Sort = SearchSort.Title, Size = 50 });

        var titles = result.Hits.Select(h => Core.Search.FrenchAnalyzer.FoldAccents(h.Title.ToLowerInvariant())).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);
        Assert.Equal(FixtureCorpus.Cases.Count, titles.Count);
    }

    [Fact]
    public void An_empty_result_offers_each_filter_removal_with_its_count()
    {
        var result = fixture.Search("mobilité", ("regions", "bretagne"), ("actors", "association"));

        Assert.Equal(0, result.Total);
        var removal = Assert.Single(result.FilterRemovals, r => r.Key == "regions");
        Assert.Equal(["Bretagne"], removal.Values);
        Assert.Equal(fixture.Search("mobilité", ("actors", "association")).Total, removal.Count);
    }

    [Fact]
    public void An_empty_result_where_no_single_filter_is_to_blame_offers_removing_them_all()
    {
        var result = fixture.Search("microcrédit", ("regions", "bretagne"), ("scales", "international"));

        Assert.Equal(0, result.Total);
        Assert.Contains(result.FilterRemovals, r => r.Key == FilterRemoval.All && r.Count == 1);
    }

    [Fact]
    public void An_empty_result_offers_each_word_alone()
    {
        var result = fixture.Search("orchestre microcrédit");

        Assert.Equal(0, result.Total);
        Assert.Contains(new QuerySuggestion("orchestre", 1), result.QuerySuggestions);
        Assert.Contains(new QuerySuggestion("microcrédit", 1), result.QuerySuggestions);
    }

    [Fact]
    public void Domains_come_with_their_families()
    {
        var domains = fixture.Search(null).Facets.Single(f => f.Key == "domains");

        Assert.Equal(["economique", "social", "societal", "environnemental"], domains.Families.Select(f => f.Slug));
        Assert.Contains("mobilite", domains.Families.Single(f => f.Slug == "societal").Values);
    }
}
