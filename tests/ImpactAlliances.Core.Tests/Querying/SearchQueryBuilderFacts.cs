using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>What the words of a question become in the Lucene query.</summary>
public sealed class SearchQueryBuilderFacts
{
    [Theory]
    [InlineData("réparer sa voiture quand on a très peu d'argent", "voitur", new[] { "peu", "tres" })]
    [InlineData("lutte contre la précarité", "precar", new[] { "contr" })]
    public void Adverbs_quantifiers_and_prepositions_the_stop_list_lacks_are_left_out(string question, string kept, string[] left)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = new SearchQueryBuilder(analyzer, SynonymSet.Empty).Build(UserQuery.Parse(question)).Query!.ToString();

        Assert.Contains(":" + kept, query, StringComparison.Ordinal);
        Assert.All(left, term => Assert.DoesNotContain(":" + term, query, StringComparison.Ordinal));
    }
}
