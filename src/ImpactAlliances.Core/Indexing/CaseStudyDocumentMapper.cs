using System.Globalization;
using System.Text.Json;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Indexing;

/// <summary>Maps a case to a Lucene <see cref="Document"/> and back, following <see cref="CaseStudySchema"/>.</summary>
public static class CaseStudyDocumentMapper
{
    // Offsets in the postings let a snippet be cut from the text without analysing it again.
    // Only which documents hold a word: enough to know the word exists and how common it is.
    private static readonly FieldType DocumentsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_ONLY,
        OmitNorms = true,
    });

    private static readonly FieldType TextWithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>The document for a case and its rendered body, its text fields already analysed.</summary>
    /// <remarks>
    /// Thread-safe, and where the analysis happens: the index builder calls it on every core and the writer only
    /// replays the tokens. The body is tokenized once; its folded and stemmed tokens derive from its surface ones.
    /// </remarks>
    public static Document ToDocument(CaseStudy c, RenderedCase rendered, IReadOnlyList<HistoryEntry> history)
    {
        var organisations = string.Join('\n', c.Organisations.Select(o => o.Name));
        var meta = $"{c.Title}\n{c.Summary}\n{organisations}";
        var metaSurface = TokenList.Surface(meta);
        var bodySurface = TokenList.Surface(rendered.PlainText);
        var (bodyFolded, bodyStemmed) = bodySurface.FoldedAndStemmed();
        var document = new Document
        {
            new KeywordField(CaseStudySchema.Slug, c.Slug, Field.Store.YES),
            Stemmed(c.Title).Field(CaseStudySchema.Title, TextField.TYPE_NOT_STORED),
            Stemmed(c.Summary).Field(CaseStudySchema.Summary, TextField.TYPE_NOT_STORED),
            Stemmed(organisations).Field(CaseStudySchema.Organisations, TextField.TYPE_NOT_STORED),
            bodyStemmed.Field(CaseStudySchema.Body, TextWithOffsets),
            bodyFolded.Field(CaseStudySchema.BodyExact, TextWithOffsets),
            metaSurface.Folded().Field(CaseStudySchema.MetaExact, TextField.TYPE_NOT_STORED),
            metaSurface.FieldThen(bodySurface, meta.Length + 1, CaseStudySchema.Surface, DocumentsOnly),
            new NumericDocValuesField(CaseStudySchema.Updated, DateKey(c.Updated)),
            new NumericDocValuesField(CaseStudySchema.Year, c.Year ?? 0),
            new SortedDocValuesField(CaseStudySchema.TitleSort, new BytesRef(TitleSortKey(c.Title))),
            new BinaryDocValuesField(CaseStudySchema.Display, new BytesRef(StoredJson.Write(DisplayOf(c), StoredJson.Default.HitDisplay))),
            new BinaryDocValuesField(CaseStudySchema.Record, new BytesRef(StoredJson.Write(c with { Body = "" }, StoredJson.Default.CaseStudy))),
            new BinaryDocValuesField(CaseStudySchema.TableRow, CaseTable.Encode(c)),
            new BinaryDocValuesField(CaseStudySchema.SnippetText, new BytesRef(SnippetTextOf(rendered.PlainText))),
            // As UTF-8 bytes, as the serializer writes them: stored as a string, the JSON was made UTF-16 here and UTF-8
            // again by the writer.
            new StoredField(CaseStudySchema.Document, StoredJson.Write(new IndexedCase(c, rendered.Html, history), StoredJson.Default.IndexedCase)),
        };
        foreach (var keyword in c.Keywords)
        {
            // One value each, analysed by the writer, which leaves a gap between values: a phrase never spans two terms.
            document.Add(new TextField(CaseStudySchema.Keywords, keyword, Field.Store.NO));
        }
        foreach (var name in c.Organisations.Select(o => o.Name).Distinct(StringComparer.Ordinal))
        {
            document.Add(new SortedSetDocValuesField(CaseStudySchema.OrganisationNames, new BytesRef(name)));
        }
        foreach (var code in c.Territory.PlaceCodes)
        {
            document.Add(new KeywordField(CaseStudySchema.Place, code, Field.Store.NO));
        }
        foreach (var facet in CaseStudySchema.Facets)
        {
            foreach (var value in facet.IndexedValuesOf(c))
            {
                // Indexed for filtering, doc values for counting.
                document.Add(new KeywordField(facet.Key, value, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(facet.Key, new BytesRef(value)));
            }
        }
        return document;
    }

    /// <summary>The case stored in a document.</summary>
    public static IndexedCase ToIndexedCase(Document document) =>
        document.GetBinaryValue(CaseStudySchema.Document) is { } bytes
        && JsonSerializer.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), StoredJson.Default.IndexedCase) is { } indexed
            ? indexed
            : throw new InvalidDataException("A document has no stored case.");

    /// <summary>Decodes the record doc value of a case: its front matter, with an empty <see cref="CaseStudy.Body"/>.</summary>
    public static CaseStudy ToCase(BytesRef bytes) =>
        JsonSerializer.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), StoredJson.Default.CaseStudy)
        ?? throw new InvalidDataException("A document has no record value.");

    /// <summary>Decodes the display doc value of a hit.</summary>
    public static HitDisplay ToDisplay(BytesRef bytes) =>
        JsonSerializer.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), StoredJson.Default.HitDisplay)
        ?? throw new InvalidDataException("A document has no display value.");

    /// <summary>A date as a sortable number, yyyyMMdd.</summary>
    public static long DateKey(DateOnly date) => long.Parse(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The text kept for snippets: the body, cut to what a doc value may hold.</summary>
    public static string SnippetTextOf(string plainText)
    {
        if (plainText.Length <= CaseStudySchema.MaxSnippetTextChars)
        {
            return plainText;
        }
        var end = CaseStudySchema.MaxSnippetTextChars;
        return plainText[..(char.IsHighSurrogate(plainText[end - 1]) ? end - 1 : end)];
    }

    private static HitDisplay DisplayOf(CaseStudy c) => new(
        c.Slug, c.Title, c.Summary, c.Updated, c.Year,
        c.Organisations.Select(o => o.Name).ToList(),
        CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.ValuesOf(c).ToList()));

    /// <summary>
    /// What a title is sorted by: folded to lower case without accents, and from its first letter or digit, as a
    /// French index sorts it (« « Guyane connectée » » among the G, not before the A).
    /// </summary>
    internal static string TitleSortKey(string title)
    {
        var folded = FrenchAnalyzer.FoldLower(title);
        var first = folded.AsSpan().IndexOfAnyExcept(NotSorted);
        return first <= 0 ? folded : folded[first..];
    }

    // Spaces and punctuation before a title's first word; a title of nothing else keeps them (first < 0).
    private static readonly System.Buffers.SearchValues<char> NotSorted = System.Buffers.SearchValues.Create(" \t«»\"'“”‘’([{-–—.,;:!?¿¡*#/");

    private static TokenList Stemmed(string text) => TokenList.Surface(text).Stemmed();

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
