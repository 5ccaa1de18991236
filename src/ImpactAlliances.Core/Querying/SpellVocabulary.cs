using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// The words of an index as they are written (with accents), grouped by their folded form, with the
/// number of cases using them: what a misspelt query word is corrected to. Built once per reader.
/// </summary>
internal sealed class SpellVocabulary
{
    private readonly Dictionary<string, Word> _byFolded;
    private readonly Word[][] _byLength;
    private readonly Lazy<Word[]> _sorted;

    /// <summary>A word: folded form, most common written form, number of cases.</summary>
    public sealed record Word(string Folded, string Surface, int Cases)
    {
        /// <summary>The folded form's letters (<see cref="ClosestMatch.Letters"/>).</summary>
        public ulong Letters { get; } = ClosestMatch.Letters(Folded);
    }

    private SpellVocabulary(Dictionary<string, Word> byFolded)
    {
        _byFolded = byFolded;
        var longest = byFolded.Count == 0 ? 0 : byFolded.Keys.Max(k => k.Length);
        _byLength = Enumerable.Range(0, longest + 1)
            .Select(length => byFolded.Values.Where(w => w.Folded.Length == length).ToArray())
            .ToArray();
        _sorted = new(() => [.. byFolded.Values.OrderBy(w => w.Folded, StringComparer.Ordinal)]);
    }

    /// <summary>Reads the vocabulary of the surface field.</summary>
    public static SpellVocabulary Read(IndexReader reader)
    {
        var byFolded = new Dictionary<string, Word>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, CaseStudySchema.Surface)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var surface = terms.Term.Utf8ToString();
            if (!Kept(surface))
            {
                continue;
            }
            var folded = FrenchAnalyzer.FoldAccents(surface);
            var cases = terms.DocFreq;
            byFolded[folded] = byFolded.TryGetValue(folded, out var known)
                ? known with { Surface = known.Cases >= cases ? known.Surface : surface, Cases = Math.Max(known.Cases, cases) }
                : new Word(folded, surface, cases);
        }
        return new SpellVocabulary(byFolded);
    }

    // Words of three letters or more, letters only: what a query word is corrected to.
    private static bool Kept(string surface) => surface.Length >= 3 && surface.All(char.IsLetter);

    /// <summary>
    /// Whether some case writes <paramref name="surface"/> and the vocabulary keeps it under <paramref name="folded"/>: then
    /// <see cref="Contains"/> is true for <paramref name="folded"/>, and one term's look-up said so without the vocabulary.
    /// </summary>
    public static bool Holds(TermContexts index, string surface, string folded) =>
        Kept(surface) && FrenchAnalyzer.FoldAccents(surface) == folded && index.Of(new Term(CaseStudySchema.Surface, surface)).DocFreq > 0;

    /// <summary>Whether the folded word is used by some case.</summary>
    public bool Contains(string folded) => _byFolded.ContainsKey(folded);

    /// <summary>The words longer than <paramref name="prefix"/> that begin with it (folded), in no useful order.</summary>
    public IEnumerable<Word> StartingWith(string prefix)
    {
        var sorted = _sorted.Value;
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(sorted[middle].Folded, prefix) < 0 ? (middle + 1, high) : (low, middle);
        }
        for (var i = low; i < sorted.Length && sorted[i].Folded.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (sorted[i].Folded.Length > prefix.Length)
            {
                yield return sorted[i];
            }
        }
    }

    /// <summary>
    /// The words within <paramref name="maxEdits"/> that need the fewest edits (empty when none), those beginning with the
    /// typed word's first letter first, then those most cases write; and that number of edits (<paramref name="maxEdits"/> + 1
    /// when none).
    /// </summary>
    /// <remarks>
    /// Kept for the vocabulary's life (one snapshot's), for up to <see cref="TermAnalysis.MaxKept"/> words of up to
    /// <see cref="TermAnalysis.MaxKeptLength"/> letters, as the words' analysis is: a misspelt word or one no case writes comes
    /// back search after search, and each time its pass over the vocabulary was worked out again (about 0.8 % of an uncached
    /// API request's CPU under the benchmark's mix). The same list is given again; no caller changes it.
    /// </remarks>
    public (IReadOnlyList<Word> Words, int Edits) Nearest(string folded, int maxEdits)
    {
        var reach = Reach(folded, maxEdits);
        return (reach.Nearest, reach.Edits);
    }

    /// <summary>
    /// Every word within <paramref name="maxEdits"/>, with its edits: the fewest edits first, then in the order of
    /// <see cref="Nearest"/> (whose words come first). Kept with them, from the same pass over the vocabulary.
    /// </summary>
    public IReadOnlyList<(Word Word, int Edits)> Within(string folded, int maxEdits) => Reach(folded, maxEdits).Within;

    private Reached Reach(string folded, int maxEdits) =>
        _reached.GetOrKeep((folded, maxEdits), static (key, vocabulary) => vocabulary.WorkOutReach(key), this, TermAnalysis.Keeps(folded));

    private readonly BoundedCache<(string Folded, int MaxEdits), Reached> _reached = new(TermAnalysis.MaxKept);

    private sealed record Reached(IReadOnlyList<Word> Nearest, int Edits, IReadOnlyList<(Word Word, int Edits)> Within);

    /// <summary>How many words' nearest words are kept now (<see cref="Nearest"/>).</summary>
    internal int KeptNearest => _reached.Count;

    private Reached WorkOutReach((string Folded, int MaxEdits) key)
    {
        var (folded, maxEdits) = key;
        // A typo seldom falls on the first letter (Lucene's spell checker asks for it to be shared): of equally close
        // words, those that begin as the word typed come first (« polution »: « pollution », not « solution »).
        var within = Reachable(folded, maxEdits)
            .Select(w => (Word: w, Edits: ClosestMatch.Distance(folded, w.Folded, maxEdits)))
            .Where(w => w.Edits <= maxEdits)
            .OrderBy(w => w.Edits)
            .ThenByDescending(w => folded.Length > 0 && w.Word.Folded[0] == folded[0])
            .ThenByDescending(w => w.Word.Cases)
            .ToList();
        var edits = within.Count > 0 ? within[0].Edits : maxEdits + 1;
        return new([.. within.TakeWhile(w => w.Edits == edits).Select(w => w.Word)], edits, within);
    }

    // Only the words whose length and letters are within reach: none of the others can be.
    private IEnumerable<Word> Reachable(string folded, int maxEdits)
    {
        var letters = ClosestMatch.Letters(folded);
        for (var length = Math.Max(0, folded.Length - maxEdits); length <= folded.Length + maxEdits && length < _byLength.Length; length++)
        {
            foreach (var word in _byLength[length])
            {
                if (ClosestMatch.MayBeWithin(letters, word.Letters, maxEdits))
                {
                    yield return word;
                }
            }
        }
    }
}
