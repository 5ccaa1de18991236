namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Which passage of a case its snippet shows.</summary>
public sealed class SnippetFacts
{
    [Fact]
    public void The_snippet_shows_the_passage_holding_the_most_of_the_query_words_not_the_one_repeating_one()
    {
        // The first passage says « solidaire » three times; the last holds « transport », « solidaire » and « rurale ».
        var repeated = "Le président de l'association Culture et Solidarité découvre un taxi solidaire en région parisienne ; "
            + "le service de transports solidaires voit le jour en avril 2013.";
        var filler = string.Concat(Enumerable.Repeat("Les bénévoles se relaient chaque semaine pour tenir les permanences du local. ", 5));
        var covering = "Ce transport solidaire dessert une zone rurale sans autocar.";
        using var corpus = new SearchFixture(
        [
            new("transport-solidaire", "Des chauffeurs bénévoles", [("Culture et Solidarité", "association"), ("PETR du Sundgau", "collectivite")],
                ["mobilite"], "mecenat", "local", ["grand-est"], "2026-01-01", $"{repeated} {filler}{covering}"),
        ], "");

        var snippet = corpus.Search("transport solidaire en zone rurale").Hits.Single().Snippet!;

        Assert.Contains("<mark>rurale</mark>", snippet);
        Assert.Contains("<mark>transport</mark> <mark>solidaire</mark>", snippet);
        Assert.DoesNotContain("parisienne", snippet);
    }

    [Fact]
    public void Between_passages_holding_as_many_of_the_words_the_one_with_more_matches_is_shown()
    {
        var once = "Un atelier de réparation ouvre le mardi. ";
        var filler = string.Concat(Enumerable.Repeat("Les bénévoles se relaient chaque semaine pour tenir les permanences du local. ", 5));
        var often = "La réparation des vélos, puis la réparation des cadres et encore la réparation des roues.";
        using var corpus = new SearchFixture(
        [
            new("atelier-velo", "Un atelier de quartier", [("Vélo Pour Tous", "association"), ("Ville de Lille", "collectivite")],
                ["mobilite"], "mecenat", "local", ["hauts-de-france"], "2026-01-01", $"{once}{filler}{often}"),
        ], "");

        var snippet = corpus.Search("réparation").Hits.Single().Snippet!;

        Assert.Contains("des cadres", snippet);
        Assert.DoesNotContain("mardi", snippet);
    }
}
