using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>
/// The stem filter, which keeps each word's stem, gives what Lucene's override filter (the reviewed families) then
/// Snowball filter give, for every word, first met or met again.
/// </summary>
public sealed class FrenchStemFilterFacts
{
    private static readonly StemmerOverrideFilter.StemmerOverrideMap Families = BuildFamilies();

    // Word pieces that the stemmer treats differently: endings it cuts, vowels it marks (y, u, i between vowels),
    // family forms, and letters outside French.
    private static readonly string[] Pieces =
    [
        "a", "e", "i", "u", "y", "q", "qu", "ment", "ements", "ation", "ations", "ité", "ites", "eux", "euse", "ance", "ique",
        "iste", "eaux", "ière", "er", "ez", "ions", "issement", "amment", "emment", "guë", "précar", "repas", "répit", "loi",
        "environ", "nement", "σ", "д", "7", "ǅ",
    ];

    [Property(MaxTest = 3000)]
    public Property Any_word_is_stemmed_as_Lucene_stems_it() =>
        Prop.ForAll(Gen.NonEmptyListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(),
            word => Stemmed([word, word]).SequenceEqual(LuceneStemmed([word, word])));

    [Fact]
    public void Every_word_of_the_content_and_of_the_families_is_stemmed_as_Lucene_stems_it()
    {
        var words = WordFamilies.Stems.Keys
            .Concat(ContentLoader.CaseFiles(RepositoryPaths.Resolve("content")).Take(300).SelectMany(path => Folded(File.ReadAllText(path))))
            .ToList();

        Assert.True(words.Count > 50_000, $"{words.Count} words");
        Assert.Equal(LuceneStemmed(words), Stemmed(words));
    }

    [Fact]
    public void A_word_of_a_family_keeps_its_family_stem_and_is_marked_as_a_keyword()
    {
        using var stream = new FrenchStemFilter(new WhitespaceTokenizer(CaseStudySchema.Version, new StringReader("repit mobilites")));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var keyword = stream.AddAttribute<IKeywordAttribute>();
        stream.Reset();
        var marks = new List<(string, bool)>();
        while (stream.IncrementToken())
        {
            marks.Add((term.ToString(), keyword.IsKeyword));
        }
        stream.End();

        Assert.Equal([(WordFamilies.Stems["repit"], true), (LuceneStemmed(["mobilites"])[0], false)], marks);
        Assert.NotEqual(marks[0].Item1, marks[1].Item1);
    }

    private static List<string> Stemmed(IEnumerable<string> words) => TokenTerms.Filtered(string.Join(' ', words), source => new FrenchStemFilter(source));

    private static List<string> LuceneStemmed(IEnumerable<string> words) =>
        TokenTerms.Filtered(string.Join(' ', words), source => new SnowballFilter(new StemmerOverrideFilter(source, Families), new FrenchStemmer()));

    private static List<string> Folded(string text)
    {
        using var analyzer = new FrenchAnalyzer(stem: false);
        return TokenTerms.Of(analyzer.GetTokenStream("", text));
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildFamilies()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (form, stem) in WordFamilies.Stems)
        {
            builder.Add(form, stem);
        }
        return builder.Build();
    }
}
