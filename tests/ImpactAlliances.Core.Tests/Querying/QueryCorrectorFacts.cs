using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Tests.Search;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>Corrections that depend on the words around the misspelt one.</summary>
public sealed class QueryCorrectorFacts
{
    [Fact]
    public void A_misspelt_word_is_corrected_to_the_close_word_that_makes_an_expression_with_its_neighbour()
    {
        // « aidents » is stemmed as the verb « aident », which more cases write than « aidants »: alone it stays,
        // beside « familiaux » or « proches » it is the carers of the synonyms file.
        FixtureCase[] cases =
        [
            Case("repit-aidants", "Répit pour les aidants", "Une plateforme de répit soutient les aidants familiaux."),
            Case("benevoles-aident", "Bénévoles et voisins", "Des bénévoles aident les voisins. Ils aident aussi les écoles."),
            Case("voisins-aident", "Voisins solidaires", "Les voisins aident les familles du quartier."),
        ];
        using var corpus = new SearchFixture(cases, "- [aidants familiaux, proches aidants]");

        Assert.Equal([new Correction("aidents", "aidants")], corpus.Search("aidents familiaux").Corrections);
        Assert.Equal([new Correction("aidents", "aidants")], corpus.Search("proches aidents").Corrections);
        Assert.Equal("repit-aidants", corpus.Search("repit pour les aidents familiaux").Hits[0].Slug);
        Assert.Empty(corpus.Search("aidents").Corrections);
    }

    [Fact]
    public void A_correction_is_written_as_its_word_was_typed_with_its_elided_article_and_capitals()
    {
        FixtureCase[] cases =
        [
            Case("illettrisme-bretagne", "Lutte contre l'illettrisme en Bretagne", "Des ateliers contre l'illettrisme des adultes, avec Emmaüs."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("lutter contre l'ilettrisme des adultes en Bretange avec Emaus");

        Assert.Equal([new Correction("l'ilettrisme", "l'illettrisme"), new Correction("Bretange", "Bretagne"), new Correction("Emaus", "Emmaüs")],
            result.Corrections);
        Assert.Equal("lutter contre l'illettrisme des adultes en Bretagne avec Emmaüs", result.SearchedQuery);
        Assert.Equal("illettrisme-bretagne", result.Hits[0].Slug);
    }

    [Theory]
    [InlineData("bretange", "bretagne", "bretagne")]
    [InlineData("Bretange", "bretagne", "Bretagne")]
    [InlineData("BRETANGE", "bretagne", "BRETAGNE")]
    [InlineData("d’ilettrisme", "illettrisme", "d’illettrisme")]
    [InlineData("L'Ilettrisme", "illettrisme", "L'Illettrisme")]
    [InlineData("arss", "ARS", "ARS")]
    public void A_correction_keeps_the_article_and_capitals_typed(string typed, string replacement, string written)
    {
        Assert.Equal(written, QueryCorrector.AsTyped(typed, replacement));
    }

    [Fact]
    public void A_misspelt_word_no_case_writes_is_corrected_to_a_word_of_the_synonyms_file_and_finds_its_equivalents()
    {
        FixtureCase[] cases =
        [
            Case("point-conseil-budget", "Point conseil budget", "Une permanence aide les familles en situation de surendettement."),
            Case("epicerie", "Épicerie solidaire", "Une épicerie solidaire ouvre aux familles du quartier."),
        ];
        using var corpus = new SearchFixture(cases, "- [surendettement, endettement, endettées]");

        var result = corpus.Search("familles endetées");

        Assert.Equal([new Correction("endetées", "endettées")], result.Corrections);
        Assert.Equal("point-conseil-budget", result.Hits[0].Slug);
    }

    [Fact]
    public void Of_a_word_of_the_cases_and_a_word_of_the_synonyms_file_equally_close_the_word_of_the_cases_wins()
    {
        FixtureCase[] cases =
        [
            Case("menages-endettes", "Ménages endettés", "Des ménages endettés sont accompagnés par des bénévoles."),
        ];
        using var corpus = new SearchFixture(cases, "- [surendettement, endettées]");

        Assert.Equal([new Correction("endetées", "endettés")], corpus.Search("endetées").Corrections);
    }

    [Fact]
    public void Of_equally_close_words_the_one_that_begins_as_the_word_typed_wins_over_the_most_used()
    {
        // « polution » is one edit from « pollution » and from « solution », which more cases write.
        FixtureCase[] cases =
        [
            Case("trame-noire", "Trame noire", "Réduire la pollution lumineuse pour les chauves-souris."),
            Case("solution-a", "Logement d'urgence", "Une solution de logement pour les familles."),
            Case("solution-b", "Mobilité", "Une solution de transport pour les salariés."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("polution lumineuse");

        Assert.Equal([new Correction("polution", "pollution")], result.Corrections);
        Assert.Equal("trame-noire", result.Hits[0].Slug);
    }

    [Fact]
    public void A_word_the_query_leaves_out_as_the_way_it_is_put_is_not_corrected_into_a_word_to_require()
    {
        // No case writes « négocient », a relation word the query leaves out; one writes « négocié », one edit away.
        FixtureCase[] cases =
        [
            Case("mutuelle-communale", "Une mutuelle communale", "La commune propose une mutuelle santé à ses habitants."),
            Case("accord-negocie", "Un accord de mécénat", "Un accord négocié avec une fondation finance une épicerie."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("mairies qui négocient une mutuelle");

        Assert.Empty(result.Corrections);
        Assert.Equal(["mutuelle-communale"], result.Hits.Select(h => h.Slug));
        // Alone, the query keeps it: it is corrected as any word.
        Assert.Equal([new Correction("négocient", "négocié")], corpus.Search("négocient").Corrections);
    }

    private static FixtureCase Case(string slug, string title, string body) =>
        new(slug, title, [("Association " + title, "association"), ("Commune " + title, "collectivite")], ["lien-social"], "mecenat", "local", ["bretagne"],
            "2026-01-01", body);
}
