using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A snippet's window, for any text and any offset: whole words, never half of a surrogate pair; and its text as
/// HTML, for any text: nothing HTML reads as markup, and nothing else changed.
/// </summary>
public sealed class SnippetWindowFacts
{
    // Accents, an ideogram, an emoji (a surrogate pair in UTF-16), spaces and line breaks.
    private static readonly string[] Pieces = ["a", "é", "ç", "漢", "😀", " ", "\n", "z", "&", "<", ">", "\"", "'", "&amp;", "l'été"];

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

    private static readonly string[] Entities = ["amp;", "lt;", "gt;", "quot;", "#39;"];

    [Property(MaxTest = 500)]
    public Property Encoded_text_reads_back_as_the_text_with_line_breaks_as_spaces_and_holds_no_markup() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 40).ToArbitrary(), (text, cut) =>
        {
            var from = Math.Min(cut, text.Length);
            var html = new StringBuilder("…");

            SnippetBuilder.Encode(html, text, from, text.Length);

            var encoded = html.ToString()[1..];
            return WebUtility.HtmlDecode(encoded) == text[from..].Replace('\n', ' ')
                && encoded.IndexOfAny(['<', '>', '"', '\'', '\n']) < 0
                && encoded.Split('&').Skip(1).All(e => Entities.Any(entity => e.StartsWith(entity, StringComparison.Ordinal)));
        });

    // Matches as Render sorts them: by start, then end; words of a short query, some matches longer than a window.
    private static Arbitrary<List<SnippetBuilder.Match>> Matches() =>
        Gen.ListOf(from start in Gen.Choose(0, 900)
                   from length in Gen.Frequency((20, Gen.Choose(1, 14)), (1, Gen.Choose(150, 260)))
                   from word in Gen.Choose(0, 5)
                   select new SnippetBuilder.Match(start, start + length, word))
            .Select(matches => matches.OrderBy(m => m.Start).ThenBy(m => m.End).ToList())
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property The_best_window_is_the_one_each_window_counted_again_would_find() =>
        Prop.ForAll(Matches(), found =>
        {
            var (best, bestWords, bestCount) = (0, 0, 0);
            for (var i = 0; i < found.Count; i++)
            {
                var window = found.Skip(i).TakeWhile(m => m.End <= found[i].Start + SnippetBuilder.Length - 40).ToList();
                var different = window.Select(m => m.Word).Distinct().Count();
                if (different > bestWords || (different == bestWords && window.Count > bestCount))
                {
                    (best, bestWords, bestCount) = (i, different, window.Count);
                }
            }
            return SnippetBuilder.BestWindow(found) == best;
        });
}
