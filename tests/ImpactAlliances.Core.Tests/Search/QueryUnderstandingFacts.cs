using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Querying;
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

    [Theory]
    [InlineData("E.S.S.")]
    [InlineData("E.S.S")]
    [InlineData("e.s.s.")]
    public void An_acronym_written_with_dots_is_the_acronym(string typed)
    {
        var acronym = SearchFixture.Slugs(fixture.Search("ESS")).ToList();

        Assert.NotEmpty(acronym);
        Assert.Equal(acronym, SearchFixture.Slugs(fixture.Search(typed)));
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
            fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // the file is looked at once a second at most

            Assert.Equal(["culture-orchestre-rural"], SearchFixture.Slugs(fixture.Search("fanfare")));
        }
        finally
        {
            File.WriteAllText(path, FixtureCorpus.Synonyms);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
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
    public void When_few_cases_hold_enough_words_those_holding_some_follow_and_the_result_says_so()
    {
        // Five rare words: a case must hold three; none does, so the search widens to any of them, and the
        // case holding two comes first.
        var result = fixture.Search("orchestre enfants microcrédit expédition naturalistes");

        Assert.True(result.Relaxed);
        Assert.Equal(0, result.StrictTotal);
        Assert.Equal("culture-orchestre-rural", result.Hits[0].Slug);
        Assert.All(result.Hits.Skip(1), h => Assert.True(h.Score < result.Hits[0].Score));
        var words = new[] { "orchestre", "enfants", "microcrédit", "expédition", "naturalistes" };
        Assert.Equal(words.SelectMany(w => SearchFixture.Slugs(fixture.Search(w))).Distinct().Order(), SearchFixture.Slugs(result).Order());
    }

    [Fact]
    public void A_literal_search_is_never_widened()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Query = "orchestre enfants microcrédit expédition naturalistes", Literal = true });

        Assert.False(result.Relaxed);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void A_preposition_the_stop_list_lacks_is_not_a_word_a_case_must_hold()
    {
        // Four words, two to hold: the intergenerational case would hold « chez » and « étudiants ». Without
        // « chez », three words: only the mentoring case holds two; the others follow it, widened.
        var result = fixture.Search("mentorat de collégiens chez des étudiants");

        Assert.Equal((true, 1, "education-decrochage-scolaire"), (result.Relaxed, result.StrictTotal, result.Hits[0].Slug));
    }

    [Fact]
    public void A_word_for_a_partnership_is_not_a_topic_a_case_can_match_on()
    {
        // Every case is an alliance; the territorial engineering case, which says so, is not about microcredit.
        Assert.Equal(["microcredit-outre-mer"], SearchFixture.Slugs(fixture.Search("alliances pour le microcrédit")));
    }

    [Fact]
    public void A_preposition_still_opens_the_name_of_what_it_begins()
    {
        // « sans domicile » names the domain of poverty and exclusion: « sans » is not dropped from it.
        var tagged = FixtureCorpus.Cases.Where(c => c.Domains.Contains("pauvrete-exclusion")).Select(c => c.Slug).Order();

        Assert.Equal(tagged, SearchFixture.Slugs(fixture.Search("sans domicile")).Order());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(8, 4)]
    public void Half_of_the_rare_words_are_required(int words, int required)
    {
        Assert.Equal(required, SearchQueryBuilder.Required(words));
    }

    [Fact]
    public void The_year_range_keeps_cases_started_within_it()
    {
        var result = fixture.Searcher.Search(new SearchRequest { YearFrom = 2010, YearTo = 2016, IncludeUndated = false, Size = 50 });

        Assert.Equal(["energie-citoyenne-village", "logement-intergenerationnel", "mobilite-solidaire-garages"], SearchFixture.Slugs(result).Order());
        Assert.Equal(3, result.Facets.Single(f => f.Key == "scales").Values.Sum(v => v.Count));
        Assert.Equal(FixtureCorpus.Cases.Count(c => c.Year is null), result.Undated);
    }

    [Fact]
    public void The_year_range_keeps_cases_without_a_year_unless_told_and_counts_them_within_the_facets()
    {
        var undated = FixtureCorpus.Cases.Where(c => c.Year is null).Select(c => c.Slug).ToList();
        var inRange = FixtureCorpus.Cases.Where(c => c.Year is >= 2010 and <= 2016).Select(c => c.Slug);

        var kept = fixture.Searcher.Search(new SearchRequest { YearFrom = 2010, YearTo = 2016, Size = 50 });
        var mecenat = fixture.Searcher.Search(new SearchRequest
        {
            YearFrom = 2010, IncludeUndated = false, Filters = new Dictionary<string, IReadOnlyList<string>> { ["partnership_types"] = ["mecenat"] },
        });
        var noRange = fixture.Searcher.Search(new SearchRequest { IncludeUndated = false, Size = 50 });

        Assert.NotEmpty(undated);
        Assert.Equal(inRange.Concat(undated).Order(), SearchFixture.Slugs(kept).Order());
        Assert.Equal(undated.Count, kept.Undated);
        Assert.Equal(FixtureCorpus.Cases.Count(c => c.Year is null && c.Type == "mecenat"), mecenat.Undated);
        Assert.Equal(FixtureCorpus.Cases.Count, noRange.Total);
    }

    [Fact]
    public void Sort_by_title_is_alphabetical_ignoring_accents()
    {
        var result = fixture.Searcher.Search(new SearchRequest { Sort = SearchSort.Title, Size = 50 });

        var titles = result.Hits.Select(h => FrenchAnalyzer.FoldAccents(h.Title.ToLowerInvariant())).ToList();
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
    public void An_empty_literal_result_offers_each_word_alone()
    {
        // No case holds three of these five words, and a literal search is not widened.
        var result = fixture.Searcher.Search(new SearchRequest { Query = "orchestre microcrédit expédition naturalistes cohabitation", Literal = true });

        Assert.Equal(0, result.Total);
        Assert.Contains(new QuerySuggestion("orchestre", 1), result.QuerySuggestions);
        Assert.Contains(new QuerySuggestion("microcrédit", 1), result.QuerySuggestions);
    }

    [Theory]
    [InlineData("garajez -vélo", "garages -vélo")]
    [InlineData("garajez NOT \"mobilité douce\"", "garages -\"mobilité douce\"")]
    public void A_bolder_correction_offered_for_an_empty_result_keeps_the_exclusions(string typed, string bolder)
    {
        // « garajez » is two edits from « garages »: only the bolder correction reaches it.
        var result = fixture.Search(typed);

        Assert.Equal(0, result.Total);
        Assert.Contains(new QuerySuggestion(bolder, fixture.Search(bolder).Total), result.QuerySuggestions);
    }

    [Fact]
    public void Domains_come_with_their_families()
    {
        var domains = fixture.Search(null).Facets.Single(f => f.Key == "domains");

        Assert.Equal(["economique", "social", "societal", "environnemental"], domains.Families.Select(f => f.Slug));
        Assert.Contains("mobilite", domains.Families.Single(f => f.Slug == "societal").Values);
    }

    [Fact]
    public void Multi_word_facet_labels_and_their_terms_are_understood_without_quotes()
    {
        var cooperation = fixture.Search("coopération économique");
        var innovation = fixture.Search("innovation sociale");
        var tagged = FixtureCorpus.Cases.Where(c => c.Type == "cooperation-economique").Select(c => c.Slug).Order();

        Assert.Equal(tagged, SearchFixture.Slugs(cooperation).Order());
        Assert.Equal(FixtureCorpus.Cases.Where(c => c.Type == "innovation-societale").Select(c => c.Slug).Order(), SearchFixture.Slugs(innovation).Order());
        Assert.Contains(new FacetConcept("partnership_types", "cooperation-economique"), fixture.Searcher.Search(new SearchRequest { Query = "coopération économique" }).Concepts);
    }

    [Fact]
    public void Actor_profiles_are_topics_too()
    {
        var result = fixture.Search("mairie");

        Assert.Equal(FixtureCorpus.Cases.Where(c => c.Actors.Contains("collectivite")).Select(c => c.Slug).Order(), SearchFixture.Slugs(result).Order());
    }

    [Fact]
    public void A_region_named_in_the_query_finds_its_cases_and_is_offered_as_a_filter()
    {
        var today = fixture.Searcher.Search(new SearchRequest { Query = "vélo Hauts-de-France", Size = 50 });
        var former = fixture.Searcher.Search(new SearchRequest { Query = "Nord-Pas-de-Calais", Size = 50 });

        Assert.Equal("velo-ecole-quartiers", today.Hits[0].Slug);
        var inRegion = FixtureCorpus.Cases.Where(c => c.Regions.Contains("hauts-de-france")).Select(c => c.Slug).Order();
        Assert.Equal(inRegion, SearchFixture.Slugs(former).Order());
        Assert.Equal([new OfferedFilter("regions", "hauts-de-france", "Hauts-de-France", inRegion.Count())], former.OfferedFilters);
    }

    [Fact]
    public void A_place_is_required_when_it_is_surely_meant_as_one()
    {
        var meant = new[] { "logement à lyon", "logement Lyon" }
            .Select(q => fixture.Searcher.Search(new SearchRequest { Query = q, Size = 50 })).ToList();
        // Typed lower case without a preposition, a place name may be a common word (« pas cher »): it only ranks.
        var unsure = fixture.Searcher.Search(new SearchRequest { Query = "logement lyon", Size = 50 });

        // Only the Lyon case holds both; the others follow it, widened.
        Assert.All(meant, r => Assert.Equal((true, 1, "logement-intergenerationnel"), (r.Relaxed, r.StrictTotal, r.Hits[0].Slug)));
        Assert.Equal("logement-intergenerationnel", unsure.Hits[0].Slug);
        Assert.True(!unsure.Relaxed || unsure.StrictTotal > 1, $"{unsure.StrictTotal}");
    }

    [Theory]
    [InlineData("Grand Est", "strasbourg,metz")]
    [InlineData("\"Grand Est\"", "strasbourg,metz")]
    [InlineData("emploi -\"Grand Est\"", "grand-lyon,grand-public")]
    [InlineData("emploi NOT \"Grand Est\"", "grand-lyon,grand-public")]
    public void A_place_whose_name_ends_with_a_stop_word_is_the_place_typed_quoted_or_excluded(string query, string slugs)
    {
        // The stop list drops « est »: « Grand Est » searched as its words was « grand », which cases of any region write.
        FixtureCase[] cases =
        [
            new("strasbourg", "Emploi à Strasbourg", [("Chantier Rhin", "association")], ["emploi-insertion"], "mecenat", "local", ["grand-est"], "2026-01-01",
                "Un chantier d'insertion pour l'emploi des jeunes."),
            new("metz", "Emploi des femmes à Metz", [("Elles Travaillent", "association")], ["emploi-insertion"], "mecenat", "local", ["grand-est"], "2026-01-01",
                "Une plateforme pour l'emploi des femmes."),
            new("grand-lyon", "Emploi au Grand Lyon", [("Lyon Jeunes", "association")], ["emploi-insertion"], "mecenat", "local", ["auvergne-rhone-alpes"], "2026-01-01",
                "Le Grand Lyon soutient l'emploi des jeunes."),
            new("grand-public", "Emploi et grand public", [("Bretagne Emploi", "association")], ["emploi-insertion"], "mecenat", "local", ["bretagne"], "2026-01-01",
                "Une campagne grand public pour l'emploi."),
        ];
        using var corpus = new SearchFixture(cases, "");

        Assert.Equal(slugs.Split(',').Order(), SearchFixture.Slugs(corpus.Search(query)).Order());
    }

    [Theory]
    [InlineData("St-Denis", "Saint-Denis")]
    [InlineData("Ste-Foy-lès-Lyon", "Sainte-Foy-lès-Lyon")]
    [InlineData("logement à St Étienne", "logement à Saint-Étienne")]
    public void A_place_written_with_saint_abbreviated_is_the_place(string abbreviated, string written)
    {
        var places = Places(abbreviated);

        Assert.NotEmpty(places);
        Assert.Equal(Places(written), places);

        IEnumerable<string> Places(string query) =>
            fixture.Searcher.Search(new SearchRequest { Query = query }).Concepts.OfType<PlaceConcept>().Select(c => c.Place.Code).Order().ToList();
    }

    [Theory]
    [InlineData("emploi des jeunes de moins de 26 ans", null)]
    [InlineData("jeunes de 18 à 25 ans", null)]
    [InlineData("un trajet de 40 km", null)]
    [InlineData("un reste à charge de 30 %", null)]
    [InlineData("une aide de 50 euros par mois", null)]
    [InlineData("les jeunes du 93", "93")]
    [InlineData("insertion dans le 26", "26")]
    [InlineData("jeunes en Seine-Saint-Denis (93)", "93")]
    [InlineData("93 jeunes", "93")]
    [InlineData("93 jeunes en insertion", "93")]
    [InlineData("emploi dans le 93 jeunes", "93")]
    [InlineData("30 jeunes suivis", null)]
    [InlineData("accompagner 30 jeunes", null)]
    [InlineData("plus de 30 jeunes", null)]
    [InlineData("93 ans", null)]
    // Whoever a number counts, not only the people a list named: « femmes », « agriculteurs », « réfugiés » were not in it.
    [InlineData("accompagner 50 femmes", null)]
    [InlineData("loger 50 familles", null)]
    [InlineData("former 40 salariés", null)]
    [InlineData("plus de 30 agriculteurs", null)]
    [InlineData("50 réfugiés accueillis", null)]
    [InlineData("93 femmes", "93")]
    [InlineData("les femmes du 93", "93")]
    public void A_number_followed_by_a_unit_is_a_quantity_not_a_departement(string query, string? department)
    {
        var places = fixture.Searcher.Search(new SearchRequest { Query = query }).Concepts.OfType<PlaceConcept>().Select(c => c.Place.Code).Distinct();

        Assert.Equal(department is null ? [] : [department], places);
    }

    /// <summary>
    /// A département's number opening the query before a plural noun may be either (« 93 jeunes » as « les jeunes du 93 »,
    /// « 974 familles » as « loger 974 familles »): its cases come first and it is offered as a filter, but it is not required,
    /// so that the families of elsewhere follow, not the département's cases on other subjects. After « du » it is the place.
    /// </summary>
    [Theory]
    [InlineData("974 familles", "reunion-familles,vendee-familles", "974")]
    [InlineData("974 familles accompagnées", "vendee-familles,reunion-familles", null)]
    [InlineData("familles du 974", "reunion-familles,reunion-sport,vendee-familles", "974")]
    public void A_departement_number_that_may_count_what_follows_ranks_its_cases_first_without_requiring_them(string query, string slugs, string? offered)
    {
        using var corpus = new SearchFixture(FamiliesHereAndThere, "");

        var result = corpus.Search(query);

        Assert.Equal(slugs.Split(','), SearchFixture.Slugs(result));
        Assert.Equal(offered is null ? [] : [offered], result.OfferedFilters.Where(f => f.Facet == "departments").Select(f => f.Value));
    }

    /// <summary>Every word asked for, a département's number that may be a count is required as the other words are.</summary>
    [Fact]
    public void A_departement_number_that_may_count_what_follows_is_required_when_every_word_is()
    {
        using var corpus = new SearchFixture(FamiliesHereAndThere, "");

        var result = corpus.Search("974 familles");
        var every = corpus.Searcher.Search(new SearchRequest { Query = "974 familles", AllWords = true });

        Assert.Equal((true, 1), (result.AllWordsNarrows, result.AllWordsTotal));
        Assert.Equal(["reunion-familles"], SearchFixture.Slugs(every));
    }

    private static readonly FixtureCase[] FamiliesHereAndThere =
    [
        new("reunion-familles", "Familles de Saint-Pierre", [("Lakou Familles", "association")], ["education"], "mecenat", "local", ["la-reunion"],
            "2026-01-01", "Des ateliers pour les familles du quartier."),
        new("vendee-familles", "Familles de Vendée", [("Maison des Familles", "association")], ["education"], "mecenat", "local", ["pays-de-la-loire"],
            "2025-01-01", "Des ateliers pour les familles du bocage, accompagnées chaque semaine."),
        new("reunion-sport", "Sport à Saint-Pierre", [("Club Océan", "association")], ["culture-loisirs"], "mecenat", "local", ["la-reunion"], "2026-01-01",
            "Un club de sport ouvert à tous."),
    ];

    /// <summary>
    /// An organisation named beside a topic: its case on the topic first, then the topic's cases of other partners, then its
    /// cases on other subjects, whose titles list it among their partners (they came before the topic's). Alone, the name
    /// finds the organisation's cases, the one naming it most first.
    /// </summary>
    [Theory]
    [InlineData("Secours populaire et aide alimentaire", "sp-aide-alimentaire,cergy-aide-alimentaire,sp-logement")]
    [InlineData("Secours populaire", "sp-logement,sp-aide-alimentaire")]
    public void An_organisation_beside_a_topic_ranks_its_cases_on_other_subjects_after_the_topic(string query, string slugs)
    {
        FixtureCase[] cases =
        [
            new("sp-logement", "Secours populaire, Ville de Clermont : un logement solidaire", [("Secours populaire", "association"), ("Ville de Clermont", "collectivite")],
                ["logement"], "mecenat", "local", [], "2026-01-01", "Le Secours populaire et la ville ouvrent un logement solidaire. Le Secours populaire accueille."),
            new("cergy-aide-alimentaire", "Ville de Cergy, Le Maillon : aide alimentaire de proximité", [("Ville de Cergy", "collectivite"), ("Le Maillon", "association")],
                ["logement"], "mecenat", "local", [], "2026-01-01", "Une épicerie pour l'aide alimentaire des familles du quartier."),
            new("sp-aide-alimentaire", "Secours populaire, Chambre d'agriculture : des fruits pour l'aide alimentaire", [("Secours populaire", "association"),
                ("Chambre d'agriculture", "entreprise")], ["logement"], "mecenat", "local", [], "2025-01-01", "Des producteurs donnent au Secours populaire pour l'aide alimentaire."),
        ];
        // Other subjects, so that the name and the topic are each held by few cases, as in the content.
        var others = Enumerable.Range(1, 6).Select(i => new FixtureCase($"autre-{i}", $"Club {i} : du sport pour tous", [($"Club {i}", "association")], ["culture-loisirs"],
            "mecenat", "local", [], "2024-01-01", "Un club de sport ouvert à tous."));
        using var corpus = new SearchFixture([.. cases, .. others], "");

        Assert.Equal(slugs.Split(','), SearchFixture.Slugs(corpus.Search(query)));
    }

    [Theory]
    [InlineData("ODD 13")]
    [InlineData("climat et ODD 13")]
    [InlineData("article 13 de la loi")]
    [InlineData("la loi 13")]
    [InlineData("niveau 26")]
    [InlineData("page 26")]
    [InlineData("n° 93")]
    public void A_number_after_what_it_numbers_is_not_a_departement(string query)
    {
        Assert.Empty(fixture.Searcher.Search(new SearchRequest { Query = query }).Concepts.OfType<PlaceConcept>());
    }

    [Theory]
    [InlineData("outre-mer")]
    [InlineData("DOM")]
    [InlineData("DOM-TOM")]
    [InlineData("dom tom")]
    [InlineData("territoires d'outre-mer")]
    [InlineData("ultramarins")]
    [InlineData("ultramarine")]
    public void A_name_in_common_use_for_several_regions_finds_the_cases_of_each_and_offers_each_as_a_filter(string name)
    {
        string[] overseas = ["guadeloupe", "martinique", "guyane", "la-reunion", "mayotte"];
        var result = fixture.Searcher.Search(new SearchRequest { Query = name, Size = 50 });

        var inOverseas = FixtureCorpus.Cases.Where(c => c.Regions.Intersect(overseas).Any()).ToList();
        Assert.NotEmpty(inOverseas);
        Assert.Equal(inOverseas.Select(c => c.Slug).Order(), SearchFixture.Slugs(result).Order());
        Assert.Equal(inOverseas.SelectMany(c => c.Regions).Distinct().Order(), result.OfferedFilters.Where(f => f.Facet == "regions").Select(f => f.Value).Order());
    }

    [Fact]
    public void A_quoted_phrase_naming_a_facet_value_keeps_to_its_words()
    {
        var result = fixture.Search("\"mécénat de compétences\"");

        Assert.Equal(["mecenat-competences-associations"], SearchFixture.Slugs(result));
    }

    /// <summary>« -vélo » finds every other case with the same score: its order is the last update's, and the result says so.</summary>
    [Fact]
    public void A_query_that_only_excludes_is_in_the_order_of_the_last_update()
    {
        var excluding = fixture.Searcher.Search(new SearchRequest { Query = "-vélo", Size = 50 });
        var byRelevance = fixture.Searcher.Search(new SearchRequest { Query = "-vélo", Sort = SearchSort.Relevance, Size = 50 });

        Assert.True(excluding.OnlyExclusions);
        Assert.Equal(SearchSort.Recent, excluding.Sort);
        Assert.Equal(SearchFixture.Slugs(byRelevance), SearchFixture.Slugs(excluding));
        Assert.DoesNotContain("velo-ecole-quartiers", SearchFixture.Slugs(excluding));
        var weighing = fixture.Searcher.Search(new SearchRequest { Query = "mobilité -vélo" });
        Assert.False(weighing.OnlyExclusions);
        Assert.Equal(SearchSort.Relevance, weighing.Sort);
    }

    /// <summary>
    /// Nothing weighs without a word to search (none typed, none left, only excluded ones): one flag, which the default
    /// order follows and the page reads for its wording and the other order it offers.
    /// </summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("?! …", true)]
    [InlineData("le la les", true)]
    [InlineData("-vélo", true)]
    [InlineData("mobilité -vélo", false)]
    [InlineData("mobilité", false)]
    public void Nothing_weighs_without_a_word_to_search_and_the_order_is_then_the_last_updates(string? query, bool nothingWeighs)
    {
        var result = fixture.Searcher.Search(new SearchRequest { Query = query });

        Assert.Equal(nothingWeighs, result.NothingWeighs);
        Assert.Equal(nothingWeighs ? SearchSort.Recent : SearchSort.Relevance, result.Sort);
        Assert.Equal(nothingWeighs, string.IsNullOrWhiteSpace(query) || result.NothingSearched || result.OnlyExclusions);
    }

    [Fact]
    public void Ties_in_score_go_to_the_most_recent_case_not_the_title()
    {
        var top = new TopDocuments(3, SearchSort.Relevance);
        top.Offer(doc: 1, score: 1f, key: 20240101, titleRank: 0);
        top.Offer(doc: 2, score: 1f, key: 20260101, titleRank: 1);
        top.Offer(doc: 3, score: 2f, key: 20200101, titleRank: 2);

        Assert.Equal([3, 2, 1], top.BestFirst().Select(e => e.Doc));
    }

    [Fact]
    public void Suggestions_complete_the_last_words_of_a_longer_input_and_count_facet_values()
    {
        var suggestions = fixture.Searcher.Suggest("mobilité bret");

        var bretagne = suggestions.First(s => s.Kind == SuggestionKind.Facet && s.Value == "bretagne");
        Assert.Equal("mobilité", bretagne.Remainder);
        var count = FixtureCorpus.Cases.Count(c => c.Regions.Contains("bretagne"));
        Assert.Equal(("Régions", count), (bretagne.Facet, bretagne.Count));
        Assert.Equal("", fixture.Searcher.Suggest("bretag")[0].Remainder);
    }

    /// <summary>
    /// « mécénat de co » is one name being typed: « Communauté de communes » or « Conseil SA » complete its end alone and
    /// would search « mécénat » beside them; a facet value is still a filter beside the words, and comes after the
    /// case that completes them all.
    /// </summary>
    [Fact]
    public void After_a_linking_word_only_facet_values_complete_the_last_words_alone()
    {
        var suggestions = fixture.Searcher.Suggest("mécénat de co");

        Assert.Equal("Mécénat de compétences pour les associations", suggestions[0].Label);
        Assert.Equal("", suggestions[0].Remainder);
        Assert.DoesNotContain(suggestions, s => s.Remainder.Length > 0 && s.Kind != SuggestionKind.Facet);
        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Facet, Value: "cooperation-economique", Remainder: "mécénat de" });

        var bretagne = fixture.Searcher.Suggest("associations en bret").First(s => s.Kind == SuggestionKind.Facet && s.Value == "bretagne");
        Assert.Equal("associations en", bretagne.Remainder);
    }

    [Fact]
    public void An_organisation_is_suggested_once_whatever_its_capitals_and_with_what_its_cases_add_in_brackets()
    {
        IReadOnlyList<string>[] cases =
        [
            ["Fondation de France", "Française des jeux (FDJ)"],
            ["Fondation de France (fondation abritante)", "Ville de Lyon"],
            ["Fondation de France", "Fondation de France (action Nouveaux commanditaires)"],
            ["Française des Jeux (FDJ)", "Afev (Association de la fondation étudiante pour la ville)"],
            ["Française des jeux (FDJ)"],
        ];

        var counts = SuggestionIndex.OrganisationCounts(cases).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

        // A bracket whose name alone is no organisation of the cases stays part of the name (Afev).
        Assert.Equal(
            [("Afev (Association de la fondation étudiante pour la ville)", 1), ("Fondation de France", 3), ("Française des jeux (FDJ)", 3), ("Ville de Lyon", 1)],
            counts);
    }

    [Theory]
    [InlineData("énergie solaire Saint-Cl", "énergie solaire")]
    [InlineData("énergie l'école Saint-Cl", "énergie l'école")]
    public void A_suggestion_completing_a_hyphenated_name_keeps_every_word_typed_before_it(string typed, string remainder)
    {
        var saintClair = fixture.Searcher.Suggest(typed).First(s => s.Label == "Commune de Saint-Clair");

        Assert.Equal(remainder, saintClair.Remainder);
    }

    /// <summary>
    /// A last word of one letter is not completed (every value, case and organisation with a word starting with it came
    /// first), but the words before it are, as if it were not typed yet.
    /// </summary>
    [Theory]
    [InlineData("emploi j", "emploi")]
    [InlineData("mobilité m", "mobilité")]
    [InlineData("emploi d'", "emploi")]
    [InlineData("emploi d’", "emploi")]
    [InlineData("m", "")]
    public void A_last_word_of_one_letter_is_not_completed(string typed, string before)
    {
        var suggestions = fixture.Searcher.Suggest(typed);

        Assert.Equal(fixture.Searcher.Suggest(before), suggestions);
        Assert.Equal(before.Length > 0, suggestions.Count > 0);
        Assert.DoesNotContain(suggestions, s => s.Remainder.Length > 0);
    }
}
