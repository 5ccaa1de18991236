using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A place named by its inhabitants' adjective (« associations bretonnes », « le tissu associatif guyanais », « entreprises
/// lyonnaises »), on the real content: understood as the place, its cases first and its filter offered, as the place's name
/// is (RELEVANCE.md, session 25, rel25b); not inside a name that holds it (« Crédit lyonnais », « Le Parisien »).
/// Where a case is placed is read from its front matter, not from the engine.
/// </summary>
public sealed class DemonymFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Theory]
    [InlineData("associations bretonnes", "bretagne", "", "breton")] // a region of today, feminine plural
    [InlineData("le tissu associatif guyanais", "guyane", "", "guyan")] // overseas (a region of one département: the region is offered); its name or the demonym
    [InlineData("jeunes réunionnais", "la-reunion", "", "reunionnais")] // overseas, named with an article: the demonym needs none
    [InlineData("entreprises lyonnaises", "auvergne-rhone-alpes", "69", "lyonnais")] // a city
    [InlineData("insertion des jeunes marseillais par le sport", "provence-alpes-cote-d-azur", "13", "marseill")]
    [InlineData("agriculteurs alsaciens", "grand-est", "", "alsacien")] // a former region
    [InlineData("communes corses", "corse", "", "corse")] // a region whose name is its demonym's singular
    [InlineData("les Franciliens", "ile-de-france", "", "francilien")] // the inhabitants, with a capital
    public void A_demonym_is_understood_as_its_place(string query, string region, string department, string written)
    {
        var result = content.Served.Search(new SearchRequest { Query = query, Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);

        Assert.Contains(result.Concepts.OfType<PlaceConcept>(), c => c.Demonym && c.Place.Region == region);
        Assert.Contains(result.OfferedFilters, f => f.Value == region);
        if (department.Length > 0)
        {
            Assert.Equal(department, result.OfferedFilters[0].Value);
        }
        Assert.NotEmpty(result.Hits);
        Assert.Contains(region, cases[result.Hits[0].Slug].Territory.Regions);
        // Required as a place name is, in lower case after a noun too: a case counted is there or writes the place's name
        // or the demonym (the written stem of both, where they share one).
        var elsewhere = result.Hits.Take(result.Counted).Select(h => cases[h.Slug])
            .Where(c => !c.Territory.Regions.Contains(region)
                && !FrenchAnalyzer.FoldLower($"{c.Title}\n{c.Summary}\n{c.Body}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}").Contains(written, StringComparison.Ordinal))
            .Select(c => c.Slug).ToList();
        Assert.True(elsewhere.Count == 0, string.Join(", ", elsewhere));
    }

    /// <summary>
    /// The cases a demonym brings first are those its place's name brings first: every case placed there, before the cases
    /// that only write the name or the demonym.
    /// </summary>
    [Theory]
    [InlineData("guyanais", "Guyane", "guyane")]
    [InlineData("associations guyanaises", "associations en Guyane", "guyane")]
    [InlineData("entreprises bretonnes", "entreprises en Bretagne", "bretagne")]
    public void A_demonym_and_its_place_name_give_the_same_cases_first(string demonym, string name, string region)
    {
        var cases = content.Cases.ToDictionary(c => c.Slug);
        List<string> First(string query) => content.Served.Search(new SearchRequest { Query = query, Size = 100 }).Hits
            .TakeWhile(h => cases[h.Slug].Territory.PlaceCodes.Contains(Place.RegionCode(region))).Select(h => h.Slug).Order().ToList();

        var byName = First(name);
        Assert.True(byName.Count >= 5, $"{byName.Count} cases placed there first: the test says nothing");
        Assert.Equal(byName, First(demonym));
    }

    /// <summary>
    /// Names that hold a demonym and do not mean its place: a newspaper cited as a source, a bank, a firm, a marsh outside
    /// Brittany, a person (a singular with a capital). Their words are searched, no place is required nor offered.
    /// </summary>
    [Theory]
    [InlineData("Le Parisien")]
    [InlineData("le parisien")]
    [InlineData("La Marseillaise")]
    [InlineData("Crédit lyonnais")]
    [InlineData("crédit lyonnais agences")]
    [InlineData("Paysan breton")]
    [InlineData("élevage dans le Marais breton")]
    [InlineData("Thierry Breton")]
    public void A_name_holding_a_demonym_is_not_its_place(string query)
    {
        var result = content.Served.Search(new SearchRequest { Query = query, Size = 10 });

        Assert.DoesNotContain(result.Concepts.OfType<PlaceConcept>(), c => c.Demonym);
        Assert.Empty(result.OfferedFilters);
    }

    /// <summary>« Lyonnaise des eaux », an organisation of a case placed in Dunkerque, still matches as its name: that case first.</summary>
    [Fact]
    public void An_organisation_named_with_a_demonym_keeps_matching_as_a_name()
    {
        var result = content.Served.Search(new SearchRequest { Query = "Lyonnaise des eaux", Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);

        Assert.Contains(result.Concepts, c => c is OrganisationConcept);
        Assert.DoesNotContain(result.Concepts, c => c is PlaceConcept);
        Assert.Contains(cases[result.Hits[0].Slug].Organisations, o => o.Name.Contains("Lyonnaise des eaux", StringComparison.Ordinal));
    }
}
