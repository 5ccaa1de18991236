using System.IO.Hashing;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// An index file read with positional reads (<c>pread</c>), which threads make at once without locks.
/// Lucene.Net 4.8.0-beta00017's <c>NIOFSDirectory</c> reads through a <see cref="FileStream"/> under a lock and
/// asks the file's length (an <c>fstat</c>) before every buffer it fills: opening a 100,000-case index, the site's
/// first search spent most of its reading time in <c>fstat</c>, and a build's final merge an eighth of its time
/// (BENCHMARKS.md). Clones share the handle (positional reads need no shared position) and never close it.
/// </summary>
internal sealed class PositionalFileInput : BufferedIndexInput
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private bool _isClone;

    private PositionalFileInput(string path, SafeFileHandle handle, int bufferSize) : base($"{nameof(PositionalFileInput)}({path})", bufferSize)
    {
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
    }

    /// <summary>Opens a file of an index folder, read through a buffer of Lucene's size for <paramref name="context"/>, or of <paramref name="bufferSize"/>.</summary>
    public static PositionalFileInput Open(string path, IOContext context, int? bufferSize = null)
    {
        // Not FileOptions.RandomAccess: it turns the kernel's readahead off, and opening a version scans doc values.
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PositionalFileInput(path, handle, bufferSize ?? GetBufferSize(context));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

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
            var read = RandomAccess.Read(_handle, b.AsSpan(offset, length), position);
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
        var clone = (PositionalFileInput)base.Clone();
        clone._isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isClone)
        {
            _handle.Dispose();
        }
    }
}

/// <summary>
/// A new index file, written through a buffer, its checksum (the CRC-32 every Lucene file ends with) computed by
/// <see cref="Crc32"/>, which uses the processor's carry-less multiplication: Lucene.Net's own CRC-32 reads a table
/// byte by byte, and was a quarter of a build's final merge (BENCHMARKS.md). Not flushed to the disk when closed: as
/// Lucene.Net's <c>FSIndexOutput</c>, it is reported to its directory (<paramref name="closed"/>), whose <c>Sync</c> at
/// the next commit flushes the files that commit names, then the folder.
/// </summary>
internal sealed class ChecksummedFileOutput(string path, Action closed) : IndexOutput
{
    private const int BufferSize = 64 * 1024;
    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Crc32 _checksum = new();
    private int _buffered;
    private long _written;
    private bool _closed;

    public override long Position => _written + _buffered;

    public override long Length => Position;

    public override long Checksum
    {
        get
        {
            Flush();
            return _checksum.GetCurrentHashAsUInt32();
        }
    }

    public override void WriteByte(byte b)
    {
        ThrowIfClosed();
        if (_buffered == BufferSize)
        {
            Flush();
        }
        _buffer[_buffered++] = b;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        ThrowIfClosed();
        if (length > BufferSize - _buffered)
        {
            Flush();
            if (length >= BufferSize)
            {
                Write(b.AsSpan(offset, length));
                return;
            }
        }
        b.AsSpan(offset, length).CopyTo(_buffer.AsSpan(_buffered));
        _buffered += length;
    }

    public override void Flush()
    {
        ThrowIfClosed();
        if (_buffered > 0)
        {
            Write(_buffer.AsSpan(0, _buffered));
            _buffered = 0;
        }
    }

    [Obsolete("Lucene 4.8 writes every file from start to end; seeking an output is deprecated.")]
    public override void Seek(long pos) => throw new NotSupportedException("An index file is written from start to end.");

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _closed)
        {
            return;
        }
        try
        {
            Flush();
        }
        finally
        {
            _closed = true;
            _file.Dispose();
            closed();
        }
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _checksum.Append(bytes);
        _file.Write(bytes);
        _written += bytes.Length;
    }
}

/// <summary>The folder of an index version being built: its files read by <see cref="PositionalFileInput"/> and written by <see cref="ChecksummedFileOutput"/>.</summary>
internal sealed class BuildDirectory(string folder) : FSDirectory(new DirectoryInfo(folder), new NativeFSLockFactory())
{
    // What reads a build's files is mostly its final merge, which reads each segment's doc values case by case:
    // with Lucene's 1 KB buffer, every value longer than that was a read of its own (a system call), a quarter of
    // the merge of a 30,000-case build (BENCHMARKS.md). The few random reads of a build (the acronyms' look-ups,
    // deletions by slug) read 64 KB each instead of 1 KB: 16 ms at 100,000 cases.
    private const int BufferSize = 64 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return PositionalFileInput.Open(Path.Combine(Directory.FullName, name), context, BufferSize);
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        return new ChecksummedFileOutput(Path.Combine(Directory.FullName, name), () =>
        {
            // What Lucene.Net's own output does when closed: the file is flushed to the disk by the Sync of the commit that names it.
            lock (m_syncLock)
            {
                m_staleFiles.Add(name);
            }
        });
    }
}
