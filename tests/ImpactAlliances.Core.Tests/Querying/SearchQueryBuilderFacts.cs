using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>What the words of a question become in the Lucene query.</summary>
public sealed class SearchQueryBuilderFacts
{
    [Theory]
    [InlineData("réparer sa voiture quand on a très peu d'argent", "voiture", new[] { "peu", "très" })]
    [InlineData("lutte contre la précarité", "précarité", new[] { "contre" })]
    public void Adverbs_quantifiers_and_prepositions_the_stop_list_lacks_are_left_out(string question, string kept, string[] left)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Build(analyzer, question);

        Assert.Contains(":" + Term(analyzer, kept), query, StringComparison.Ordinal);
        Assert.All(left, word => Assert.DoesNotContain(":" + Term(analyzer, word), query, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("les partenariats", "partenariats")]
    [InlineData("des alliances -mécénat", "alliances")]
    [InlineData("insertion partenariat OU mécénat", "partenariat")]
    [InlineData("partenariat OU mécénat", "partenariat")]
    [InlineData("dépistage du cancer du sein", "sein")]
    public void A_word_left_out_elsewhere_is_searched_when_it_is_all_there_is_one_side_of_an_or_or_a_noun(string question, string searched)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Build(analyzer, question);

        Assert.Contains(":" + Term(analyzer, searched), query, StringComparison.Ordinal);
    }

    private static string Build(FrenchAnalyzer analyzer, string question) =>
        new SearchQueryBuilder(analyzer, SynonymSet.Empty).Build(UserQuery.Parse(question)).Query?.ToString() ?? "";

    // The term the analyzer makes of a word, so that a test names words, not stems.
    private static string Term(FrenchAnalyzer analyzer, string word) => Assert.Single(TermAnalysis.Terms(analyzer, word));
}
