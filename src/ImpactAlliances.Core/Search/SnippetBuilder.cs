using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Cuts a snippet from a hit's body text around its matches, with the matched words in <c>&lt;mark&gt;</c>.
/// Match positions come from the offsets indexed with the postings, so the text is never analysed again.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>Characters of text a snippet shows, about two lines of a result.</summary>
    public const int Length = 240;
    /// <summary>At most this many indexed words are looked at for one prefix.</summary>
    private const int MaxPrefixExpansions = 64;

    /// <summary>The snippet's HTML, or null when the body does not match (the title or summary did).</summary>
    public static string? Build(AtomicReader reader, int doc, string text, TextQuery query)
    {
        var matches = new List<(int Start, int End)>();
        foreach (var term in query.BodyTerms.Distinct())
        {
            AddOffsets(reader, CaseStudySchema.Body, new BytesRef(term), doc, matches);
        }
        foreach (var prefix in query.BodyPrefixes.Distinct())
        {
            foreach (var term in Expand(reader, prefix))
            {
                AddOffsets(reader, CaseStudySchema.BodyExact, term, doc, matches);
            }
        }
        matches.RemoveAll(m => m.End > text.Length || m.Start >= m.End);
        return matches.Count == 0 ? null : Render(text, Merge(matches));
    }

    private static void AddOffsets(AtomicReader reader, string field, BytesRef term, int doc, List<(int, int)> matches)
    {
        var terms = reader.GetTerms(field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term))
        {
            return;
        }
        var postings = terms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
        if (postings is null || postings.Advance(doc) != doc)
        {
            return;
        }
        for (var i = 0; i < postings.Freq; i++)
        {
            postings.NextPosition();
            matches.Add((postings.StartOffset, postings.EndOffset));
        }
    }

    private static IEnumerable<BytesRef> Expand(AtomicReader reader, string prefix)
    {
        var terms = reader.GetTerms(CaseStudySchema.BodyExact)?.GetEnumerator();
        var start = new BytesRef(prefix);
        if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }
        var expansions = 0;
        do
        {
            if (!StringHelper.StartsWith(terms.Term, start) || ++expansions > MaxPrefixExpansions)
            {
                yield break;
            }
            yield return BytesRef.DeepCopyOf(terms.Term);
        }
        while (terms.MoveNext());
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> matches)
    {
        matches.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var match in matches)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, match.End));
            }
            else
            {
                merged.Add(match);
            }
        }
        return merged;
    }

    /// <summary>Picks the window holding the most matches, widens it to whole words and marks the matches.</summary>
    private static string Render(string text, List<(int Start, int End)> matches)
    {
        var (best, bestCount) = (0, 0);
        for (var i = 0; i < matches.Count; i++)
        {
            var count = 0;
            while (i + count < matches.Count && matches[i + count].End <= matches[i].Start + Length - 40)
            {
                count++;
            }
            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }
        var from = WordStart(text, Math.Max(0, matches[best].Start - 40));
        var to = WordEnd(text, Math.Min(text.Length, from + Length));
        var html = new StringBuilder(Length * 2);
        if (from > 0)
        {
            html.Append('…');
        }
        var position = from;
        foreach (var (start, end) in matches.Where(m => m.Start >= from && m.End <= to))
        {
            html.Append(Encode(text, position, start)).Append("<mark>").Append(Encode(text, start, end)).Append("</mark>");
            position = end;
        }
        html.Append(Encode(text, position, to));
        if (to < text.Length)
        {
            html.Append('…');
        }
        return html.ToString();
    }

    // Only the characters HTML gives a meaning to are escaped; accents stay readable in the JSON API.
    private static string Encode(string text, int from, int to)
    {
        var builder = new StringBuilder(to - from + 16);
        foreach (var c in text.AsSpan(from, to - from))
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\n' => builder.Append(' '),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    private static int WordStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }
        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }
        return index;
    }
}
