using System.Globalization;
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
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

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
            var stored = document.Get(CaseStudySchema.Document, CultureInfo.InvariantCulture);
            Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<IndexedCase>(stored, Reflection), Reflection), stored);
            // And the generated readers read back the case that was written.
            Assert.Equal(JsonSerializer.Serialize(file.Case, Reflection), JsonSerializer.Serialize(CaseStudyDocumentMapper.ToIndexedCase(document).Case, Reflection));
        }
    }

    private static void AssertWrittenAsByReflection<T>(byte[] written) =>
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<T>(written, Reflection), Reflection), written);
}
