using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// A built index read from disk with positional reads (<c>pread</c>), which threads make at once without locks.
/// Lucene.Net 4.8.0-beta00017's <c>NIOFSDirectory</c> reads through a <see cref="FileStream"/> under a lock and
/// asks the file's length (an <c>fstat</c>) before every buffer it fills: opening a 100,000-case index, the
/// site's first search spent most of its reading time in <c>fstat</c> (BENCHMARKS.md). Read-only, like
/// <see cref="MemoryIndexDirectory"/>; never memory-mapped (see <see cref="IndexSnapshot"/>).
/// </summary>
internal sealed class DiskIndexDirectory(string folder) : FSDirectory(new DirectoryInfo(folder), NoLockFactory.GetNoLockFactory())
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        // Not FileOptions.RandomAccess: it turns the kernel's readahead off, and opening a version scans doc values.
        var path = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            return new Input($"{nameof(DiskIndexDirectory)}({path})", handle, context);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override void DeleteFile(string name) => throw ReadOnly();

    public override IndexOutput CreateOutput(string name, IOContext context) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The served index is read-only.");

    /// <summary>One open file; clones share its handle (positional reads need no shared position) and never close it.</summary>
    private sealed class Input(string description, SafeFileHandle handle, IOContext context) : BufferedIndexInput(description, context)
    {
        private readonly long _length = RandomAccess.GetLength(handle);
        private bool _isClone;

        public override long Length => _length;

        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            // Called with the position where the buffer (or a large read) starts.
            var position = Position;
            if (length > _length - position)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            while (length > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(offset, length), position);
                if (read == 0)
                {
                    throw new EndOfStreamException($"{this} ended before its length");
                }
                position += read;
                offset += read;
                length -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
        }

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_isClone)
            {
                handle.Dispose();
            }
        }
    }
}
