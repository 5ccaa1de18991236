using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A case's index terms (<c>keywords</c>) are searched in a field of their own: the field's words for what it is, which its
/// text may not write, find it; a phrase never spans two terms.
/// </summary>
public sealed class IndexTermFacts : IDisposable
{
    private static readonly FixtureCase Garage = new("garage-wimoov", "Un garage pour aller au travail",
        [("Wimoov", "association"), ("Renault", "entreprise")], ["mobilite"], "innovation-societale", "national", [], "2026-11-01",
        "Des réparations à bas prix pour les salariés aux revenus modestes.", Keywords: ["garage solidaire", "mobilité inclusive"]);

    private static readonly FixtureCase Other = new("bus-rural", "Un bus pour les villages", [("Mairie", "collectivite")],
        ["mobilite"], "cooperation-economique", "local", [], "2026-11-01", "Un bus relie les villages au bourg le mardi.");

    private readonly SearchFixture _fixture = new([Garage, Other], "");

    [Theory]
    [InlineData("garage solidaire")]
    [InlineData("\"mobilité inclusive\"")]
    [InlineData("mobilite inclusive")]
    public void A_case_is_found_by_an_index_term_its_text_does_not_write(string query) =>
        Assert.Equal(["garage-wimoov"], SearchFixture.Slugs(_fixture.Search(query)));

    /// <summary>« solidaire mobilité » ends one term and begins the next: quoted, it is no phrase of the case.</summary>
    [Fact]
    public void A_quoted_phrase_does_not_span_two_index_terms() =>
        Assert.Empty(SearchFixture.Slugs(_fixture.Search("\"solidaire mobilité\"")));

    public void Dispose() => _fixture.Dispose();
}

/// <summary>On the real content: the index terms the checkers kept find their cases even where the text does not write them.</summary>
public sealed class RealIndexTermFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Fact]
    public void Every_twenty_fifth_index_term_its_case_does_not_write_finds_the_case()
    {
        var analyzer = CaseStudySchema.CreateAnalyzer();
        var unwritten = content.Cases
            .Select(c => (Case: c, Written: TermAnalysis.Terms(analyzer, $"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}\n{c.Body}").ToHashSet(StringComparer.Ordinal)))
            .SelectMany(x => x.Case.Keywords.Where(k => TermAnalysis.Terms(analyzer, k).Any(t => !x.Written.Contains(t))).Select(k => (x.Case, Keyword: k)))
            .ToList();
        Assert.True(unwritten.Count >= 100, $"{unwritten.Count} index terms only");

        foreach (var (c, keyword) in unwritten.Where((_, i) => i % 25 == 0))
        {
            var found = RealContentIndex.AllFound(content.Searcher, new SearchRequest { Query = $"\"{keyword}\"" });
            Assert.True(found.Contains(c.Slug), $"{c.Slug}: « {keyword} »");
        }
    }
}
