using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Tests.Indexing;

/// <summary>
/// The index's JSON is written by generated serializers: byte for byte what the reflection-based serializer with
/// the same options writes, so that indexes built before and after read the same.
/// </summary>
public sealed class StoredJsonFacts
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void Accented_letters_and_the_html_s_characters_are_stored_as_they_are_and_read_back()
    {
        var c = ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today)).Cases[0].Case with { Title = "Café « solidaire » & <b>épicerie</b>", Body = "Une épicerie où l'on « trie » : \"a\" < b" };
        var rendered = new MarkdownRenderer().Render(c.Body);

        var document = CaseStudyDocumentMapper.ToDocument(c, rendered, []);

        var display = Encoding.UTF8.GetString(document.GetField(CaseStudySchema.Display).GetBinaryValue().Bytes);
        Assert.Contains("\"title\":\"Café « solidaire » & <b>épicerie</b>\"", display, StringComparison.Ordinal);
        var stored = document.GetField(CaseStudySchema.Document);
        Assert.Null(stored.GetStringValue());
        var bytes = stored.GetBinaryValue();
        var json = Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
        Assert.Contains("\"body\":\"Une épicerie où l'on « trie » : \\\"a\\\" < b\"", json, StringComparison.Ordinal);
        var read = CaseStudyDocumentMapper.ToIndexedCase(document);
        Assert.Equal((c.Title, c.Body, rendered.Html), (read.Case.Title, read.Case.Body, read.Html));
        Assert.Equal(c.Title, CaseStudyDocumentMapper.ToDisplay(document.GetField(CaseStudySchema.Display).GetBinaryValue()).Title);
    }

    [Fact]
    public void Every_real_case_is_stored_as_the_reflection_serializer_writes_it()
    {
        var renderer = new MarkdownRenderer();
        HistoryEntry[] history = [new(new DateOnly(2026, 12, 2), "Éditrice", "Relecture « claim by claim »") { Commit = "abc" }];
        foreach (var file in ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today)).Cases)
        {
            var document = CaseStudyDocumentMapper.ToDocument(file.Case, renderer.Render(file.Case.Body), history);

            AssertWrittenAsByReflection<HitDisplay>(document.GetField(CaseStudySchema.Display).GetBinaryValue().Bytes);
            AssertWrittenAsByReflection<CaseStudy>(document.GetField(CaseStudySchema.Record).GetBinaryValue().Bytes);
            AssertWrittenAsByReflection<IndexedCase>(document.GetField(CaseStudySchema.Document).GetBinaryValue().Bytes);
            // And the generated readers read back the case that was written.
            Assert.Equal(JsonSerializer.Serialize(file.Case, Reflection), JsonSerializer.Serialize(CaseStudyDocumentMapper.ToIndexedCase(document).Case, Reflection));
        }
    }

    private static void AssertWrittenAsByReflection<T>(byte[] written) =>
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<T>(written, Reflection), Reflection), written);
}
