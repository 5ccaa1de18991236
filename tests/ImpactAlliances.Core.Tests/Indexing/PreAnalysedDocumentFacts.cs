using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Tests.Indexing;

/// <summary>
/// The index builder analyses each text once, on any thread, and derives the folded and stemmed tokens from the
/// surface ones: the documents it writes must hold exactly the tokens the schema's analyzer gives for each field.
/// </summary>
public sealed class PreAnalysedDocumentFacts
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Bodies => new()
    {
        // Stop words and elisions at the ends, where the skipped positions go to the next text or to the end.
        "Le projet de la ville et des associations de l'",
        "L'insertion, c'est l'emploi des jeunes qu'on accompagne à Saint-Étienne : « mobilité » et MOBILITÉ.",
        // A word longer than the tokenizer keeps (255 characters) is skipped, and its position with it.
        $"avant {new string('x', 300)} après {new string('é', 260)}",
        "Numérique, numériques, numérisation ; précaire et précarité ; coopération 2024 n° 3 — 45 % des aînés.",
        "",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Each_text_field_holds_the_analyzers_tokens(string body)
    {
        var c = RealCases.Value[0].Case with { Title = "La coopération des aînés de", Summary = "Une alliance pour l'emploi à Lyon et", Body = body };

        AssertSameTokens(c);
    }

    [Fact]
    public void Every_real_case_is_analysed_as_the_analyzer_analyses_it()
    {
        foreach (var file in RealCases.Value)
        {
            AssertSameTokens(file.Case);
        }
    }

    [Fact]
    public void Each_keyword_field_holds_the_one_token_a_string_field_holds()
    {
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        var document = CaseStudyDocumentMapper.ToDocument(RealCases.Value[0].Case, Renderer.Render(RealCases.Value[0].Case.Body), []);
        var keywords = document.Fields.Where(f => f is { IndexableFieldType: { IsIndexed: true, IsTokenized: false } }).ToList();

        Assert.True(keywords.Count > 5, "a case has a slug and facet values");
        // Twice over: the stream is reused field after field, document after document.
        foreach (var field in keywords.Concat(keywords))
        {
            var value = field.GetStringValue(System.Globalization.CultureInfo.InvariantCulture);
            var expected = Tokens(new Lucene.Net.Documents.StringField(field.Name, value, Lucene.Net.Documents.Field.Store.NO).GetTokenStream(analyzer));
            Assert.Equal(expected, Tokens(field.GetTokenStream(analyzer)));
        }
    }

    // Pieces of French text where folding and stemming part ways: stop words (some only once folded: « à », « À »),
    // elisions, capitals, accents, ligatures, numbers, a word longer than the tokenizer keeps, and separators.
    private static readonly string[] Pieces =
    [
        "le", "La", "de", "des", "à", "À", "a", "et", "qu'", "l'", "D'", "Lyon", "mobilité", "MOBILITÉ", "mobilites",
        "précaire", "précarité", "œuvre", "ŒUVRES", "numérique", "numériques", "Saint-Étienne", "2024", "n°", "45 %",
        "aînés", "répit", "ça", "σ", new string('x', 300), " ", " ", " ", "\n", ", ", ". ", " ; ", " — ",
    ];

    [Property(MaxTest = 500)]
    public Property Any_text_gives_the_folded_and_stemmed_tokens_of_the_analyzers() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(), text =>
        {
            using var folding = new FrenchAnalyzer(FrenchAnalyzer.Mode.Folded);
            using var stemming = new FrenchAnalyzer(FrenchAnalyzer.Mode.Stemmed);
            var (folded, stemmed) = (Tokens(folding.GetTokenStream("", text)), Tokens(stemming.GetTokenStream("", text)));
            // Twice: words first met, then kept.
            return Enumerable.Range(0, 2).All(_ =>
            {
                var surface = TokenList.Surface(text);
                var both = surface.FoldedAndStemmed();
                return Replayed(surface.Folded()).SequenceEqual(folded) && Replayed(surface.Stemmed()).SequenceEqual(stemmed)
                    && Replayed(both.Folded).SequenceEqual(folded) && Replayed(both.Stemmed).SequenceEqual(stemmed);
            });
        });

    private static List<(string Term, int Increment, int Start, int End)> Replayed(TokenList tokens) =>
        Tokens(tokens.Field("f", Lucene.Net.Documents.TextField.TYPE_NOT_STORED).GetTokenStream(null));

    private static readonly Lazy<IReadOnlyList<CaseFile>> RealCases = new(() =>
        ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today)).Cases);

    private static void AssertSameTokens(CaseStudy c)
    {
        var rendered = Renderer.Render(c.Body);
        var organisations = string.Join('\n', c.Organisations.Select(o => o.Name));
        var meta = $"{c.Title}\n{c.Summary}\n{organisations}";
        var texts = new Dictionary<string, string>
        {
            [CaseStudySchema.Title] = c.Title,
            [CaseStudySchema.Summary] = c.Summary,
            [CaseStudySchema.Organisations] = organisations,
            [CaseStudySchema.Body] = rendered.PlainText,
            [CaseStudySchema.BodyExact] = rendered.PlainText,
            [CaseStudySchema.MetaExact] = meta,
            [CaseStudySchema.Surface] = $"{meta}\n{rendered.PlainText}",
        };
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        var document = CaseStudyDocumentMapper.ToDocument(c, rendered, []);
        foreach (var (field, text) in texts)
        {
            var expected = Tokens(analyzer.GetTokenStream(field, text));
            var actual = Tokens(document.GetField(field).GetTokenStream(analyzer));
            if (document.GetField(field).IndexableFieldType.IndexOptions == IndexOptions.DOCS_ONLY)
            {
                // A field of documents only keeps which terms a case has, nothing of where.
                Assert.Equal(expected.Select(t => t.Term).ToHashSet(), actual.Select(t => t.Term).ToHashSet());
                continue;
            }
            Assert.True(expected.SequenceEqual(actual), $"{c.Slug}, {field}: {string.Join(' ', expected)} ≠ {string.Join(' ', actual)}");
        }
    }

    /// <summary>Every token with its position increment and offsets, then the final offset and increment.</summary>
    private static List<(string Term, int Increment, int Start, int End)> Tokens(TokenStream stream)
    {
        var tokens = new List<(string, int, int, int)>();
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offsets = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), increment.PositionIncrement, offsets.StartOffset, offsets.EndOffset));
            }
            stream.End();
            tokens.Add(("(end)", increment.PositionIncrement, offsets.StartOffset, offsets.EndOffset));
        }
        return tokens;
    }
}
