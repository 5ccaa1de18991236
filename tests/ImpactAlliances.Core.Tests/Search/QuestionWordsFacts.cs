using System.Text.RegularExpressions;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// The words of a practitioner's or a researcher's question that are not its topic, on the real content: the verb that joins
/// its actors (« qui s'allient », « engagées pour ») and the forms the light stemmer kept apart from their family
/// (« emplois », « créant ») or joined to another (« habits » and « habitants »).
/// </summary>
public sealed partial class QuestionWordsFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    /// <summary>
    /// Conjugated, these verbs were among the rarest words of the question (« allient » in one case, « confient » in three),
    /// and so among the half of its rarer words a case had to hold: the question found other cases than its topic does.
    /// </summary>
    [Theory]
    [InlineData("banques qui s'allient à des associations contre l'exclusion bancaire", "banques et associations contre l'exclusion bancaire")]
    [InlineData("syndicats de déchets et intercommunalités qui confient le réemploi à des structures d'insertion",
        "syndicats de déchets et intercommunalités le réemploi à des structures d'insertion")]
    public void The_verb_joining_the_actors_does_not_change_what_is_found(string question, string withoutVerb)
    {
        var asked = content.Served.Search(new SearchRequest { Query = question, Size = 10 });
        var topic = content.Served.Search(new SearchRequest { Query = withoutVerb, Size = 10 });

        Assert.True(topic.Total > 10, $"{topic.Total} cases: the test says nothing");
        Assert.Equal(topic.Total, asked.Total);
        // The same cases on the first page; their order may differ a little (the words read for relevance feedback).
        Assert.Equal(topic.Hits.Select(h => h.Slug).Order(), asked.Hits.Select(h => h.Slug).Order());
    }

    /// <summary>
    /// « vêtements » has « habits » for synonym, which fell with « habitants » (in 400 cases) and made the group a common word
    /// that only ranked; « créant » and « emplois », each its own stem, were rare words to require: the first ten held one
    /// case about clothes, among recycleries of furniture and solar roofs.
    /// </summary>
    [Fact]
    public void Recycling_clothes_finds_the_cases_about_clothes()
    {
        var result = content.Served.Search(new SearchRequest { Query = "recycler les vêtements en créant des emplois", Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var clothes = result.Hits.Select(h => Clothes().IsMatch($"{cases[h.Slug].Title}\n{cases[h.Slug].Summary}")).ToList();
        var page = string.Join(", ", result.Hits.Select((h, i) => $"{h.Slug} ({clothes[i]})"));

        Assert.True(clothes.Take(3).All(c => c), page);
        Assert.True(clothes.Count(c => c) >= 4, page);
    }

    [GeneratedRegex(@"\b(textiles?|vêtements?|habits)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clothes();
}
