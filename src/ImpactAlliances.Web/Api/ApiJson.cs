using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// The API's JSON contract: keys in snake_case, as in the front matter, written by serializers generated at
/// build time rather than by reflection. It is the API's own: the index keeps its stored cases with
/// its own generated serializers (Core.Indexing.StoredJson), so that either format can change without the other.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(SuggestJson))]
[JsonSerializable(typeof(CaseJsonBody))]
[JsonSerializable(typeof(CaseStudy))]
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>
    /// How every JSON the site writes escapes its strings: letters as they are, accents included (the default
    /// encoder writes « é » as « \u00E9 »: unreadable to a researcher reading an answer, six bytes for two, and
    /// about 5 % of an uncached search's CPU went to it); quotes and the characters HTML gives a meaning to still escaped.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// How the JSON files people open escape their strings (the exports, a case's CSL-JSON): as <see cref="Encoder"/> but
    /// for the characters HTML reads, which <see cref="Encoder"/> always escapes, apostrophe included: in French text that
    /// wrote « l\u0027État » and « d\u0027emploi » in nearly every sentence of a file a researcher reads or a reference
    /// manager keeps. These files are downloads, never pasted into a page by the site, and hold no markup.
    /// </summary>
    public static JavaScriptEncoder FileEncoder { get; } = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}

/// <summary>
/// A JSON answer written by the generated serializer straight into the response's pipe. <c>TypedResults.Json</c>
/// serializes asynchronously, and for answers larger than its buffer (a search page is 30 to 40 KB) that takes the
/// resumable path, which walks converters and copies stack frames instead of running the generated code: a sixth of
/// an uncached search's CPU in a profile (BENCHMARKS.md). The bytes are the same.
/// </summary>
internal sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult<T>
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public T Value => value;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = ApiJson.Encoder, Indented = typeInfo.Options.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}

/// <summary>Makes <see cref="JsonAnswer{T}"/>s, their type read from the serializer's.</summary>
internal static class JsonAnswer
{
    public static JsonAnswer<T> Of<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo);
}

/// <summary>
/// Writes a page of hits from JSON made once per case: all of a hit but its snippet is the case's own (title, summary,
/// organisations, some forty facet labels), the same in every result list that holds the case, and escaping it again for
/// each answer was about a tenth of an uncached search's CPU (BENCHMARKS.md). Only the snippet is written for each answer,
/// spliced where the kept JSON says <c>null</c>; the bytes are those the generated serializer writes.
/// </summary>
internal sealed class KeptHitsConverter : JsonConverter<IReadOnlyList<HitJson>>
{
    // Keyed by the hit's facet labels, which the snapshot keeps once per case, so that the JSON lives as long as the
    // snapshot that made them; used only for a hit equal to the one it was made from, snippet aside.
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>>, Kept> ByCase = new();

    // Json says "snippet":null; Snippet is where that null starts.
    private sealed record Kept(HitJson Hit, byte[] Json, int Snippet);

    private static ReadOnlySpan<byte> SnippetProperty => ",\"snippet\":null"u8;

    // Each hit with a snippet is put together here, then written whole: kept per thread, as the snippet's writer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_hit;
    [ThreadStatic]
    private static Utf8JsonWriter? t_snippet;

