using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Indexing;

/// <summary>A case as the index keeps it for its page: the front matter, the safe HTML body (<see cref="Rendering.MarkdownRenderer"/>) and the file's git history.</summary>
public sealed record IndexedCase(CaseStudy Case, string Html, IReadOnlyList<HistoryEntry> History);

/// <summary>What a result list shows of a hit, kept in doc values so that it loads cheaply.</summary>
public sealed record HitDisplay(
    string Slug,
    string Title,
    string Summary,
    DateOnly Updated,
    int? Year,
    IReadOnlyList<string> Organisations,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

/// <summary>
/// The JSON form of cases in the index: keys as in the front matter (snake_case), written and read by
/// serializers generated at build time, not by reflection (a build writes three values per case). The API has
/// its own contract (ImpactAlliances.Web's ApiJson), so that either format can change without the other.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IndexedCase))]
[JsonSerializable(typeof(CaseStudy))]
[JsonSerializable(typeof(HitDisplay))]
internal sealed partial class StoredJson : JsonSerializerContext
{
    // The index's JSON is only ever read back by these serializers, never copied into a page or a response, so it
    // escapes only what JSON itself must (quotes, backslashes, control characters): the default escaping wrote each
    // accented letter as six bytes (« \u00E9 ») and each < of the stored HTML as six more, which the build then
    // compressed and wrote (BENCHMARKS.md, thirty-second session). The escaping is the writer's, not the options': options
    // with an encoder of their own would leave the generated serializers for the slower general ones.
    private static readonly JsonWriterOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _output;

    /// <summary>A value as the index stores it: UTF-8 JSON, escaped only where JSON requires it.</summary>
    public static byte[] Write<T>(T value, JsonTypeInfo<T> type)
    {
        var (buffer, writer) = _output ??= (new ArrayBufferWriter<byte>(16 * 1024), new Utf8JsonWriter(Stream.Null, Unescaped));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
