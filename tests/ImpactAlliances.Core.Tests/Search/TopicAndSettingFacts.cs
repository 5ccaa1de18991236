using System.Text.RegularExpressions;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A query of a topic and a setting (« aidants familiaux en milieu rural ») on the real content: the cases of the
/// topic come before those of the setting alone. The setting's words are common (« rural » is in about 135 bodies,
/// « aidants » in about 25), yet their phrase in a title (« la mobilité en milieu rural ») once ranked a research
/// project on rural mobility first, for Lucene summed the phrase's words' rarities, counted in titles alone.
/// Which case is about which is read from the content files, not from the engine.
/// </summary>
public sealed partial class TopicAndSettingFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Fact]
    public void The_cases_of_the_topic_come_before_those_of_the_setting_alone()
    {
        var result = content.Served.Search(new SearchRequest { Query = "aidants familiaux en milieu rural", Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var aboutCarers = result.Hits.Select(h => cases[h.Slug]).Select(c => Carers().IsMatch($"{c.Title}\n{c.Summary}")).ToList();
        var page = string.Join(", ", result.Hits.Select((h, i) => $"{h.Slug} ({aboutCarers[i]})"));

        Assert.True(result.Total > 100, $"{result.Total} cases: the setting alone no longer finds cases, the test says nothing");
        Assert.True(aboutCarers[0], page);
        Assert.True(aboutCarers.Count(a => a) > result.Hits.Count / 2, page);
    }

    /// <summary>
    /// A broad field named by its word, the cases by their practice: « culture » is the domain of orchestras, festivals and
    /// reading clubs whose texts seldom say « culture », while « accès » and « enfants » are everywhere. While a domain weighed
    /// as little as any facet value, the first cases were electricians' training in Abidjan and Lubumbashi (« accès à
    /// l'énergie », « enfants ») and a research project on rural mobility.
    /// </summary>
    [Theory]
    [InlineData("accès à la culture pour les enfants défavorisés", 5)]
    [InlineData("accès à la culture en milieu rural", 1)]
    public void The_cases_of_a_field_named_by_its_word_come_first(string query, int first)
    {
        var result = content.Served.Search(new SearchRequest { Query = query, Size = 10 });
        var cases = content.Cases.ToDictionary(c => c.Slug);
        var page = string.Join(", ", result.Hits.Select(h => $"{h.Slug} ({string.Join(' ', cases[h.Slug].Domains)})"));

        Assert.True(result.Hits.Take(first).All(h => cases[h.Slug].Domains.Contains("culture-loisirs")), page);
    }

    /// <summary>A case is about carers when its title or summary names them (« Bol d'air des aidants », « métropole aidante »).</summary>
    [GeneratedRegex(@"\baidant(e|s|es)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Carers();
}
