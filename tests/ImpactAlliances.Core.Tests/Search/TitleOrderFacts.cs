using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Indexing;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class TitleOrderFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Fact]
    public void Title_ranks_follow_the_folded_titles_then_the_document_numbers()
    {
        using var lease = fixture.Index.Acquire();
        var snapshot = lease.Snapshot;
        // The order by definition: each document's sort key as a string, ties by document number.
        var keys = Enumerable.Range(0, snapshot.Reader.MaxDoc)
            .Select(doc => FrenchAnalyzer.FoldLower(CaseStudyDocumentMapper.ToIndexedCase(snapshot.Reader.Document(doc)).Case.Title))
            .ToArray();
        var expected = Enumerable.Range(0, keys.Length).OrderBy(d => keys[d], StringComparer.Ordinal).ThenBy(d => d).ToArray();

        Assert.Single(snapshot.Reader.Leaves);
        Assert.Equal(expected, Enumerable.Range(0, keys.Length).OrderBy(d => snapshot.TitleRanks[d]));
        Assert.Equal(Enumerable.Range(0, keys.Length), snapshot.TitleRanks.Order());
    }
}
