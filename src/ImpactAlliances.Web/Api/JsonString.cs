using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// Writes a string as the JSON string <see cref="Utf8JsonWriter"/> writes with <see cref="ApiJson.Encoder"/>, in one pass. From
/// the first character it must escape (in a snippet, its « &lt;mark&gt; » or « &amp;#39; », within the first words), the writer
/// escapes the rest of the string through the encoder into a buffer of characters, then transcodes that buffer to UTF-8: 5 % of an
/// uncached search's CPU for the twenty snippets of a page (BENCHMARKS.md, thirty-seventh session). Here each run of characters
/// written as they are is transcoded straight into the output, and each character escaped is written as the encoder escapes it.
/// </summary>
internal static class JsonString
{
    /// <summary>The most bytes a character of a string without surrogates takes: <c>\uXXXX</c>.</summary>
    private const int MostBytesPerChar = 6;

    // The characters the writer escapes: those the encoder escapes, and the quote and backslash, which JSON always does. Surrogates
    // are left to the writer, whole strings (the encoder escapes a pair as two, a lone one as U+FFFD).
    private static readonly SearchValues<char> Escaped = SearchValues.Create(EscapedCharacters());

    // The writer's escape of each ASCII character it escapes (\n, \\, \u003C…), asked of it once; every other one is \uXXXX.
    private static readonly byte[]?[] AsciiEscapes = Enumerable.Range(0, 128)
        .Select(c => Escaped.Contains((char)c) ? WrittenByTheWriter((char)c) : null).ToArray();

    /// <summary>
    /// Writes <paramref name="text"/> quoted and escaped as the writer would; false, with nothing written, when it holds a
    /// surrogate, for the writer to write.
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        if (text.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return false;
        }
        var span = output.GetSpan(text.Length * MostBytesPerChar + 2);
        span[0] = (byte)'"';
        var written = 1;
        while (true)
        {
            var at = text.IndexOfAny(Escaped);
            written += Encoding.UTF8.GetBytes(at < 0 ? text : text[..at], span[written..]);
            if (at < 0)
            {
                break;
            }
            written += Escape(text[at], span[written..]);
            text = text[(at + 1)..];
        }
        span[written++] = (byte)'"';
        output.Advance(written);
        return true;
    }

    private static int Escape(char c, Span<byte> destination)
    {
        if (c < 128)
        {
            var escape = AsciiEscapes[c]!;
            escape.CopyTo(destination);
            return escape.Length;
        }
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        for (var i = 0; i < 4; i++)
        {
            destination[2 + i] = (byte)"0123456789ABCDEF"[(c >> (12 - 4 * i)) & 0xF];
        }
        return MostBytesPerChar;
    }

    private static string EscapedCharacters()
    {
        var escaped = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (c is '"' or '\\' || char.IsSurrogate((char)c) || ApiJson.Encoder.WillEncode(c))
            {
                escaped.Append((char)c);
            }
        }
        return escaped.ToString();
    }

    /// <summary>A character as the writer writes it in a string, without the quotes.</summary>
    internal static byte[] WrittenByTheWriter(char c)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true }))
        {
            writer.WriteStringValue([c]);
        }
        return buffer.WrittenSpan[1..^1].ToArray();
    }
}
