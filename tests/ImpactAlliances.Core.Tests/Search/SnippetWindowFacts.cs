using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>A snippet's window, for any text and any offset: whole words, never half of a surrogate pair.</summary>
public sealed class SnippetWindowFacts
{
    // Accents, an ideogram, an emoji (a surrogate pair in UTF-16), spaces and line breaks.
    private static readonly string[] Pieces = ["a", "é", "ç", "漢", "😀", " ", "\n", "z"];

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property A_window_starts_and_ends_between_words_and_holds_at_least_what_was_asked() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(1, 80).ToArbitrary(), (text, from, length) =>
        {
            var (start, end) = SnippetBuilder.Window(text, from, length);

            return start <= Math.Min(from, text.Length) && end >= Math.Min(start + length, text.Length) && end <= text.Length
                && (start == 0 || char.IsWhiteSpace(text[start - 1]))
                && (end == text.Length || char.IsWhiteSpace(text[end]))
                && !char.IsLowSurrogate(text[start..end].FirstOrDefault())
                && !char.IsHighSurrogate(text[start..end].LastOrDefault());
        });
}
