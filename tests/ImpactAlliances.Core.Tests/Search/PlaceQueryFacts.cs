using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A place named in a question, on the real content: the cases found in it are those placed in it, or in its region as a
/// whole, not those placed elsewhere in its region. A former region, a département or a commune is matched through its
/// region too (a case of the whole region may be meant), and the region's code is also every case's placed in its other
/// départements: « insertion professionnelle en Basse-Normandie » found employment cases of Rouen (Haute-Normandie) among
/// its strict matches, « les jeunes du 93 » cases of Paris, « à Marseille » cases of Nice and Toulon.
/// Where a case is placed is read from its front matter, not from the engine.
/// </summary>
public sealed class PlaceQueryFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Theory]
    [InlineData("insertion professionnelle en Basse-Normandie", "Basse-Normandie", "normandie", "14,50,61")]
    [InlineData("trouver du travail pour les jeunes du 93", "93", "ile-de-france", "93")]
    [InlineData("aider les familles précaires à Marseille", "Marseille", "provence-alpes-cote-d-azur", "13")]
    public void A_case_placed_elsewhere_in_the_region_is_not_in_the_place(string query, string name, string region, string departments)
    {
        var within = departments.Split(',').Select(Place.DepartmentCode).ToHashSet();
        // A case placed in the region as a whole and in a département of another region (« Île-de-France, Lyon (Rhône) »)
        // is in the region as a whole: only its départements in this region say whether it is placed elsewhere in it.
        var regionDepartments = PlaceGazetteer.Official.DepartmentsIn(region).Select(d => Place.DepartmentCode(d.Code)).ToHashSet();
        var result = content.Served.Search(new SearchRequest { Query = query, Size = 10 });
        var strict = result.Counted;
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var found = result.Hits.Take(strict).Select(h => cases[h.Slug]).ToList();
        var folded = FrenchAnalyzer.FoldLower(name);
        var elsewhere = found
            .Where(c => c.Territory.PlaceCodes.Contains(Place.RegionCode(region)))
            .Where(c => c.Territory.PlaceCodes.Any(regionDepartments.Contains) && !c.Territory.PlaceCodes.Any(within.Contains))
            .Where(c => !FrenchAnalyzer.FoldLower($"{c.Title}\n{c.Summary}\n{c.Body}").Contains(folded, StringComparison.Ordinal))
            .Select(c => $"{c.Slug} ({c.Territory.Place})")
            .ToList();

        Assert.True(found.Count >= 3, $"{found.Count} cases in the place: the test says nothing");
        Assert.True(elsewhere.Count == 0, string.Join(", ", elsewhere));
    }

    /// <summary>
    /// Actor types most cases carry say nothing over the whole base, but beside a place they sort its few cases: « associations et
    /// entreprises à Marseille » listed Marseille's hospital and State cases, with no company among their partners, before the
    /// companies' cases with associations.
    /// </summary>
    [Fact]
    public void Actor_types_beside_a_place_sort_its_cases()
    {
        var result = content.Served.Search(new SearchRequest { Query = "associations et entreprises à Marseille", Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var without = result.Hits.Select(h => cases[h.Slug])
            .Where(c => !c.Actors.Contains("association") || !c.Actors.Contains("entreprise"))
            .Select(c => c.Slug)
            .ToList();

        Assert.Equal(10, result.Hits.Count);
        Assert.Empty(without);
    }

    /// <summary>
    /// A département whose name is a word of French is met by the cases placed there, not by the word: a Moselle case on car
    /// hire was among the strict cases of the Creuse for « la hausse du coût de la vie creuse les écarts ». Typed as a word, it
    /// is the word (« dents creuses »).
    /// </summary>
    [Fact]
    public void A_place_whose_name_is_a_word_is_met_by_its_cases_not_by_the_word()
    {
        var result = content.Served.Search(new SearchRequest { Query = "insertion des jeunes en zone rurale dans la Creuse", Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var found = result.Hits.Take(result.Counted).Select(h => cases[h.Slug]).ToList();

        Assert.NotEmpty(found);
        Assert.All(found, c => Assert.Contains(Place.DepartmentCode("23"), c.Territory.PlaceCodes));
        Assert.Contains(content.Served.Search(new SearchRequest { Query = "dents creuses", Size = 10 }).Hits, h => h.Slug == "ypiranga-fort-de-france-jardins-partages-trenelle-citron");
    }

    /// <summary>
    /// « réunion » typed as the common noun is a meeting: the cases of La Réunion, whose titles and text repeat its name, come
    /// after the cases that hold the word elsewhere (they filled the first page).
    /// </summary>
    [Theory]
    [InlineData("réunion publique")]
    [InlineData("lieu de réunion")]
    public void The_common_word_of_a_place_name_does_not_bring_that_place_first(string query)
    {
        var result = content.Served.Search(new SearchRequest { Query = query, Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);

        var there = result.Hits.Select(h => cases[h.Slug]).Where(c => c.Territory.Regions.Contains("la-reunion")).Select(c => c.Slug).ToList();

        Assert.Equal(10, result.Hits.Count);
        Assert.True(there.Count == 0, string.Join(", ", there));
    }

    /// <summary>
    /// A place misspelt so that the light stemmer makes of it the stem of its name (« Guadeloup », « Marseile ») matched the
    /// cases writing the name, so it was neither corrected nor understood: no place, no filter, none of the cases placed there
    /// that do not write it.
    /// </summary>
    [Theory]
    [InlineData("Guadeloup", "Guadeloupe")]
    [InlineData("guadeloup", "guadeloupe")]
    [InlineData("environnement Guadeloup", "environnement Guadeloupe")]
    [InlineData("Marseile", "Marseille")]
    [InlineData("Bretagn", "Bretagne")]
    [InlineData("Normandi", "Normandie")]
    [InlineData("Strasbour", "Strasbourg")]
    public void A_misspelt_place_whose_stem_the_cases_hold_is_corrected_to_the_place(string typed, string searched)
    {
        var result = content.Served.Search(new SearchRequest { Query = typed, Size = 10 });
        var written = content.Served.Search(new SearchRequest { Query = searched, Size = 10 });

        Assert.Equal(searched, result.SearchedQuery);
        Assert.NotEmpty(result.Concepts.OfType<PlaceConcept>());
        Assert.Equal(written.Total, result.Total);
    }

    /// <summary>
    /// A misspelt common word as close to a place's name as to the word (« zonne »: « zone » and « Yonne ») is not the place
    /// when the word begins with the letter typed and far more cases write it: « zonne » became the Yonne, its heading and
    /// its filter. Stemmed as « zone » is, it finds what « zone » finds, as a misspelt word that matches through its stem does.
    /// </summary>
    [Theory]
    [InlineData("zonne rurale", "zone rurale")]
    [InlineData("mobilté solidiare en zonne rurale", "mobilité solidaire en zone rurale")]
    public void A_misspelt_word_as_close_to_a_place_as_to_a_commoner_word_is_not_the_place(string typed, string meant)
    {
        var result = content.Served.Search(new SearchRequest { Query = typed, Size = 10 });
        var written = content.Served.Search(new SearchRequest { Query = meant, Size = 10 });

        Assert.DoesNotContain("yonne", result.SearchedQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Concepts.OfType<PlaceConcept>());
        Assert.True(written.Total > 0);
        Assert.Equal(written.Total, result.Total);
        Assert.Equal(written.Hits.Select(h => h.Slug), result.Hits.Select(h => h.Slug));
    }

    /// <summary>« St-Denis » found 66 cases and « Saint-Denis » 76: the text searched was « st denis », which few cases write.</summary>
    [Theory]
    [InlineData("St-Denis", "Saint-Denis")]
    [InlineData("St Denis", "Saint Denis")]
    [InlineData("emploi à St-Denis", "emploi à Saint-Denis")]
    public void A_place_with_saint_abbreviated_finds_what_its_name_spelt_out_finds(string abbreviated, string written)
    {
        var result = content.Served.Search(new SearchRequest { Query = abbreviated, Size = 100 });
        var spelt = content.Served.Search(new SearchRequest { Query = written, Size = 100 });

        Assert.Equal(spelt.Total, result.Total);
        Assert.Equal(spelt.Hits.Select(h => h.Slug).Order(), result.Hits.Select(h => h.Slug).Order());
    }

    /// <summary>
    /// A département's number opening a query before a plural noun (« 93 jeunes », « 50 familles ») is the département or the
    /// count of what follows: the département's cases come first, those « jeunes du 93 » finds there, but it is not required,
    /// so that the young people or families of elsewhere follow, not the département's cases on other subjects (« 50 familles »
    /// required the Manche: its three family cases, then its others on anything).
    /// </summary>
    [Theory]
    [InlineData("93 jeunes", "jeunes du 93", "93", "jeune")]
    [InlineData("50 familles", "familles dans la Manche", "50", "famille")]
    public void A_departement_number_that_may_count_what_follows_ranks_its_cases_first(string typed, string named, string department, string word)
    {
        var result = content.Served.Search(new SearchRequest { Query = typed, Size = 20 });
        var placed = content.Served.Search(new SearchRequest { Query = named, Size = 20 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        bool There(SearchHit hit) => cases[hit.Slug].Territory.PlaceCodes.Contains(Place.DepartmentCode(department));
        bool Holds(SearchHit hit) => FrenchAnalyzer.FoldLower($"{cases[hit.Slug].Title}\n{cases[hit.Slug].Summary}\n{cases[hit.Slug].Body}").Contains(word, StringComparison.Ordinal);

        var first = result.Hits.TakeWhile(There).Select(h => h.Slug).ToList();
        Assert.NotEmpty(first);
        Assert.Equal(placed.Hits.Where(h => There(h) && Holds(h)).Select(h => h.Slug).Order(), first.Order());
        Assert.Empty(result.Hits.Where(h => There(h) && !Holds(h)).Select(h => h.Slug));
        Assert.Contains(result.Hits, h => !There(h));
    }

    /// <summary>People counted after the number (a participle says so) are a quantity, not the Gard's people.</summary>
    [Theory]
    [InlineData("30 jeunes accompagnés")]
    [InlineData("30 familles logées")]
    public void A_number_of_people_counted_is_not_a_departement(string query)
    {
        Assert.Empty(content.Served.Search(new SearchRequest { Query = query, Size = 10 }).Concepts.OfType<PlaceConcept>());
    }
}
