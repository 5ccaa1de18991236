using ImpactAlliances.Core.Indexing;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// A built index read from disk with positional reads (<see cref="PositionalFileInput"/>). Read-only, like
/// <see cref="MemoryIndexDirectory"/>; never memory-mapped (see <see cref="IndexSnapshot"/>).
/// </summary>
internal sealed class DiskIndexDirectory(string folder) : FSDirectory(new DirectoryInfo(folder), NoLockFactory.GetNoLockFactory())
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return PositionalFileInput.Open(Path.Combine(Directory.FullName, name), context);
    }

    public override void DeleteFile(string name) => throw ReadOnly();

    public override IndexOutput CreateOutput(string name, IOContext context) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The served index is read-only.");
}