    /// <inheritdoc />
    public override IReadOnlyList<HitJson> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, ApiJson.Default.IReadOnlyListHitJson)!;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<HitJson> value, JsonSerializerOptions options)
    {
        if (writer.Options.Indented)
        {
            JsonSerializer.Serialize(writer, value, ApiJson.Default.IReadOnlyListHitJson);
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            var hit = value[i];
            var kept = ByCase.TryGetValue(hit.Facets, out var known) && SameButSnippet(known.Hit, hit) ? known : Keep(hit);
            if (kept is null)
            {
                JsonSerializer.Serialize(writer, hit, ApiJson.Default.HitJson);
            }
            else if (hit.Snippet is null)
            {
                writer.WriteRawValue(kept.Json, skipInputValidation: true);
            }
            else
            {
                writer.WriteRawValue(WithSnippet(kept, hit.Snippet), skipInputValidation: true);
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Whether a hit is the kept one but for its snippet, compared as the record compares them (its lists by reference),
    /// without a copy of each hit of each answer to compare (<c>hit with { Snippet = null }</c>). Every property but the
    /// snippet is named: ApiJsonFacts changes each in turn.
    /// </summary>
    private static bool SameButSnippet(HitJson kept, HitJson hit) =>
        kept.Slug == hit.Slug && kept.Title == hit.Title && kept.Summary == hit.Summary && kept.Url == hit.Url && kept.Updated == hit.Updated
        && kept.Year == hit.Year && ReferenceEquals(kept.Organisations, hit.Organisations) && ReferenceEquals(kept.Facets, hit.Facets);

    private static ReadOnlySpan<byte> WithSnippet(Kept kept, string snippet)
    {
        var buffer = t_hit ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        buffer.Write(kept.Json.AsSpan(0, kept.Snippet));
        var writer = t_snippet ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        writer.WriteStringValue(snippet);
        writer.Flush();
        buffer.Write(kept.Json.AsSpan(kept.Snippet + "null".Length));
        return buffer.WrittenSpan;
    }

    // The hit's JSON without its snippet, kept for its case; null (the hit written as it is) if it cannot be split.
    private static Kept? Keep(HitJson hit)
    {
        var bare = hit with { Snippet = null };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, bare, ApiJson.Default.HitJson);
        }
        // No earlier value can hold these bytes: a quote inside a string is escaped.
        var at = buffer.WrittenSpan.IndexOf(SnippetProperty);
        if (at < 0)
        {
            return null;
        }
        var kept = new Kept(bare, buffer.WrittenSpan.ToArray(), at + SnippetProperty.Length - "null".Length);
        ByCase.AddOrUpdate(hit.Facets, kept);
        return kept;
    }
}

/// <summary>
/// Writes an answer's facet counts from JSON kept per value: a value's slug and label are the taxonomy's, the same in
/// every answer, and escaping them again for each of the 140 or so values of an answer was 3 to 4 % of an uncached search's
/// CPU (BENCHMARKS.md). Only the count and whether the value is selected are written for each answer; the bytes are those
/// the generated serializer writes.
/// </summary>
internal sealed class KeptFacetCountsConverter : JsonConverter<IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>>
{
    // Keyed by the value's label, which the taxonomy keeps once per value, so that the JSON lives as long as the taxonomy
    // that made it; used only for a count of the same slug and label.
    private static readonly ConditionalWeakTable<string, Kept> ByLabel = new();

    // Json is the value's object up to its count: {"value":"…","label":"…","count":
    private sealed record Kept(string Value, byte[] Json);

    // What the serializer writes after the count of a value (the count written here as 0): the kept JSON ends before it.
    private static ReadOnlySpan<byte> Tail => "0,\"selected\":false}"u8;

    // Each value is put together here, then written whole: kept per thread.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_value;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetCount)!;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> value, JsonSerializerOptions options)
    {
        if (writer.Options.Indented)
        {
            JsonSerializer.Serialize(writer, value, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetCount);
            return;
        }
        writer.WriteStartObject();
        foreach (var (facet, counts) in value)
        {
            writer.WritePropertyName(facet);
            writer.WriteStartArray();
            for (var i = 0; i < counts.Count; i++)
            {
                var count = counts[i];
                var kept = ByLabel.TryGetValue(count.Label, out var known) && known.Value == count.Value ? known : Keep(count);
                if (kept is null)
                {
                    JsonSerializer.Serialize(writer, count, ApiJson.Default.FacetCount);
                }
                else
                {
                    writer.WriteRawValue(Written(kept, count), skipInputValidation: true);
                }
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static ReadOnlySpan<byte> Written(Kept kept, FacetCount count)
    {
        var buffer = t_value ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        buffer.Write(kept.Json);
        Utf8Formatter.TryFormat(count.Count, buffer.GetSpan(11), out var written);
        buffer.Advance(written);
        buffer.Write(count.Selected ? ",\"selected\":true}"u8 : ",\"selected\":false}"u8);
        return buffer.WrittenSpan;
    }

    // The value's JSON up to its count, kept for its label; null (the value written as it is) if it cannot be split.
    private static Kept? Keep(FacetCount count)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, count with { Count = 0, Selected = false }, ApiJson.Default.FacetCount);
        }
        if (!buffer.WrittenSpan.EndsWith(Tail))
        {
            return null;
        }
        var kept = new Kept(count.Value, buffer.WrittenSpan[..^Tail.Length].ToArray());
        ByLabel.AddOrUpdate(count.Label, kept);
        return kept;
    }
}

