using System.Text;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Cuts snippets from the hits' body text around their matches, with the matched words in <c>&lt;mark&gt;</c>.
/// Match positions come from the offsets indexed with the postings, so the text is never analysed again,
/// and only the window shown is decoded from the stored UTF-8.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>Characters of text a snippet shows, about two lines of a result.</summary>
    public const int Length = 240;
    /// <summary>At most this many indexed words are looked at for one prefix.</summary>
    private const int MaxPrefixExpansions = 64;

    /// <summary>
    /// The snippet HTML of each hit (null when the body does not match: the title or summary did).
    /// All hits of a segment are served by one postings enumeration per term, walked in document order.
    /// </summary>
    public static string?[] Build(IndexSnapshot snapshot, IReadOnlyList<int> docs, TextQuery query)
    {
        var snippets = new string?[docs.Count];
        if (docs.Count == 0 || (query.BodyTerms.Count == 0 && query.BodyPrefixes.Count == 0))
        {
            return snippets;
        }
        var leaves = snapshot.Reader.Leaves;
        var byLeaf = docs.Select((doc, i) => (Doc: doc, Index: i)).GroupBy(d => ReaderUtil.SubIndex(d.Doc, leaves));
        foreach (var group in byLeaf)
        {
            var leaf = leaves[group.Key];
            var hits = group.Select(h => (Local: h.Doc - leaf.DocBase, h.Index)).OrderBy(h => h.Local).ToList();
            var matches = hits.ToDictionary(h => h.Index, _ => new List<(int Start, int End)>());
            var postings = new Postings(leaf.AtomicReader);
            foreach (var (field, term) in Terms(leaf.AtomicReader, query))
            {
                postings.AddOffsets(field, term, hits, matches);
            }
            foreach (var (_, index) in hits)
            {
                if (matches[index].Count > 0)
                {
                    snippets[index] = Render(snapshot.SnippetText(docs[index]), Merge(matches[index]));
                }
            }
        }
        return snippets;
    }

    private static IEnumerable<(string Field, BytesRef Term)> Terms(AtomicReader reader, TextQuery query)
    {
        foreach (var term in query.BodyTerms.Distinct())
        {
            yield return (CaseStudySchema.Body, new BytesRef(term));
        }
        foreach (var prefix in query.BodyPrefixes.Distinct())
        {
            foreach (var term in Expand(reader, prefix))
            {
                yield return (CaseStudySchema.BodyExact, term);
            }
        }
    }

    /// <summary>
    /// The offsets of terms in a segment's hits. The term and postings enumerations are reused from one term of a
    /// field to the next, as Lucene allows: a postings enumeration with offsets holds several kilobytes of buffers.
    /// </summary>
    private sealed class Postings(AtomicReader reader)
    {
        private readonly Dictionary<string, (TermsEnum? Terms, DocsAndPositionsEnum? Postings)> _byField = [];

        public void AddOffsets(string field, BytesRef term, List<(int Local, int Index)> hits, Dictionary<int, List<(int, int)>> matches)
        {
            if (!_byField.TryGetValue(field, out var reused))
            {
                reused = (reader.GetTerms(field)?.GetEnumerator(), null);
            }
            var terms = reused.Terms;
            if (terms is null || !terms.SeekExact(term))
            {
                _byField[field] = reused;
                return;
            }
            var postings = terms.DocsAndPositions(null, reused.Postings, DocsAndPositionsFlags.OFFSETS);
            _byField[field] = (terms, postings);
            if (postings is null)
            {
                return;
            }
            var current = -1;
            foreach (var (local, index) in hits)
            {
                if (current < local)
                {
                    current = postings.Advance(local);
                }
                if (current == DocsAndPositionsEnum.NO_MORE_DOCS)
                {
                    return;
                }
                if (current != local)
                {
                    continue;
                }
                for (var i = 0; i < postings.Freq; i++)
                {
                    postings.NextPosition();
                    matches[index].Add((postings.StartOffset, postings.EndOffset));
                }
            }
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
        foreach (var match in matches.Where(m => m.Start < m.End))
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

    // One builder per thread, reused: a page renders twenty snippets.
    [ThreadStatic]
    private static StringBuilder? t_html;

    /// <summary>Picks the window holding the most matches, widens it to whole words and marks the matches.</summary>
    private static string? Render(ReadOnlySpan<byte> utf8, List<(int Start, int End)> matches)
    {
        if (matches.Count == 0)
        {
            return null;
        }
        var text = new Utf8Text(utf8);
        // Only as far as the last match: the text may be cut shorter than the body the offsets point into.
        var length = text.LengthAtLeast(matches.Max(m => m.End));
        matches.RemoveAll(m => m.End > length);
        if (matches.Count == 0)
        {
            return null;
        }
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
        var window = text.Window(Math.Max(0, matches[best].Start - 40), Length);
        var html = (t_html ??= new StringBuilder(Length * 2)).Clear();
        if (window.From > 0)
        {
            html.Append('…');
        }
        var position = window.From;
        foreach (var (start, end) in matches.Where(m => m.Start >= window.From && m.End <= window.To))
        {
            Encode(html, window.Chars, position - window.From, start - window.From);
            html.Append("<mark>");
            Encode(html, window.Chars, start - window.From, end - window.From);
            html.Append("</mark>");
            position = end;
        }
        Encode(html, window.Chars, position - window.From, window.To - window.From);
        if (!window.AtEnd)
        {
            html.Append('…');
        }
        return html.ToString();
    }

    // Only the characters HTML gives a meaning to are escaped; accents stay readable in the JSON API.
    private static void Encode(StringBuilder html, ReadOnlySpan<char> text, int from, int to)
    {
        foreach (var c in text[from..to])
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                '\n' => html.Append(' '),
                _ => html.Append(c),
            };
        }
    }
}
