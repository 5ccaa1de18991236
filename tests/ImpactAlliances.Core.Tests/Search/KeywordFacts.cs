using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A case's index terms are searched with its summary: the field's words for what it is, which its text may not write
/// (« fondation d'un groupe énergétique » for a case that names ENGIE), find it.
/// </summary>
public sealed class KeywordFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Fact]
    public void A_case_is_found_by_an_index_term_its_text_does_not_write()
    {
        var analyzer = CaseStudySchema.CreateAnalyzer();
        // Every case whose index terms hold a word its title, summary, organisations and body never write, with that term.
        var unwritten = content.Cases
            .Select(c => (Case: c, Written: TermAnalysis.Terms(analyzer, $"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}\n{c.Body}").ToHashSet(StringComparer.Ordinal)))
            .SelectMany(x => x.Case.Keywords.Where(k => TermAnalysis.Terms(analyzer, k).Any(t => !x.Written.Contains(t))).Select(k => (x.Case, Keyword: k)))
            .ToList();
        Assert.True(unwritten.Count >= 100, $"{unwritten.Count} index terms only");

        foreach (var (c, keyword) in unwritten.Where((_, i) => i % 25 == 0))
        {
            var first = content.Searcher.Search(new SearchRequest { Query = $"\"{keyword}\"", Size = 100 });
            var found = Enumerable.Range(1, (first.Total + 99) / 100)
                .SelectMany(page => content.Searcher.Search(new SearchRequest { Query = $"\"{keyword}\"", Size = 100, Page = page }).Hits)
                .Select(h => h.Slug);
            Assert.True(found.Contains(c.Slug), $"{c.Slug}: « {keyword} »");
        }
    }
}
