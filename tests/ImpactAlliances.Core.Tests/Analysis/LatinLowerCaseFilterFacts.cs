using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis.Core;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>The table-driven lower case writes every term as Lucene's <see cref="LowerCaseFilter"/> does.</summary>
public sealed class LatinLowerCaseFilterFacts
{
    // ASCII, French letters in both cases, the table's edges (ſ, Ÿ), letters beyond it (Greek, Cyrillic, a titlecase
    // digraph, the dotted capital I), a pair outside the basic plane, a lone half of one, digits and punctuation.
    private static readonly string[] Pieces =
    [
        "a", "Z", "q", "É", "é", "À", "Ç", "Œ", "œ", "Ø", "Þ", "ß", "ÿ", "Ÿ", "Ł", "ſ", "\u017F", "\u0180", "İ", "Σ", "Д", "ǅ",
        "𐐀", "\uD801", "7", "'", "-", "«", " ", "  ",
    ];

    [Property(MaxTest = 3000)]
    public Property Any_text_is_lowered_as_Lucene_lowers_it() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(),
            text => TokenTerms.Filtered(text, source => new LatinLowerCaseFilter(source)).SequenceEqual(TokenTerms.Filtered(text, source => new LowerCaseFilter(CaseStudySchema.Version, source))));

    [Theory]
    [InlineData("ÉCONOMIE Sociale", "économie sociale")]
    [InlineData("ŒUVRE Ÿvelines", "œuvre ÿvelines")]
    [InlineData("ΣΟΦΊΑ", "σοφία")]
    public void French_and_other_letters_are_lowered(string text, string lowered) =>
        Assert.Equal(lowered.Split(' '), TokenTerms.Filtered(text, source => new LatinLowerCaseFilter(source)));
}
