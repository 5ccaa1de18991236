using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Store;

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
            .Select(doc => CaseStudyDocumentMapper.TitleSortKey(CaseStudyDocumentMapper.ToIndexedCase(snapshot.Reader.Document(doc)).Case.Title))
            .ToArray();
        var expected = Enumerable.Range(0, keys.Length).OrderBy(d => keys[d], StringComparer.Ordinal).ThenBy(d => d).ToArray();

        Assert.Single(snapshot.Reader.Leaves);
        Assert.Equal(expected, Enumerable.Range(0, keys.Length).OrderBy(d => snapshot.TitleRanks[d]));
        Assert.Equal(Enumerable.Range(0, keys.Length), snapshot.TitleRanks.Order());
    }

    [Theory]
    [InlineData("« Guyane connectée » : le numérique", "guyane connectee \" : le numerique")]
    [InlineData("(Re)cyclerie de quartier", "re)cyclerie de quartier")]
    [InlineData("Énergie citoyenne", "energie citoyenne")]
    [InlineData("« »", "\" \"")]
    public void A_title_is_sorted_from_its_first_letter_or_digit_without_case_or_accents(string title, string key) =>
        Assert.Equal(key, CaseStudyDocumentMapper.TitleSortKey(title));

    [Fact]
    public void A_build_stores_the_order_a_site_would_compute_and_the_site_reads_it()
    {
        using var lease = fixture.Index.Acquire();
        var reader = lease.Snapshot.Reader;

        var stored = TitleOrder.Read(reader.IndexCommit.UserData, reader.MaxDoc);

        Assert.NotNull(stored);
        Assert.Equal(TitleOrder.Compute(reader), stored);
        Assert.Equal(stored, lease.Snapshot.TitleRanks);
    }

    [Fact]
    public void An_index_built_before_the_order_was_stored_computes_the_same_order()
    {
        using var lease = fixture.Index.Acquire();
        using var copy = new TempFolder();
        foreach (var file in System.IO.Directory.GetFiles(lease.Snapshot.Version.LuceneFolder))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }
        // The same documents committed again with the commit's data of an older build: the acronyms alone.
        using (var directory = FSDirectory.Open(copy.Path))
        using (var analyzer = CaseStudySchema.CreateAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, analyzer) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(new Dictionary<string, string>
            {
                [CaseStudySchema.AcronymsCommitKey] = lease.Snapshot.Reader.IndexCommit.UserData[CaseStudySchema.AcronymsCommitKey],
            });
            writer.Commit();
        }
        using var older = FSDirectory.Open(copy.Path);
        using var reader = DirectoryReader.Open(older);

        Assert.False(reader.IndexCommit.UserData.ContainsKey(CaseStudySchema.TitleOrderCommitKey));
        Assert.Equal(lease.Snapshot.TitleRanks, TitleOrder.Of(reader));
    }

    [Fact]
    public void A_stored_order_is_read_only_for_as_many_documents_as_it_ranks()
    {
        var data = new Dictionary<string, string> { [CaseStudySchema.TitleOrderCommitKey] = TitleOrder.Write([2, 0, 1]) };

        Assert.Equal([2, 0, 1], TitleOrder.Read(data, 3) ?? []);
        Assert.Null(TitleOrder.Read(data, 4));
        Assert.Null(TitleOrder.Read(new Dictionary<string, string>(), 3));
    }
}
