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
        Prop.ForAll(Writes(), writes => WrittenAlike(writes, new Random(writes.Length)));

    [Fact]
    public void A_full_buffer_takes_one_more_byte_and_a_partly_full_one_a_run_longer_than_its_room() =>
        Assert.True(WrittenAlike([.. Enumerable.Repeat(1, 65_535), 2, 1, 70_000, 1], new Random(3), checksumEvery: 0));

    // Writes the same bytes through both directories; the checksum is read now and then (reading it empties the buffer).
    private static bool WrittenAlike(int[] writes, Random random, int checksumEvery = 3)
    {
        using var folder = new TempFolder();
        using var ours = new BuildDirectory(Path.Combine(folder.Path, "ours"));
        using var lucene = new SimpleFSDirectory(Path.Combine(folder.Path, "lucene"));
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
                if (checksumEvery > 0 && random.Next(checksumEvery) == 0)
                {
                    checksums.Add((a.Checksum, b.Checksum));
                }
            }
            checksums.Add((a.Checksum, b.Checksum));
        }
        return checksums.All(c => c.Ours == c.Lucene)
            && File.ReadAllBytes(Path.Combine(folder.Path, "ours", "f")).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, "lucene", "f")));
    }

    [Fact]
    public void A_closed_file_waits_for_the_commit_that_syncs_it_and_takes_no_more_writes()
    {
        using var folder = new TempFolder();
        using var directory = new BuildDirectory(folder.Path);
        var output = directory.CreateOutput("f", IOContext.DEFAULT);
        output.WriteByte(1);
        Assert.DoesNotContain("f", StaleFiles(directory));

        output.Dispose();

        Assert.Contains("f", StaleFiles(directory));
        Assert.Throws<ObjectDisposedException>(() => output.WriteByte(2));
        directory.Sync(["f"]);
        Assert.DoesNotContain("f", StaleFiles(directory));
    }

    // Lucene.Net's FSDirectory keeps the files its Sync flushes to the disk in this protected field.
    private static ISet<string> StaleFiles(FSDirectory directory) =>
        (ISet<string>)typeof(FSDirectory).GetField("m_staleFiles", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(directory)!;

    [Fact]
    public void Segments_written_and_merged_through_it_pass_CheckIndex()
    {
        using var folder = new TempFolder();
        using var directory = new BuildDirectory(folder.Path);
        using (var writer = new IndexWriter(directory, IndexBuildSession.WriterConfig(CaseStudySchema.CreateAnalyzer())))
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
