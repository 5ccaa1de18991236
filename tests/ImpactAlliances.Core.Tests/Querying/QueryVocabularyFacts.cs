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
}
