using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>The two directories a served index is read from, each against Lucene's own <see cref="SimpleFSDirectory"/>.</summary>
public sealed class ServedIndexDirectoryFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    public static TheoryData<string> Kinds => ["memory", "disk"];

    private string LuceneFolder => fixture.Store.Version(fixture.Store.CurrentVersion()!).LuceneFolder;

    private Lucene.Net.Store.Directory Open(string kind)
    {
        if (kind == "disk")
        {
            return new DiskIndexDirectory(LuceneFolder);
        }
        using var disk = new DiskIndexDirectory(LuceneFolder);
        return new MemoryIndexDirectory(disk);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Every_file_reads_the_same_bytes_as_Lucene_reads_them(string kind)
    {
        using var reference = new SimpleFSDirectory(LuceneFolder);
        using var served = Open(kind);
        Assert.Equal(reference.ListAll().Order(), served.ListAll().Order());
        foreach (var name in reference.ListAll())
        {
            Assert.Equal(reference.FileLength(name), served.FileLength(name));
            Assert.Equal(ReadAll(reference, name), ReadAll(served, name));
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_clone_keeps_its_own_position(string kind)
    {
        using var served = Open(kind);
        var name = served.ListAll().MaxBy(served.FileLength)!;
        using var input = served.OpenInput(name, IOContext.DEFAULT);
        input.Seek(10);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(10, clone.Position);
        clone.Seek(100);
        var read = clone.ReadByte();
        Assert.Equal(101, clone.Position);
        Assert.Equal(10, input.Position);
        input.Seek(100);
        Assert.Equal(read, input.ReadByte());
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Clones_read_from_many_threads_at_once_as_one_reads_alone(string kind)
    {
        using var served = Open(kind);
        var name = served.ListAll().MaxBy(served.FileLength)!;
        var expected = ReadAll(served, name);
        using var input = served.OpenInput(name, IOContext.DEFAULT);
        // Each thread reads the file from its own starting point in small steps, crossing buffers.
        Parallel.For(0, 8, start =>
        {
            var clone = (IndexInput)input.Clone();
            var position = (long)start * expected.Length / 8;
            clone.Seek(position);
            var chunk = new byte[37];
            while (position + chunk.Length <= expected.Length)
            {
                clone.ReadBytes(chunk, 0, chunk.Length);
                Assert.True(expected.AsSpan((int)position, chunk.Length).SequenceEqual(chunk), $"bytes at {position}");
                position += chunk.Length;
            }
        });
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_reader_finds_what_Lucene_finds(string kind)
    {
        using var reference = new SimpleFSDirectory(LuceneFolder);
        using var served = Open(kind);
        using var expected = DirectoryReader.Open(reference);
        using var actual = DirectoryReader.Open(served);
        Assert.Equal(expected.MaxDoc, actual.MaxDoc);
        var term = new Term(CaseStudySchema.Body, "insertion");
        Assert.True(expected.DocFreq(term) > 0);
        Assert.Equal(expected.DocFreq(term), actual.DocFreq(term));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Reading_past_the_end_or_writing_is_refused(string kind)
    {
        using var served = Open(kind);
        var name = served.ListAll()[0];
        using var input = served.OpenInput(name, IOContext.DEFAULT);
        input.Seek(input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        input.Seek(input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));
        Assert.Throws<FileNotFoundException>(() => served.OpenInput("absent", IOContext.DEFAULT));
        Assert.Throws<NotSupportedException>(() => served.CreateOutput("new", IOContext.DEFAULT));
        Assert.Throws<NotSupportedException>(() => served.DeleteFile(name));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_closed_directory_opens_nothing(string kind)
    {
        var served = Open(kind);
        var name = served.ListAll()[0];
        served.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => served.OpenInput(name, IOContext.DEFAULT));
    }

    private static byte[] ReadAll(Lucene.Net.Store.Directory directory, string name)
    {
        using var input = directory.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}
