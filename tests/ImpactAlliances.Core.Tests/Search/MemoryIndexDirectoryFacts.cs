using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class MemoryIndexDirectoryFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private string LuceneFolder => fixture.Store.Version(fixture.Store.CurrentVersion()!).LuceneFolder;

    [Fact]
    public void Every_file_reads_the_same_bytes_as_on_disk()
    {
        using var disk = new NIOFSDirectory(LuceneFolder);
        using var memory = new MemoryIndexDirectory(disk);
        Assert.Equal(disk.ListAll().Order(), memory.ListAll().Order());
        foreach (var name in disk.ListAll())
        {
            Assert.Equal(disk.FileLength(name), memory.FileLength(name));
            Assert.Equal(ReadAll(disk, name), ReadAll(memory, name));
        }
    }

    [Fact]
    public void A_clone_keeps_its_own_position()
    {
        using var disk = new NIOFSDirectory(LuceneFolder);
        using var memory = new MemoryIndexDirectory(disk);
        var name = disk.ListAll().MaxBy(disk.FileLength)!;
        using var input = memory.OpenInput(name, IOContext.DEFAULT);
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

    [Fact]
    public void A_reader_over_memory_finds_what_the_disk_does()
    {
        using var disk = new NIOFSDirectory(LuceneFolder);
        using var memory = new MemoryIndexDirectory(disk);
        using var fromDisk = DirectoryReader.Open(disk);
        using var fromMemory = DirectoryReader.Open(memory);
        Assert.Equal(fromDisk.MaxDoc, fromMemory.MaxDoc);
        var term = new Term(CaseStudySchema.Body, "insertion");
        Assert.True(fromDisk.DocFreq(term) > 0);
        Assert.Equal(fromDisk.DocFreq(term), fromMemory.DocFreq(term));
    }

    [Fact]
    public void Reading_past_the_end_or_writing_is_refused()
    {
        using var disk = new NIOFSDirectory(LuceneFolder);
        using var memory = new MemoryIndexDirectory(disk);
        var name = disk.ListAll()[0];
        using var input = memory.OpenInput(name, IOContext.DEFAULT);
        input.Seek(input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => input.Seek(input.Length + 1));
        Assert.Throws<FileNotFoundException>(() => memory.OpenInput("absent", IOContext.DEFAULT));
        Assert.Throws<NotSupportedException>(() => memory.CreateOutput("new", IOContext.DEFAULT));
        Assert.Throws<NotSupportedException>(() => memory.DeleteFile(name));
    }

    [Fact]
    public void A_closed_directory_opens_nothing()
    {
        using var disk = new NIOFSDirectory(LuceneFolder);
        var memory = new MemoryIndexDirectory(disk);
        var name = disk.ListAll()[0];
        memory.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => memory.OpenInput(name, IOContext.DEFAULT));
        Assert.ThrowsAny<ObjectDisposedException>(() => memory.ListAll());
    }

    private static byte[] ReadAll(Lucene.Net.Store.Directory directory, string name)
    {
        using var input = directory.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}
