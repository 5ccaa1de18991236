using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Whatever is typed, pasted or forged, the search answers: it may find nothing, it never throws.</summary>
public sealed class AnyTextFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    // The query language's signs, French words and places, and characters that Unicode folds into others (« ⒒ », « ﬁ », « ²»).
    private static readonly string[] Pieces =
    [
        "vélo", "insertion", "emploi des jeunes", "\"", "-", "*", "OR", "OU", "ET", " ", "l'", "d’", "Marseille", "93", "50 familles", "Saint-", "St ",
        "⒒", "⑪", "ﬁ", "²", "Ⅻ", "㎞", "½", "ǅ", "İ", "ß", "\u0301", "\u200B", "\u00AD", "…", "«", "»", "(", ")", ":", "^", "~", "\\", "/", "?",
    ];

    private static readonly Gen<string> Text = Gen.ListOf(Gen.Frequency(
        (4, Gen.Elements(Pieces)),
        (1, Gen.Choose(0x20, 0xFFFD).Select(c => ((char)c).ToString()).Where(c => !char.IsSurrogate(c[0]))))).Select(string.Concat);

    [Property(MaxTest = 2000)]
    public Property Any_text_is_searched_without_throwing() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var result = fixture.Searcher.Search(new SearchRequest { Query = text });
            var every = fixture.Searcher.Search(new SearchRequest { Query = text, AllWords = true });
            return result.Total >= result.Hits.Count && every.Total <= result.Counted + result.Partial;
        });

    [Theory]
    [InlineData("⒒")]
    [InlineData("a - ⒒")]
    public void A_sign_read_as_a_place_that_the_analyzer_keeps_nothing_of_is_searched(string text) =>
        Assert.Null(Record.Exception(() => fixture.Searcher.Search(new SearchRequest { Query = text })));
}
