using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Which passage of a case its snippet shows.</summary>
public sealed class SnippetFacts
{
    // Enough text between two passages that no snippet holds both.
    private static readonly string Filler = string.Concat(Enumerable.Repeat("Les bénévoles se relaient chaque semaine pour tenir les permanences du local. ", 5));

    [Fact]
    public void The_snippet_shows_the_passage_holding_the_most_of_the_query_words_not_the_one_repeating_one()
    {
        // The first passage says « solidaire » three times; the last holds « transport », « solidaire » and « rurale ».
        var repeated = "Le président de l'association Culture et Solidarité découvre un taxi solidaire en région parisienne ; "
            + "le service de transports solidaires voit le jour en avril 2013.";
        var covering = "Ce transport solidaire dessert une zone rurale sans autocar.";

        var snippet = SnippetOf($"{repeated} {Filler}{covering}", "transport solidaire en zone rurale");

        Assert.Contains("<mark>rurale</mark>", snippet);
        Assert.Contains("<mark>transport</mark> <mark>solidaire</mark>", snippet);
        Assert.DoesNotContain("parisienne", snippet);
    }

    [Fact]
    public void Between_passages_holding_as_many_of_the_words_the_one_with_more_matches_is_shown()
    {
        var once = "Un atelier de réparation ouvre le mardi. ";
        var often = "La réparation des vélos, puis la réparation des cadres et encore la réparation des roues.";

        var snippet = SnippetOf($"{once}{Filler}{often}", "réparation");

        Assert.Contains("des cadres", snippet);
        Assert.DoesNotContain("mardi", snippet);
    }

    [Fact]
    public void A_passage_cut_at_the_end_of_a_sentence_has_no_ellipsis_after_it()
    {
        // The sentence's last word, « toujours. », stands across the snippet's length: the passage ends with the sentence.
        var sentence = "Un atelier de réparation ouvre";
        while (sentence.Length <= 230)
        {
            sentence += " le mardi";
        }
        sentence += " toujours.";

        var snippet = SnippetOf($"{sentence} {Filler}", "réparation");

        Assert.EndsWith("le mardi toujours.", snippet);
    }

    [Fact]
    public void A_passage_cut_inside_a_sentence_has_an_ellipsis_on_each_side_cut()
    {
        var snippet = SnippetOf($"{Filler}Chaque mardi, un atelier de réparation des vélos ouvre ses portes aux habitants. {Filler}", "réparation");

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain(".…", snippet);
    }

    [Theory]
    [InlineData("Un atelier ouvre. Les", 18, true)]
    [InlineData("Un atelier ouvre !\nLes", 19, true)]
    [InlineData("Un atelier ouvre… Les", 18, true)]
    [InlineData("Un atelier ouvre le mardi", 17, false)]
    [InlineData("M. Dupont", 0, true)]
    public void A_cut_after_the_end_of_a_sentence_is_told(string text, int at, bool endsSentence) =>
        Assert.Equal(endsSentence, SnippetBuilder.EndsSentence(text, at));

    /// <summary>The snippet of the one case of an index, whose body is <paramref name="body"/>, for <paramref name="query"/>.</summary>
    private static string SnippetOf(string body, string query)
    {
        using var corpus = new SearchFixture(
        [
            new("un-cas", "Un cas de quartier", [("Association du quartier", "association"), ("Ville du quartier", "collectivite")],
                ["mobilite"], "mecenat", "local", ["grand-est"], "2026-01-01", body),
        ], "");
        return corpus.Search(query).Hits.Single().Snippet!;
    }
}
