using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Cuts snippets from the hits' body text around their matches, with the matched words in <c>&lt;mark&gt;</c>.
/// Match positions come from the offsets indexed with the postings, so the text is never analysed again. A term the query
/// searches alone is marked wherever it stands; an expression it searches as a phrase, only where its terms stand as the
/// phrase asks (<see cref="TextQuery.BodyPhrases"/>).
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
        if (docs.Count == 0 || (query.BodyTerms.Count == 0 && query.BodyPhrases.Count == 0 && query.BodyPrefixes.Count == 0))
        {
            return snippets;
        }
        var leaves = snapshot.Reader.Leaves;
        // In document order, the hits of each segment come together and in that segment's order.
        var ordered = new (int Doc, int Index)[docs.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = (docs[i], i);
        }
        Array.Sort(ordered);
        var matches = MatchLists(docs.Count);
        var hits = new List<(int Local, int Index)>(ordered.Length);
        for (var first = 0; first < ordered.Length;)
        {
            var leaf = leaves[ReaderUtil.SubIndex(ordered[first].Doc, leaves)];
            var end = first;
            hits.Clear();
            while (end < ordered.Length && ordered[end].Doc < leaf.DocBase + leaf.Reader.MaxDoc)
            {
                hits.Add((ordered[end].Doc - leaf.DocBase, ordered[end].Index));
                end++;
            }
            first = end;
            var postings = new Postings(leaf.AtomicReader, leaf.Ord, snapshot.Terms, hits, matches);
            var word = 0;
            foreach (var term in query.BodyTerms.Distinct())
            {
                postings.AddTerm(CaseStudySchema.Body, new BytesRef(term), word++);
            }
            foreach (var phrase in query.BodyPhrases)
            {
                postings.AddPhrase(phrase, word++);
            }
            foreach (var prefix in query.BodyPrefixes.Distinct())
            {
                foreach (var term in Expand(leaf.AtomicReader, prefix))
                {
                    postings.AddTerm(CaseStudySchema.BodyExact, term, word);
                }
                word++;
            }
            foreach (var (_, index) in hits)
            {
                if (matches[index].Count > 0)
                {
                    snippets[index] = Render(snapshot.SnippetText(docs[index]), matches[index]);
                }
            }
        }
        return snippets;
    }

    // The match lists of a page's hits, one per hit, kept per thread and emptied for each page: grown once, not for every hit.
    [ThreadStatic]
    private static List<Match>[]? t_matches;

    private static List<Match>[] MatchLists(int count)
    {
        var lists = t_matches is { } kept && kept.Length >= count ? kept : (t_matches = new List<Match>[Math.Max(count, 20)]);
        for (var i = 0; i < count; i++)
        {
            (lists[i] ??= []).Clear();
        }
        return lists;
    }

    /// <summary>
    /// A match in the body text, and which of the query's words (a term, an expression standing together, or a prefix with all
    /// it expands to) it is.
    /// </summary>
    internal readonly record struct Match(int Start, int End, int Word);

    /// <summary>A term in a hit: the hit's place in the segment's list of hits, the term's position and its offsets.</summary>
    private readonly record struct Occurrence(int Hit, int Position, int Start, int End);

    // The occurrences of a term read, and those of an expression's first term still standing with the terms after it: kept per thread.
    [ThreadStatic]
    private static List<Occurrence>? t_read;
    [ThreadStatic]
    private static List<Occurrence>? t_standing;

    private static List<Occurrence> Emptied(ref List<Occurrence>? kept)
    {
        (kept ??= []).Clear();
        return kept;
    }

    /// <summary>
    /// The offsets of terms in a segment's hits, added to the hits' matches. The term and postings enumerations are reused
    /// from one term of a field to the next, and from one page to the next on the same thread, as Lucene allows: a postings
    /// enumeration with offsets holds several kilobytes of buffers.
    /// Each term is found from the snapshot's kept look-ups (<paramref name="kept"/>, the segment's <paramref name="ord"/>), which
    /// the query made for the same terms, rather than by walking the terms dictionary again (a prefix's expansions are kept there
    /// the first time they are read): that walk was about 0.6 % of an uncached search's CPU and 5 KB of its allocation.
    /// </summary>
    private sealed class Postings(AtomicReader reader, int ord, TermContexts kept, List<(int Local, int Index)> hits, List<Match>[] matches)
    {
        private readonly Dictionary<string, (TermsEnum? Terms, DocsAndPositionsEnum? Postings)> _byField = Enumerations(reader);

        // A segment's term and postings enumerations by field, kept per thread for as long as the segment lives: made again for
        // each page, they were a terms enumerator and a postings reader with offsets (its blocks of 128 ints) per field and
        // search, about 4 KB of an API request's allocation, though a thread builds one page's snippets at a time.
        [ThreadStatic]
        private static ConditionalWeakTable<AtomicReader, Dictionary<string, (TermsEnum? Terms, DocsAndPositionsEnum? Postings)>>? t_enumerations;

        private static Dictionary<string, (TermsEnum? Terms, DocsAndPositionsEnum? Postings)> Enumerations(AtomicReader reader) =>
            (t_enumerations ??= []).GetValue(reader, static _ => []);

        /// <summary>Every occurrence of a term in the hits is a match of the word.</summary>
        public void AddTerm(string field, BytesRef term, int word) => Add(Read(field, term, Emptied(ref t_read)), word);

        /// <summary>
        /// Where the expression's terms stand at the positions its phrase asks (stop words the analysis dropped leave their gap,
        /// in the index as in the expression), the span from its first term to its last is a match of the word.
        /// </summary>
        public void AddPhrase(SynonymSet.Expression phrase, int word)
        {
            var standing = Read(CaseStudySchema.Body, new BytesRef(phrase.Terms[0]), Emptied(ref t_standing));
            for (var i = 1; i < phrase.Terms.Length && standing.Count > 0; i++)
            {
                var next = Read(CaseStudySchema.Body, new BytesRef(phrase.Terms[i]), Emptied(ref t_read));
                KeepFollowed(standing, next, phrase.Positions[i] - phrase.Positions[0]);
            }
            Add(standing, word);
        }

        private void Add(List<Occurrence> found, int word)
        {
            foreach (var (hit, _, start, end) in found)
            {
                matches[hits[hit].Index].Add(new(start, end, word));
            }
        }

        /// <summary>
        /// Keeps the occurrences followed by one of <paramref name="next"/> <paramref name="gap"/> positions on, widened to its
        /// offsets. Both lists are in the order of the hits, then of positions, so one walk of each does.
        /// </summary>
        private static void KeepFollowed(List<Occurrence> standing, List<Occurrence> next, int gap)
        {
            var (kept, n) = (0, 0);
            for (var i = 0; i < standing.Count; i++)
            {
                var (hit, position, start, end) = standing[i];
                while (n < next.Count && (next[n].Hit < hit || (next[n].Hit == hit && next[n].Position < position + gap)))
                {
                    n++;
                }
                if (n < next.Count && next[n].Hit == hit && next[n].Position == position + gap)
                {
                    standing[kept++] = new(hit, position, Math.Min(start, next[n].Start), Math.Max(end, next[n].End));
                }
            }
            standing.RemoveRange(kept, standing.Count - kept);
        }

        /// <summary>The occurrences of a term in the hits, in their order, into <paramref name="found"/>.</summary>
        private List<Occurrence> Read(string field, BytesRef term, List<Occurrence> found)
        {
            if (!_byField.TryGetValue(field, out var reused))
            {
                reused = (reader.GetTerms(field)?.GetEnumerator(), null);
            }
            var terms = reused.Terms;
            if (terms is null || kept.Of(new Term(field, term)).Get(ord) is not { } state)
            {
                _byField[field] = reused;
                return found;
            }
            terms.SeekExact(term, state);
            var postings = terms.DocsAndPositions(null, reused.Postings, DocsAndPositionsFlags.OFFSETS);
            _byField[field] = (terms, postings);
            if (postings is null)
            {
                return found;
            }
            var current = -1;
            for (var hit = 0; hit < hits.Count; hit++)
            {
                var local = hits[hit].Local;
                if (current < local)
                {
                    current = postings.Advance(local);
                }
                if (current == DocsAndPositionsEnum.NO_MORE_DOCS)
                {
                    return found;
                }
                if (current != local)
                {
                    continue;
                }
                for (var i = 0; i < postings.Freq; i++)
                {
                    var position = postings.NextPosition();
                    found.Add(new(hit, position, postings.StartOffset, postings.EndOffset));
                }
            }
            return found;
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

    private static List<(int Start, int End)> Merge(List<Match> matches)
    {
        var merged = (t_merged ??= []);
        merged.Clear();
        foreach (var match in matches)
        {
            if (match.Start >= match.End)
            {
                continue;
            }
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, match.End));
            }
            else
            {
                merged.Add((match.Start, match.End));
            }
        }
        return merged;
    }

    [ThreadStatic]
    private static List<(int Start, int End)>? t_merged;

    // One builder per thread, reused: a page renders twenty snippets.
    [ThreadStatic]
    private static StringBuilder? t_html;

    /// <summary>
    /// Picks the window holding the most of the query's different words (then the most matches), widens it to whole
    /// words and marks the matches: for « mobilité solidaire en zone rurale », a passage on a solidarity transport in a
    /// rural area rather than one saying « solidaire » three times.
    /// </summary>
    private static string? Render(string text, List<Match> found)
    {
        // The text may be cut shorter than the body the offsets point into.
        var kept = 0;
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].End <= text.Length)
            {
                found[kept++] = found[i];
            }
        }
        found.RemoveRange(kept, found.Count - kept);
        if (found.Count == 0)
        {
            return null;
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var best = BestWindow(found);
        var matches = Merge(found);
        var window = Window(text, Math.Max(0, found[best].Start - 40), Length);
        var html = (t_html ??= new StringBuilder(Length * 2)).Clear();
        if (window.From > 0 && !EndsSentence(text, window.From))
        {
            html.Append('…');
        }
        var position = window.From;
        foreach (var (start, end) in matches)
        {
            if (start < window.From || end > window.To)
            {
                continue;
            }
            Encode(html, text, position, start);
            html.Append("<mark>");
            Encode(html, text, start, end);
            html.Append("</mark>");
            position = end;
        }
        Encode(html, text, position, window.To);
        if (window.To < text.Length && !EndsSentence(text, window.To))
        {
            html.Append('…');
        }
        return html.ToString();
    }

    /// <summary>
    /// Of the windows that start at a match (in order of start) and hold the matches that follow it up to
    /// <see cref="Length"/> − 40 characters on, the first of those with the most different words, then the most matches.
    /// One pass: the window's end moves on with its start, each word counted as it comes in and goes out (a window
    /// reaches as far as the one before, starting later), not the matches of each window counted again.
    /// </summary>
    internal static int BestWindow(List<Match> found)
    {
        // Matches in the window per word (a query has far fewer than 64), and how many words have some.
        Span<int> inWindow = stackalloc int[64];
        inWindow.Clear();
        var (best, bestWords, bestCount) = (0, 0, 0);
        var (end, different) = (0, 0);
        for (var start = 0; start < found.Count; start++)
        {
            end = Math.Max(end, start);
            while (end < found.Count && found[end].End <= found[start].Start + Length - 40)
            {
                different += inWindow[found[end].Word & 63]++ == 0 ? 1 : 0;
                end++;
            }
            var count = end - start;
            if (different > bestWords || (different == bestWords && count > bestCount))
            {
                (best, bestWords, bestCount) = (start, different, count);
            }
            if (count > 0)
            {
                different -= --inWindow[found[start].Word & 63] == 0 ? 1 : 0;
            }
        }
        return best;
    }

    /// <summary>
    /// About <paramref name="length"/> characters from <paramref name="from"/>, widened to whole words: back to the
    /// start of the first, on to the end of the last (a space is never half of a surrogate pair).
    /// </summary>
    internal static (int From, int To) Window(string text, int from, int length)
    {
        var start = Math.Min(from, text.Length);
        while (start > 0 && !IsSpace(text[start - 1]))
        {
            start--;
        }
        var end = Math.Min(start + length, text.Length);
        while (end < text.Length && !IsSpace(text[end]))
        {
            end++;
        }
        return (start, end);
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\r';

    /// <summary>
    /// Whether the text before <paramref name="at"/> ends a sentence: a passage cut there needs no « … » on that side
    /// (« seule.… » read as a typo).
    /// </summary>
    internal static bool EndsSentence(string text, int at)
    {
        var last = text.AsSpan(0, at).TrimEnd(" \n\t\r");
        return last.IsEmpty || last[^1] is '.' or '!' or '?' or '…';
    }

    // Only the characters HTML gives a meaning to are escaped; accents stay readable in the JSON API.
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'\n");

    internal static void Encode(StringBuilder html, ReadOnlySpan<char> text, int from, int to)
    {
        var rest = text[from..to];
        // Plain runs are copied whole: most of a snippet needs no escape.
        for (var next = rest.IndexOfAny(Escaped); next >= 0; next = rest.IndexOfAny(Escaped))
        {
            html.Append(rest[..next]);
            html.Append(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => " ",
            });
            rest = rest[(next + 1)..];
        }
        html.Append(rest);
    }
}
