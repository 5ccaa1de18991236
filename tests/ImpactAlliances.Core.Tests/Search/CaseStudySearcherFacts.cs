using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class CaseStudySearcherFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("mobilite")]
    [InlineData("Mobilité")]
    [InlineData("MOBILITÉ")]
    [InlineData("mobilités")]
    public void Accents_case_and_plural_do_not_matter(string query)
    {
        var expected = SearchFixture.Slugs(fixture.Search("mobilité")).Order();

        Assert.Equal(expected, SearchFixture.Slugs(fixture.Search(query)).Order());
        Assert.Contains("mobilite-solidaire-garages", expected);
        Assert.Contains("velo-ecole-quartiers", expected);
    }

    [Theory]
    [InlineData("l'insertion")]
    [InlineData("l’insertion")]
    [InlineData("d'insertion")]
    public void Elided_articles_are_ignored(string query)
    {
        Assert.Equal(SearchFixture.Slugs(fixture.Search("insertion")).Order(), SearchFixture.Slugs(fixture.Search(query)).Order());
    }

    [Fact]
    public void A_case_holding_every_word_ranks_above_those_holding_some()
    {
        var result = fixture.Search("mobilité emploi");

        Assert.Equal("mobilite-solidaire-garages", result.Hits[0].Slug);
        Assert.Contains("velo-ecole-quartiers", SearchFixture.Slugs(result));
        Assert.Contains("insertion-par-activite-economique", SearchFixture.Slugs(result));
    }

    [Fact]
    public void A_case_missing_a_frequent_word_loses_little_and_one_missing_the_rare_word_loses_much()
    {
        // "durée" is in every fixture case; "orchestre" in one. Holding only the rare word, that case
        // alone is a strict match; the search widens to the cases holding the frequent word, well below it.
        // (Not "partenariat": a word for what every case is, the search leaves it out.)
        var result = fixture.Search("durée orchestre");

        Assert.Equal("culture-orchestre-rural", result.Hits[0].Slug);
        Assert.True(result.Relaxed);
        Assert.Equal(1, result.StrictTotal);
        Assert.True(result.Hits[0].Score > 2 * result.Hits[1].Score);
    }

    [Fact]
    public void A_widened_search_counts_only_the_cases_holding_enough_of_the_words()
    {
        // The cases holding only « durée » are listed after the one holding « orchestre », for browsing; a count, a facet,
        // an export or a statistic of them would count every fixture case for a question about an orchestra.
        var request = new SearchRequest { Query = "durée orchestre" };
        var result = fixture.Searcher.Search(request);
        using var export = fixture.Searcher.Export(request);
        var statistics = fixture.Searcher.Statistics(request);

        Assert.True(result.Total > 1);
        Assert.Equal((1, result.Total - 1), (result.Counted, result.Partial));
        Assert.All(result.Facets, f => Assert.All(f.Values, v => Assert.InRange(v.Count, 0, 1)));
        Assert.Equal(["culture-orchestre-rural"], export.Cases.Select(c => c.Slug));
        Assert.Equal((1, 1), (export.Info.Total, statistics.Total));
    }

    /// <summary>
    /// The page says « ces N exemples réunissent l'essentiel de ces mots ; les N suivants n'en contiennent qu'une partie »: whatever the order
    /// asked for, the cases counted (here the orchestra's alone) come first, then the others. By title or by year, the cases
    /// holding only « durée » were listed before it.
    /// </summary>
    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Recent)]
    [InlineData(SearchSort.Title)]
    [InlineData(SearchSort.Year)]
    public void A_widened_search_lists_the_cases_it_counts_first_in_every_order(SearchSort sort)
    {
        var request = new SearchRequest { Query = "durée orchestre", Sort = sort, Size = 1 };
        var widest = fixture.Searcher.Search(request with { Size = 50 });
        using var export = fixture.Searcher.Export(request);

        Assert.True(widest.Relaxed);
        Assert.Equal(export.Cases.Select(c => c.Slug), SearchFixture.Slugs(widest).Take(widest.Counted));
        Assert.Equal(widest.Total, widest.Hits.Count);
        // The first page of one case is the first case of the longer list: not the strict run's window alone.
        Assert.Equal(widest.Hits[0].Slug, fixture.Searcher.Search(request).Hits.Single().Slug);
    }

    /// <summary>
    /// By year, the most recent start first; cases of one year then the most recently updated first (the sort key adds the
    /// update date below the year), before the title order breaks what ties remain.
    /// </summary>
    [Fact]
    public void Sorted_by_year_cases_of_one_year_come_the_most_recently_updated_first()
    {
        FixtureCase[] cases =
        [
            new("atelier-ancien", "Atelier vélo ancien", [("Roue Libre", "association")], ["mobilite"], "mecenat", "local", ["bretagne"], "2025-01-10",
                "Un atelier de réparation de vélos.", Year: 2020),
            new("atelier-recent", "Atelier vélo récent", [("Roue Libre", "association")], ["mobilite"], "mecenat", "local", ["bretagne"], "2026-06-01",
                "Un atelier de réparation de vélos.", Year: 2020),
            new("atelier-jeune", "Atelier vélo jeune", [("Roue Libre", "association")], ["mobilite"], "mecenat", "local", ["bretagne"], "2024-03-01",
                "Un atelier de réparation de vélos.", Year: 2022),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Searcher.Search(new SearchRequest { Query = "atelier", Sort = SearchSort.Year });

        Assert.Equal(["atelier-jeune", "atelier-recent", "atelier-ancien"], SearchFixture.Slugs(result));
    }

    /// <summary>The CSV of the statistics has no heading: counted without the search's result, the counts are the same.</summary>
    [Fact]
    public void Statistics_without_their_heading_count_the_same_without_the_search()
    {
        var request = new SearchRequest { Query = "durée orchestre" };
        var headed = fixture.Searcher.Statistics(request);
        var counts = fixture.Searcher.Statistics(request, heading: false);

        Assert.NotNull(headed.Search);
        Assert.Null(counts.Search);
        static string Counted(ResultStatistics s) =>
            System.Text.Json.JsonSerializer.Serialize(new { s.Total, s.Facets, s.Years, s.WithoutYear, s.ActorsByDomain, s.PairsByType });
        Assert.Equal(Counted(headed), Counted(counts));
    }

    [Fact]
    public void A_widened_search_that_no_case_fully_answers_counts_the_cases_it_lists()
    {
        // Five rare words, of which a case must hold three; none does.
        const string query = "orchestre enfants microcrédit expédition naturalistes";
        var result = fixture.Search(query);

        Assert.Equal((true, 0), (result.Relaxed, result.StrictTotal));
        Assert.True(result.Total > 1);
        Assert.Equal((result.Total, 0), (result.Counted, result.Partial));
        Assert.Equal(result.Total, fixture.Searcher.Statistics(new SearchRequest { Query = query }).Total);
    }

    [Fact]
    public void All_words_keeps_only_the_cases_holding_every_term_and_a_search_says_how_many_do()
    {
        // Both words are rare in the fixture: a case holding either is found, and counted. Which cases hold both is
        // read from the fixture's own text (title, organisations, body), not from the engine.
        const string query = "familles solidaires";
        var expected = FixtureCorpus.Cases
            .Where(c => new[] { "famille", "solidaire" }.All(word => $"{c.Title} {string.Join(' ', c.Organisations.Select(o => o.Name))} {c.Body}"
                .Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Slug).Order().ToList();
        var some = fixture.Searcher.Search(new SearchRequest { Query = query });
        var every = new SearchRequest { Query = query, AllWords = true };
        var all = fixture.Searcher.Search(every);
        using var export = fixture.Searcher.Export(every);

        Assert.Equal(["aide-alimentaire-ccas", "pouvoir-achat-epicerie"], expected);
        Assert.True(some.Counted > expected.Count);
        Assert.Equal(expected.Count, some.AllWordsTotal);
        Assert.Equal(expected, SearchFixture.Slugs(all).Order());
        Assert.Equal((expected.Count, (int?)null), (all.Counted, all.AllWordsTotal));
        Assert.Equal(expected, export.Cases.Select(c => c.Slug).Order());
        Assert.Equal(expected.Count, fixture.Searcher.Statistics(every).Total);
    }

    [Theory]
    [InlineData("mobilité")]
    [InlineData("\"économie sociale et solidaire\"")]
    [InlineData("familles -épicerie")]
    public void A_search_that_already_requires_every_term_gives_no_all_words_count(string query)
    {
        var result = fixture.Search(query);
        var all = fixture.Searcher.Search(new SearchRequest { Query = query, AllWords = true });

        Assert.True(result.Total > 0);
        Assert.Equal((null, false, false), (result.AllWordsTotal, result.AllWordsNarrows, all.AllWordsNarrows));
        Assert.Equal(SearchFixture.Slugs(result).Order(), SearchFixture.Slugs(all).Order());
    }

    [Theory]
    [InlineData("familles solidaires -épicerie")]
    [InlineData("familles solidaires -CCAS")]
    [InlineData("insertion Lille")]
    [InlineData("familles OR seniors solidaires")]
    [InlineData("\"aide alimentaire\" solidaires")]
    [InlineData("numéri* seniors inclusif")]
    [InlineData("Bretagne Normandie insertion")]
    [InlineData("santé seniors prévention jeunes")]
    [InlineData("vélo garages microcrédit")]
    [InlineData("la les des")]
    public void The_all_words_count_is_what_an_all_words_search_counts(string query)
    {
        var request = new SearchRequest { Query = query, Size = 50 };
        var some = fixture.Searcher.Search(request);
        var all = fixture.Searcher.Search(request with { AllWords = true });
        var (counted, allCounted) = (Exported(request), Exported(request with { AllWords = true }));

        Assert.Subset(counted.ToHashSet(), allCounted.ToHashSet());
        if (some.AllWordsTotal is { } total)
        {
            Assert.Equal(total, all.Total);
            Assert.Equal(allCounted.Count, total);
        }
        else
        {
            // No count: the search required every term already (or found nothing), and keeping only those changes nothing.
            Assert.Equal(counted, allCounted);
        }
        Assert.Equal(some.AllWordsNarrows, all.AllWordsNarrows);

        List<string> Exported(SearchRequest r)
        {
            using var export = fixture.Searcher.Export(r);
            return export.Cases.Select(c => c.Slug).Order().ToList();
        }
    }

    [Fact]
    public void Quotes_make_a_phrase()
    {
        var phrase = fixture.Search("\"économie sociale et solidaire\"");
        var reversed = fixture.Search("\"solidaire sociale économie\"");

        Assert.Equal(["ingenierie-alliance-territoire"], SearchFixture.Slugs(phrase));
        Assert.Empty(reversed.Hits);
    }

    [Fact]
    public void A_star_matches_the_start_of_whole_words()
    {
        var result = fixture.Search("numéri*");

        Assert.Equal(["numerique-inclusif-seniors"], SearchFixture.Slugs(result));
        Assert.Contains("<mark>numériques</mark>", result.Hits[0].Snippet);
    }

    [Fact]
    public void Excluded_words_remove_results()
    {
        var all = fixture.Search("mobilité");
        var without = fixture.Search("mobilité -vélo");

        Assert.Contains("velo-ecole-quartiers", SearchFixture.Slugs(all));
        Assert.DoesNotContain("velo-ecole-quartiers", SearchFixture.Slugs(without));
        Assert.Equal(all.Total - 1, without.Total);
    }

    /// <summary>
    /// An excluded word excludes what a query of it finds: its synonyms and the other form of an acronym, quoted or not (a
    /// phrase has its synonyms as a whole, as in a query of it).
    /// </summary>
    [Theory]
    [InlineData("insertion", "-IAE", "insertion-par-activite-economique")]
    [InlineData("ESS", "-ESS", "ingenierie-alliance-territoire")]
    [InlineData("alliance", "-ESS", "ingenierie-alliance-territoire")]
    [InlineData("insertion", "-\"IAE\"", "insertion-par-activite-economique")]
    [InlineData("chantiers", "-\"insertion par l'activité économique\"", "insertion-par-activite-economique")]
    public void An_excluded_word_excludes_its_synonyms_too(string query, string exclusion, string excluded)
    {
        Assert.Contains(excluded, SearchFixture.Slugs(fixture.Search(query)));
        Assert.DoesNotContain(excluded, SearchFixture.Slugs(fixture.Search($"{query} {exclusion}")));
    }

    /// <summary>
    /// A quoted exclusion is read as its phrase is in a query: a place it names is excluded as the place (the case is placed in
    /// Bretagne, its text does not say it); an excluded word brings no place nor facet value.
    /// </summary>
    [Fact]
    public void A_quoted_exclusion_excludes_the_place_it_names()
    {
        Assert.Contains("aide-alimentaire-ccas", SearchFixture.Slugs(fixture.Search("alimentaire")));
        Assert.DoesNotContain("aide-alimentaire-ccas", SearchFixture.Slugs(fixture.Search("alimentaire -\"Bretagne\"")));
    }

    [Fact]
    public void Or_accepts_either_word()
    {
        var either = fixture.Search("microcrédit OR orchestre");

        Assert.Equal(["culture-orchestre-rural", "microcredit-outre-mer"], SearchFixture.Slugs(either).Order());
    }

    [Fact]
    public void Title_matches_rank_above_body_matches()
    {
        var result = fixture.Search("biodiversité");

        Assert.Equal("biodiversite-carrieres", result.Hits[0].Slug);
        Assert.Contains("ocean-microplastiques", SearchFixture.Slugs(result));
    }

    [Fact]
    public void Snippets_mark_the_matched_words_and_escape_the_text()
    {
        var hit = fixture.Search("garages").Hits.Single();

        Assert.Contains("<mark>garages</mark>", hit.Snippet);
        Assert.Contains("frein à l&#39;emploi", hit.Snippet);
    }

    [Fact]
    public void An_empty_query_lists_every_case_most_recent_first()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Size = 50 });

        Assert.Equal(FixtureCorpus.Cases.Count, result.Total);
        Assert.Equal(SearchSort.Recent, result.Sort);
        Assert.Equal(FixtureCorpus.Cases.OrderByDescending(c => c.Updated, StringComparer.Ordinal).Select(c => c.Slug), SearchFixture.Slugs(result));
        Assert.All(result.Hits, h => Assert.Null(h.Snippet));
    }

    [Fact]
    public void Sort_by_most_recent_applies_to_text_queries()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Query = "insertion", Sort = SearchSort.Recent, Size = 50 });

        Assert.Equal(result.Hits.Select(h => h.Updated).OrderDescending(), result.Hits.Select(h => h.Updated));
    }

    [Fact]
    public void Pages_split_the_results_without_overlap()
    {
        var pages = Enumerable.Range(1, 3)
            .Select(p => fixture.Searcher.Search(new SearchRequest { Page = p, Size = 8 }))
            .ToList();

        Assert.Equal([8, 8, 4], pages.Select(p => p.Hits.Count));
        Assert.Equal(FixtureCorpus.Cases.Count, pages.SelectMany(p => p.Hits).Select(h => h.Slug).Distinct().Count());
        Assert.All(pages, p => Assert.Equal(3, p.PageCount));
    }

    [Fact]
    public void Page_size_is_capped_and_pages_past_the_end_are_empty()
    {
        var huge = fixture.Searcher.Search(new SearchRequest { Size = 10_000 });
        var beyond = fixture.Searcher.Search(new SearchRequest { Page = 99 });

        Assert.Equal(50, huge.Size);
        Assert.Empty(beyond.Hits);
        Assert.Equal(FixtureCorpus.Cases.Count, beyond.Total);
    }

    [Theory]
    [InlineData(int.MaxValue, 50)]
    [InlineData(107_374_184, 20)]
    public void A_page_whose_first_result_is_past_any_int_is_empty(int page, int size)
    {
        // (page - 1) × size overflowed to a negative count to skip, which skipped none: the first page's cases under page N.
        var beyond = fixture.Searcher.Search(new SearchRequest { Page = page, Size = size });

        Assert.Empty(beyond.Hits);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"mobilité")]
    [InlineData("((mobilité")]
    [InlineData("title:mobilité")]
    [InlineData("AND")]
    [InlineData("OR OR")]
    [InlineData("NOT")]
    [InlineData("mobilité~2")]
    [InlineData("*")]
    [InlineData("**?")]
    [InlineData("-")]
    [InlineData("[a TO z]")]
    [InlineData("\\")]
    [InlineData("le la les de")]
    [InlineData("{!}^&|")]
    public void Anything_a_person_types_gets_results_or_an_empty_result(string query)
    {
        var result = fixture.Search(query);

        // A consistent answer: the hits shown are the first of those counted, and no more than the base holds.
        Assert.InRange(result.Total, 0, FixtureCorpus.Cases.Count);
        Assert.Equal(Math.Min(result.Total, 50), result.Hits.Count);
        Assert.Equal(result.Total, result.Facets.Single(f => f.Key == "partnership_types").Values.Sum(v => v.Count));
    }

    [Fact]
    public void Very_long_input_is_cut_not_refused()
    {
        var result = fixture.Search(string.Join(' ', Enumerable.Repeat("mobilité", 2_000)));

        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public void A_case_is_found_by_slug_with_its_labels_and_related_cases()
    {
        var page = fixture.Searcher.GetCase("mobilite-solidaire-garages");

        Assert.NotNull(page);
        Assert.Equal("Garages solidaires et mobilité", page.Case.Case.Title);
        Assert.Contains(page.Facets["domains"], v => v is { Value: "mobilite", Label: "Mobilité" });
        Assert.NotEmpty(page.Related);
        Assert.DoesNotContain(page.Related, r => r.Hit.Slug == "mobilite-solidaire-garages");
        Assert.Contains(page.Related, r => r.Hit.Facets["domains"].Any(d => d.Value is "mobilite" or "emploi-insertion"));
        // What each related case is said to share is what the two cases' domains have in common.
        Assert.All(page.Related, r => Assert.Equal(
            page.Facets["domains"].Where(d => r.Hit.Facets["domains"].Any(o => o.Value == d.Value)).Select(d => d.Label),
            r.Shared.Domains));
        Assert.Contains(page.Related, r => r.Shared.Domains.Count > 0);
    }

    [Fact]
    public void An_unknown_slug_gives_no_case()
    {
        Assert.Null(fixture.Searcher.GetCase("does-not-exist"));
    }

    [Fact]
    public void An_export_holds_every_case_of_the_search_in_its_order_with_its_provenance()
    {
        var request = new SearchRequest { Query = "mobilité", Sort = SearchSort.Title, Size = 2 };
        var expected = SearchFixture.Slugs(fixture.Searcher.Search(request with { Size = 50 })).ToList();
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        using var export = fixture.Searcher.Export(request, clock);

        Assert.Equal(expected, export.Cases.Select(c => c.Slug));
        // The light front matters say what the stored documents say, without the body.
        Assert.Equal(
            export.Cases.Select(c => (c.Slug, c.Title, c.Summary, c.Updated, c.Year, string.Join('|', c.Domains), string.Join('|', c.Organisations), string.Join('|', c.Sources))),
            export.FrontMatters.Select(c => (c.Slug, c.Title, c.Summary, c.Updated, c.Year, string.Join('|', c.Domains), string.Join('|', c.Organisations), string.Join('|', c.Sources))));
        Assert.All(export.Cases, c => Assert.NotEmpty(c.Body));
        Assert.All(export.FrontMatters, c => Assert.Empty(c.Body));
        // The stored table rows are the rows of the stored cases.
        Assert.Equal(export.Cases.Select(CaseTable.ValuesOf), export.Rows);
        Assert.Equal((expected.Count, expected.Count, SearchSort.Title), (export.Info.Total, export.Info.Exported, export.Info.Sort));
        Assert.Equal(fixture.Index.OpenVersion, export.Info.IndexVersion);
        Assert.Equal(clock.GetUtcNow(), export.Info.ExportedAt);
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
