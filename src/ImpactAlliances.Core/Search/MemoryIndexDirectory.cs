using Lucene.Net.Store;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// A built index read from memory: each file one array, read without locks. Lucene.Net's <c>RAMDirectory</c>
/// keeps a file as 1 KB buffers behind a lock that every reader takes at each buffer it crosses, and under a
/// load of concurrent searches a profile showed threads queueing there (BENCHMARKS.md). Read-only: the site
/// never writes to an index it serves.
/// </summary>
internal sealed class MemoryIndexDirectory : BaseDirectory
{
    private readonly Dictionary<string, byte[]> _files;

    /// <summary>Reads every file of <paramref name="source"/> into memory.</summary>
    public MemoryIndexDirectory(Lucene.Net.Store.Directory source)
    {
        _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in source.ListAll())
        {
            using var input = source.OpenInput(name, IOContext.READ_ONCE);
            var bytes = new byte[input.Length];
            input.ReadBytes(bytes, 0, bytes.Length);
            _files[name] = bytes;
        }
        SetLockFactory(NoLockFactory.GetNoLockFactory());
    }

    public override string[] ListAll()
    {
        EnsureOpen();
        return [.. _files.Keys];
    }

    [Obsolete("Lucene.Net marks it obsolete; kept because Directory declares it.")]
    public override bool FileExists(string name)
    {
        EnsureOpen();
        return _files.ContainsKey(name);
    }

    public override long FileLength(string name) => File(name).Length;

    public override IndexInput OpenInput(string name, IOContext context) => new Input(name, File(name));

    public override void DeleteFile(string name) => throw ReadOnly();

    public override IndexOutput CreateOutput(string name, IOContext context) => throw ReadOnly();

    public override void Sync(ICollection<string> names)
    {
    }

    protected override void Dispose(bool disposing) => IsOpen = false;

    private byte[] File(string name)
    {
        EnsureOpen();
        return _files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"{name} is not in this index", name);
    }

    private static NotSupportedException ReadOnly() => new("The served index is read-only.");

    /// <summary>A position in one file's array; a clone is a copy of the position over the same array.</summary>
    private sealed class Input(string name, byte[] bytes) : IndexInput(name)
    {
        private int _position;

        public override long Length => bytes.Length;

        public override long Position => _position;

        public override byte ReadByte() =>
            _position < bytes.Length ? bytes[_position++] : throw new EndOfStreamException($"read past the end of {this}");

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - _position)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            Buffer.BlockCopy(bytes, _position, b, offset, len);
            _position += len;
        }

        public override void Seek(long pos)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pos);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pos, bytes.Length);
            _position = (int)pos;
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
