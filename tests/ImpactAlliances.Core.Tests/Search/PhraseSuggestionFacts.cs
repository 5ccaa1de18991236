using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Two cases writing « mécénat de compétences » beside the fixture corpus, indexed once for <see cref="PhraseSuggestionFacts"/>.</summary>
public sealed class PhraseCorpus : IDisposable
{
    public SearchFixture Fixture { get; } = new([.. FixtureCorpus.Cases,
        new("salaries-engages", "Des salariés engagés auprès d'associations", [("Banque Verte", "entreprise"), ("Aide Locale", "association")], ["lien-social"],
            "mecenat", "national", [], "2026-03-01", "Les salariés de la banque donnent du temps en mécénat de compétences. Leur pouvoir d'achat progresse aussi.")], "");

    public void Dispose() => Fixture.Dispose();
}

/// <summary>The suggestions box completes a phrase being typed with the phrases the cases write.</summary>
public sealed class PhraseSuggestionFacts(PhraseCorpus corpus) : IClassFixture<PhraseCorpus>
{
    [Fact]
    public void A_phrase_completing_the_words_typed_comes_first_with_its_count()
    {
        var suggestions = corpus.Fixture.Searcher.Suggest("mécénat de comp");

        Assert.Equal((SuggestionKind.Phrase, "mécénat de compétences", 2, "mécénat de compétences"), (suggestions[0].Kind, suggestions[0].Label, suggestions[0].Count, suggestions[0].Key));
        // The case whose title starts with it comes after it.
        Assert.Equal((SuggestionKind.Case, "Mécénat de compétences pour les associations"), (suggestions[1].Kind, suggestions[1].Label));
        Assert.Single(suggestions, s => s.Kind == SuggestionKind.Phrase);
    }

    [Fact]
    public void A_phrase_that_is_a_facet_value_is_offered_as_the_value_alone()
    {
        // Two cases write « pouvoir d'achat », a domain's label.
        var suggestions = corpus.Fixture.Searcher.Suggest("pouvoir d'ach");

        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Facet, Label: "Pouvoir d'achat" });
        Assert.DoesNotContain(suggestions, s => s.Kind == SuggestionKind.Phrase);
    }
}
