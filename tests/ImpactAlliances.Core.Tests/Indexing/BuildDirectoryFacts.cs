using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Tests.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Indexing;

/// <summary>
/// The folder a build writes (<see cref="BuildDirectory"/>): its files are the bytes Lucene's own directory writes,
/// with the same checksum at every point, and an index written, merged and committed through it passes Lucene's
/// <see cref="CheckIndex"/>, which verifies every file's checksum.
/// </summary>
public sealed class BuildDirectoryFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    // Writes of one byte, of a few, and of more than the 64 KB buffer, in any order.
    private static Arbitrary<int[]> Writes() =>
        Gen.ListOf(Gen.OneOf(Gen.Constant(1), Gen.Choose(2, 300), Gen.Choose(60_000, 140_000)))
            .Select(sizes => sizes.ToArray()).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property A_file_and_its_checksum_are_what_Lucene_writes() =>
        Prop.ForAll(Writes(), writes =>
        {
            using var folder = new TempFolder();
            using var ours = new BuildDirectory(Path.Combine(folder.Path, "ours"));
            using var lucene = new SimpleFSDirectory(Path.Combine(folder.Path, "lucene"));
            var random = new Random(writes.Length);
            var checksums = new List<(long Ours, long Lucene)>();
            using (var a = ours.CreateOutput("f", IOContext.DEFAULT))
            using (var b = lucene.CreateOutput("f", IOContext.DEFAULT))
            {
                foreach (var size in writes)
                {
                    var bytes = new byte[size];
                    random.NextBytes(bytes);
                    if (size == 1)
                    {
                        a.WriteByte(bytes[0]);
                        b.WriteByte(bytes[0]);
                    }
                    else
                    {
                        a.WriteBytes(bytes, 0, size);
                        b.WriteBytes(bytes, 0, size);
                    }
                    Assert.Equal(b.Position, a.Position);
                    checksums.Add((a.Checksum, b.Checksum));
                }
            }
            return checksums.All(c => c.Ours == c.Lucene)
                && File.ReadAllBytes(Path.Combine(folder.Path, "ours", "f")).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, "lucene", "f")));
        });

    [Fact]
    public void Segments_written_and_merged_through_it_pass_CheckIndex()
    {
        using var folder = new TempFolder();
        using var directory = new BuildDirectory(folder.Path);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, CaseStudySchema.CreateAnalyzer())))
        {
            for (var segment = 0; segment < 3; segment++)
            {
                for (var i = 0; i < 50; i++)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField("id", $"{segment}-{i}", Field.Store.YES),
                        new TextField("text", $"coopération {segment} entre associations et entreprises numéro {i}", Field.Store.YES),
                        new BinaryDocValuesField("value", new Lucene.Net.Util.BytesRef(new byte[100 * i])),
                    });
                }
                writer.Commit();
            }
            writer.ForceMerge(1);
            writer.Commit();
        }

        var status = new CheckIndex(directory).DoCheckIndex();

        Assert.True(status.Clean);
        Assert.Single(status.SegmentInfos);
        Assert.Equal(150, status.SegmentInfos.Sum(s => s.DocCount));
    }

    [Fact]
    public void A_built_index_passes_CheckIndex()
    {
        using var directory = new BuildDirectory(fixture.Store.Version(fixture.Store.CurrentVersion()!).LuceneFolder);

        var status = new CheckIndex(directory).DoCheckIndex();

        Assert.True(status.Clean);
        Assert.Equal(FixtureCorpus.Cases.Count, status.SegmentInfos.Sum(s => s.DocCount));
    }
}
