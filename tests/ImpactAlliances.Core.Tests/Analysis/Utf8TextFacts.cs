using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>Snippets address UTF-8 text by UTF-16 offsets: any text, any offset, the same characters as the decoded string.</summary>
public sealed class Utf8TextFacts
{
    // Accents, an ideogram, an emoji (a surrogate pair in UTF-16), spaces and line breaks.
    private static readonly string[] Pieces = ["a", "é", "ç", "漢", "😀", " ", "\n", "z"];

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property A_window_is_the_decoded_text_between_its_offsets() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(1, 80).ToArbitrary(), (text, from, length) =>
        {
            var window = new Utf8Text(Encoding.UTF8.GetBytes(text)).Window(Math.Min(from, text.Length), length);

            return window.Chars == text[window.From..window.To]
                && window.AtEnd == (window.To == text.Length)
                && (window.From == 0 || char.IsWhiteSpace(text[window.From - 1]));
        });

    [Property(MaxTest = 500)]
    public Property The_length_is_exact_under_the_limit_and_at_least_the_limit_over_it() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 400).ToArbitrary(), (text, limit) =>
        {
            var length = new Utf8Text(Encoding.UTF8.GetBytes(text)).LengthAtLeast(limit);

            return text.Length < limit ? length == text.Length : length >= limit;
        });
}
