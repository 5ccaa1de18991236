using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>What query words name, as the query builder gets it.</summary>
public sealed class QueryVocabularyFacts
{
    [Fact]
    public void An_acronym_several_organisations_carry_names_one_organisation_not_one_per_name()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var vocabulary = QueryVocabulary.Build(new Taxonomy([]), analyzer, PlaceGazetteer.Official, null,
            ["Énergies citoyennes du Mené (SCIC)", "Coopérative alimentaire du Val (SCIC)", "Habitat partagé du Lac (SCIC)"]);

        var concepts = vocabulary.Match(["SCIC"], [TermAnalysis.Terms(analyzer, "SCIC")], 0, out var length);

        Assert.Equal(1, length);
        Assert.Single(concepts);
        Assert.IsType<OrganisationConcept>(concepts[0]);
    }

    [Theory]
    [InlineData("rester vivre chez elles", null)]
    [InlineData("pour rester vivre", null)]
    [InlineData("à rester vivre en ville", null)]
    [InlineData("reste à vivre des ménages", "pouvoir-achat")]
    [InlineData("le reste à vivre", "pouvoir-achat")]
    [InlineData("reste-à-vivre", "pouvoir-achat")]
    [InlineData("pouvoir d'achat des familles", "pouvoir-achat")]
    public void A_facet_term_is_named_with_its_small_words_not_by_stems_alone(string question, string? domain)
    {
        // « reste à vivre » is a term of the purchasing-power domain; « rester vivre » has its stems without its « à », before
        // or after other small words; an elided article belongs to its word (« pouvoir d'achat »).
        using var analyzer = new FrenchAnalyzer(stem: true);
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), new List<ContentDiagnostic>())!;
        var vocabulary = QueryVocabulary.Build(taxonomy, analyzer, PlaceGazetteer.Official, null, []);
        var words = question.Split(' ');
        var terms = words.Select(w => (IReadOnlyList<string>)TermAnalysis.Terms(analyzer, w)).ToList();

        var named = Enumerable.Range(0, words.Length).SelectMany(start => vocabulary.Match(words, terms, start, out _)).OfType<FacetConcept>()
            .Where(c => c.Facet == "domains").Select(c => c.Value).Distinct().ToList();

        Assert.Equal(domain is null ? [] : [domain], named);
    }
}
