using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>The one-pass key of a name is the key the plain way gives: fold the whole text, split it, drop words, join.</summary>
public sealed class FoldedKeyFacts
{
    private const string Separators = " -'(),./";
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "la", "de", "d", "l", "saint" };

    // Letters with and without accents, ligatures, separators, typographic quotes, a pair outside the basic plane,
    // a lone half of one, a dotted capital I, words the key drops.
    private static readonly string[] Pieces =
    [
        "a", "B", "z", "7", "é", "È", "ô", "Ç", "Œ", "œ", "ß", "ﬁ", "Æ", "’", "'", "-", " ", "(", ")", ",", ".", "/", "«", "\u00A0",
        "\u2010", "😀", "\uD800", "İ", "Ω", "La", "de", "D", "Saint", "lès", "Île", "⑽",
    ];

    [Property(MaxTest = 3000)]
    public Property Any_text_gets_the_key_the_plain_way_gives() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(),
            text => FrenchAnalyzer.FoldedKey(text, SearchValues.Create(Separators), Skipped) == Plain(text, Skipped)
                && FrenchAnalyzer.FoldedKey(text, SearchValues.Create(Separators)) == Plain(text, null));

    [Fact]
    public void Every_place_name_of_the_gazetteer_gets_the_key_the_plain_way_gives()
    {
        var stopWords = new HashSet<string>(StringComparer.Ordinal) { "l", "d", "le", "la", "les", "de", "du", "des", "en", "sur", "sous", "et", "lès", "a", "au", "aux" };
        foreach (var place in PlaceGazetteer.Official.Places)
        {
            Assert.Equal(Plain(place.Name, stopWords), place.Key);
        }
    }

    [Theory]
    [InlineData("Provence-Alpes-Côte d'Azur", "provence alpes cote azur")]
    [InlineData("L’Haÿ-les-Roses", "hay roses")]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("  ", "")]
    public void A_place_name_folds_to_its_words(string name, string key) => Assert.Equal(key, PlaceGazetteer.Key(name));

    private static string Plain(string text, HashSet<string>? skipped) =>
        string.Join(' ', FrenchAnalyzer.FoldLower(text.Replace('’', '\'')).Split(Separators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries)
            .Where(w => skipped is null || !skipped.Contains(w)));

    [Fact]
    public void Folding_a_word_without_accents_makes_no_copy_of_it()
    {
        // Most words of queries and cases are ASCII: the query builder folds each word several times per search.
        var folded = FrenchAnalyzer.FoldAccents("emploi");
        var allocated = Allocation.Of(() => folded = FrenchAnalyzer.FoldAccents("partenariat"));

        Assert.Equal(0, allocated);
        Assert.Equal("partenariat", folded);
        Assert.Equal("benevoles oeuvre", FrenchAnalyzer.FoldAccents("bénévoles œuvre"));
    }
}
