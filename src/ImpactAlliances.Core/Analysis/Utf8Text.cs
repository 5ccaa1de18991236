using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// UTF-8 text addressed by UTF-16 character offsets (those of the postings) without decoding it whole:
/// a snippet decodes only its window.
/// </summary>
internal readonly ref struct Utf8Text(ReadOnlySpan<byte> utf8)
{
    private readonly ReadOnlySpan<byte> _bytes = utf8;

    /// <summary>The text's length in characters if it is under <paramref name="limit"/>, else a value of at least the limit.</summary>
    public int LengthAtLeast(int limit)
    {
        var (bytes, chars) = ByteIndex(0, 0, limit);
        return bytes < _bytes.Length ? Math.Max(chars, limit) : chars;
    }

    /// <summary>About <paramref name="length"/> characters from <paramref name="from"/>, widened to whole words.</summary>
    public Window Window(int from, int length)
    {
        // Back to the start of the word, then forward to the end of the last one, counting characters.
        var (startByte, startChar) = ByteIndex(0, 0, from);
        while (startByte > 0 && !IsSpace(_bytes[startByte - 1]))
        {
            startByte = Previous(startByte);
            startChar -= _bytes[startByte] >= 0xF0 ? 2 : 1;
        }
        var (endByte, endChar) = ByteIndex(startByte, startChar, startChar + length);
        while (endByte < _bytes.Length && !IsSpace(_bytes[endByte]))
        {
            endChar += _bytes[endByte] >= 0xF0 ? 2 : 1;
            endByte = Next(endByte);
        }
        return new Window(Encoding.UTF8.GetString(_bytes[startByte..endByte]), startChar, endChar, endByte >= _bytes.Length);
    }

    /// <summary>
    /// From a known (byte, char) position to the byte where character <paramref name="target"/> starts, or
    /// just before it when a surrogate pair straddles it. Decoding into a scratch buffer is vectorized; walking
    /// byte by byte was the costliest part of a snippet in a profile of the site.
    /// </summary>
    private (int Byte, int Char) ByteIndex(int startByte, int startChar, int target)
    {
        // A character takes at least one byte: no more characters than bytes are left.
        var wanted = Math.Min(target - startChar, _bytes.Length - startByte);
        if (wanted <= 0)
        {
            return (startByte, startChar);
        }
        var scratch = ArrayPool<char>.Shared.Rent(wanted);
        try
        {
            Utf8.ToUtf16(_bytes[startByte..], scratch.AsSpan(0, wanted), out var read, out var written);
            return (startByte + read, startChar + written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private int Next(int index) => index + (_bytes[index] < 0x80 ? 1 : _bytes[index] < 0xE0 ? 2 : _bytes[index] < 0xF0 ? 3 : 4);

    private int Previous(int index)
    {
        do
        {
            index--;
        }
        while (index > 0 && (_bytes[index] & 0xC0) == 0x80);
        return index;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r';
}

/// <summary>A decoded piece of text: its characters and where it stands in the whole.</summary>
internal readonly record struct Window(string Chars, int From, int To, bool AtEnd);
