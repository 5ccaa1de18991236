using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// Relevance feedback: a descriptive question ranks its first pass's cases again with the words its best cases
/// share. Two cases alike but for one word (« répit », which the best cases are about, or « jardin ») tie on the
/// question's words, and the tie goes to the more recent one unless feedback parts them.
/// </summary>
public sealed class RelevanceFeedbackFacts : IDisposable
{
    private const string WithTheSharedWord = "aidants-domicile-repit";
    private const string Newer = "aidants-domicile-jardin";

    private static readonly FixtureCase[] Cases =
    [
        new("aidants-plateforme-repit", "Plateforme de répit pour les aidants familiaux", [("Répit Ensemble", "association"), ("Caisse Locale", "entreprise")],
            ["sante", "vieillissement"], "innovation-societale", "local", ["bretagne"], "2023-03-01",
            "Les aidants familiaux trouvent soutien et répit. Des séjours de répit et une halte-répit soulagent les aidants familiaux épuisés."),
        new("aidants-accueil-repit", "Répit et soutien des aidants familiaux", [("Halte Aidants", "association"), ("Mutuelle du Nord", "entreprise")],
            ["sante", "vieillissement"], "cooperation-economique", "local", ["normandie"], "2023-04-01",
            "Un accueil de répit offre aux aidants familiaux un soutien régulier. Le répit prévient l'épuisement."),
        new(WithTheSharedWord, "Visites du mardi", [("Voisins Solidaires", "association"), ("Commune de Plouër", "collectivite")],
            ["vieillissement"], "mecenat", "local", ["bretagne"], "2024-01-01",
            "Un soutien aux aidants familiaux, avec du répit."),
        new(Newer, "Visites du jeudi", [("Voisins Solidaires", "association"), ("Commune de Plouër", "collectivite")],
            ["vieillissement"], "mecenat", "local", ["bretagne"], "2025-01-01",
            "Un soutien aux aidants familiaux, avec du jardin."),
    ];

    private readonly SearchFixture _fixture = new([.. FixtureCorpus.Cases, .. Cases], FixtureCorpus.Synonyms);

    [Fact]
    public void A_descriptive_question_ranks_first_the_case_that_shares_the_best_cases_words()
    {
        var slugs = SearchFixture.Slugs(_fixture.Search("soutien aux aidants familiaux")).ToList();

        Assert.True(slugs.IndexOf(WithTheSharedWord) < slugs.IndexOf(Newer), string.Join(", ", slugs));
    }

    [Theory]
    [InlineData("aidants familiaux")]
    [InlineData("\"soutien aux aidants familiaux\"")]
    public void Short_queries_and_phrases_keep_their_own_ranking(string query)
    {
        var slugs = SearchFixture.Slugs(_fixture.Search(query)).ToList();

        Assert.True(slugs.IndexOf(Newer) < slugs.IndexOf(WithTheSharedWord), string.Join(", ", slugs));
    }

    [Fact]
    public void A_literal_search_gets_no_feedback_and_feedback_changes_no_count()
    {
        var literal = _fixture.Searcher.Search(new SearchRequest { Query = "soutien aux aidants familiaux", Literal = true, Size = 50 });
        var typed = _fixture.Search("soutien aux aidants familiaux");
        var slugs = SearchFixture.Slugs(literal).ToList();

        Assert.True(slugs.IndexOf(Newer) < slugs.IndexOf(WithTheSharedWord), string.Join(", ", slugs));
        Assert.Equal(literal.Total, typed.Total);
        Assert.Equal(SearchFixture.Slugs(literal).Order(), SearchFixture.Slugs(typed).Order());
    }

    [Fact]
    public void A_page_holds_no_more_cases_than_asked_though_feedback_reads_more()
    {
        var result = _fixture.Searcher.Search(new SearchRequest { Query = "soutien aux aidants familiaux", Size = 2 });

        Assert.Equal(2, result.Hits.Count);
        Assert.True(result.Total > 2);
    }

    public void Dispose() => _fixture.Dispose();
}
