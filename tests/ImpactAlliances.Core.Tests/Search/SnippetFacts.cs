using System.Runtime.CompilerServices;
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

    // As in content/synonyms.yml: « sans emploi » analyses to « emploi » alone (« sans » is a stop word), so that the word
    // « emploi » brings the whole group, expressions of several words included.
    private const string Unemployment = "- [chômage, sans emploi, demandeurs d'emploi, personnes privées d'emploi]";

    [Fact]
    public void The_words_of_an_expression_a_synonym_brings_are_marked_only_where_they_stand_together()
    {
        var snippet = SnippetOf("Le chômage recule : les demandeurs d'emploi du quartier trouvent un emploi, les demandeurs de logement attendent.",
            "chômage", "- [chômage, demandeurs d'emploi]");

        Assert.Contains("<mark>chômage</mark>", snippet);
        Assert.Contains("les <mark>demandeurs d&#39;emploi</mark> du quartier", snippet);
        Assert.Contains("trouvent un emploi, les demandeurs de logement attendent.", snippet);
    }

    [Fact]
    public void An_expression_is_marked_across_the_stop_word_its_phrase_matches_across()
    {
        var snippet = SnippetOf("L'économie sociale et solidaire se structure ; une économie locale et solidaire aussi.",
            "ESS", "- [ESS, économie sociale et solidaire]");

        Assert.Contains("<mark>L&#39;économie sociale et solidaire</mark> se structure", snippet);
        Assert.Contains("une économie locale et solidaire aussi.", snippet);
    }

    [Fact]
    public void The_word_typed_is_marked_alone_though_its_synonyms_are_expressions()
    {
        // « sans emploi » typed, not « emploi »: since session 42 « emploi » alone brings no synonym of the group, nothing to mark apart.
        var snippet = SnippetOf("Un emploi pour des personnes privées de logement et des demandeurs de logement.", "sans emploi", Unemployment);

        Assert.StartsWith("Un <mark>emploi</mark> pour des personnes privées de logement et des demandeurs de logement.", snippet);
    }

    [Fact]
    public void The_passage_shown_is_the_one_where_an_expression_stands_together_not_the_one_holding_its_words_apart()
    {
        // The first passage holds « personnes », « privées », « demandeurs » and « emploi » apart; the last, « demandeurs d'emploi ».
        var apart = "Les personnes accueillies, des demandeurs de logement privées de toit, cherchent un emploi. ";
        var together = "Des demandeurs d'emploi du quartier sont reçus chaque mardi.";

        // « chômage » typed: « emploi » alone names « sans emploi » only after « sans » since session 42, and brings no group.
        var snippet = SnippetOf($"{apart}{Filler}{together}", "chômage", Unemployment);

        Assert.Contains("<mark>demandeurs d&#39;emploi</mark>", snippet);
        Assert.DoesNotContain("toit", snippet);
    }

    [Fact]
    public void A_quoted_phrase_is_marked_and_chosen_where_its_words_stand_together()
    {
        var snippet = SnippetOf($"Une économie locale et une filière circulaire. {Filler}L'économie circulaire crée des emplois.", "\"économie circulaire\"");

        Assert.Contains("<mark>L&#39;économie circulaire</mark> crée des emplois.", snippet);
        Assert.DoesNotContain("filière", snippet);
    }

    [Fact]
    public void Words_typed_without_quotes_are_marked_each_alone_and_as_one_where_they_stand_together()
    {
        // « économie sociale et solidaire » typed is searched as a phrase and as each word anywhere: each word is marked alone.
        var snippet = SnippetOf("L'économie sociale et solidaire se structure. Une économie locale et solidaire. L'ESS aussi.",
            "économie sociale et solidaire", "- [ESS, économie sociale et solidaire]");

        Assert.Contains("<mark>L&#39;économie sociale et solidaire</mark> se structure.", snippet);
        Assert.Contains("Une <mark>économie</mark> locale et <mark>solidaire</mark>.", snippet);
        Assert.Contains("<mark>L&#39;ESS</mark> aussi.", snippet);
    }

    [Fact]
    public void Snippets_built_in_turn_on_one_thread_from_two_indexes_are_those_each_builds_on_a_thread_of_its_own()
    {
        // The term and postings enumerations a thread keeps per segment are positioned anew for each term and page.
        using var first = OneCase($"Un atelier de réparation des vélos ouvre le mardi. {Filler}Une épicerie solidaire ouvre ses portes.");
        using var second = OneCase($"Une épicerie solidaire tient un atelier de vélos. {Filler}La réparation attend les bénévoles.");
        (SearchFixture Corpus, string Query)[] turns =
        [
            (first, "réparation"), (second, "réparation"), (first, "épicerie solidaire"), (second, "vélos"), (first, "réparation"),
            (second, "épicerie solidaire"), (first, "bénévoles vélos"),
        ];
        var alone = turns.Select(turn => OnItsOwnThread(() => turn.Corpus.Search(turn.Query).Hits.Single().Snippet)).ToList();

        var inTurn = turns.Select(turn => turn.Corpus.Search(turn.Query).Hits.Single().Snippet).ToList();

        Assert.Equal(alone, inTurn);
        Assert.All(inTurn, snippet => Assert.Contains("<mark>", snippet));
    }

    [Fact]
    public void A_thread_keeps_nothing_of_an_index_once_the_index_is_closed()
    {
        // The enumerations a thread keeps per segment go with their segment: a closed index's segment is collected, though
        // this thread built snippets from it.
        var segment = SegmentSearchedThenClosed();
        for (var i = 0; i < 5 && segment.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(segment.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference SegmentSearchedThenClosed()
    {
        using var corpus = OneCase($"Un atelier de réparation des vélos ouvre le mardi. {Filler}");
        Assert.Contains("<mark>", corpus.Search("réparation").Hits.Single().Snippet);
        // The index's own background work holds its version until it has run (on a busy machine, after the collections
        // below): only what the thread keeps is in question here.
        Assert.True(Task.WaitAll([corpus.Index.WarmingForSearch, corpus.Index.WarmingForSpelling], TimeSpan.FromSeconds(60)));
        using var lease = corpus.Index.Acquire();
        return new WeakReference(lease.Snapshot.Reader.Leaves.Single().AtomicReader);
    }

    private static T OnItsOwnThread<T>(Func<T> work)
    {
        var result = default(T);
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result!;
    }

    /// <summary>The snippet of the one case of an index, whose body is <paramref name="body"/>, for <paramref name="query"/>.</summary>
    private static string SnippetOf(string body, string query, string synonyms = "")
    {
        using var corpus = OneCase(body, synonyms);
        return corpus.Search(query).Hits.Single().Snippet!;
    }

    /// <summary>An index of one case, whose body is <paramref name="body"/>.</summary>
    private static SearchFixture OneCase(string body, string synonyms = "") => new(
    [
        new("un-cas", "Un cas de quartier", [("Association du quartier", "association"), ("Ville du quartier", "collectivite")],
            ["mobilite"], "mecenat", "local", ["grand-est"], "2026-01-01", body),
    ], synonyms);
}
