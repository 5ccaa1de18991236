using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Querying;

/// <summary>A query word replaced by a close word of the index.</summary>
public sealed record Correction(string From, string To);

/// <summary>
/// A query corrected: its clauses as searched, the words replaced, and the words of French that no case writes, left as
/// typed, each with the closest word of the cases, offered and not searched (« quantique »: « quantité »); and whether the
/// query, a question in English with words no case writes, was left as typed (<see cref="QueryLanguage"/>).
/// </summary>
internal sealed record Corrected(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<Correction> Corrections, IReadOnlyList<Correction> Offered, bool English = false);

/// <summary>
/// Typo tolerance: a query word that matches no case is replaced by the closest word of the index (or of the
/// synonyms file, whose words are searched through their equivalents),
/// within an edit distance that grows with the word's length as the leading engines do (none under 4
/// letters, 1 up to 7, 2 from 8). Words that match, even rarely, are never changed, so exact matches
/// always come first; nor is a word of French that no case writes (<see cref="Lexicon.French"/>) when the closest word of
/// the cases is two edits away: « quantique » is no typo of « quantité », whose cases would be shown for it. Its closest word
/// is only offered (<see cref="Corrected.Offered"/>). One edit away, it is corrected as any word (« sevices »: « services »).
/// </summary>
internal static class QueryCorrector
{
    /// <summary>Edits allowed for a word of this length.</summary>
    public static int MaxEdits(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;

    public static Corrected Correct(
        IReadOnlyList<QueryClause> clauses, TermContexts index, Lazy<SpellVocabulary> vocabulary, Analyzer analyzer, SynonymSet synonyms, int extraEdits = 0,
        QueryVocabulary? places = null)
    {
        var corrections = new List<Correction>();
        var offered = new List<Correction>();
        var corrected = new List<QueryClause>(clauses.Count);
        // Each plain word analysed once: as itself, and as the neighbour of the words on either side.
        var terms = clauses.Select(c => c is { Kind: ClauseKind.Word, Excluded: false } ? TermAnalysis.Terms(analyzer, c.Text) : []).ToList();
        // A question in English is not French with typos: its words that the cases write match as typed, the others are
        // searched as typed too, and the page says the cases are written in French. The language is read only when some word
        // matches no case: the word lists are loaded then, and only then has the page something to say.
        if (terms.Any(t => t.Length > 0 && !Matches(t, index)) && QueryLanguage.IsEnglish(clauses))
        {
            return new Corrected(clauses, [], [], English: true);
        }
        // A filler the query leaves out stays as typed: corrected, it became a word to require (« négocient », which no
        // case writes, was « négocié »). One the query keeps (« négocient » alone) is corrected as any word.
        var leftOut = SearchQueryBuilder.FillersLeftOut(clauses, i => terms[i].Length > 0);
        // A word typed twice is judged once: judged again, its second copy reads the first, corrected, as its neighbour
        // (« économie circulère circulère » became « économie circulaire circuler »).
        var judged = new Dictionary<string, (string? Word, bool Kept)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            // The word before as corrected; the word after unless an OR separates them.
            var neighbours = (i > 0 ? terms[i - 1] : [], i + 1 < clauses.Count && !clauses[i + 1].OrWithPrevious ? terms[i + 1] : []);
            var plain = clause is { Kind: ClauseKind.Word, Excluded: false } && !leftOut(i);
            var completion = plain && i == clauses.Count - 1 ? Completion(clause.Text, terms, i, index, vocabulary, analyzer) : null;
            var (replacement, kept) = completion is not null ? (completion, false)
                : !plain ? (null, false)
                : judged.TryGetValue(clause.Text, out var earlier) ? earlier
                : judged[clause.Text] = Replacement(clause.Text, terms[i], index, vocabulary, analyzer, synonyms, extraEdits, neighbours, places);
            if (kept)
            {
                offered.Add(new Correction(clause.Text, AsTyped(clause.Text, replacement!)));
                replacement = null;
            }
            if (replacement is null)
            {
                corrected.Add(clause);
                continue;
            }
            replacement = AsTyped(clause.Text, replacement);
            corrections.Add(new Correction(clause.Text, replacement));
            corrected.Add(clause with { Text = replacement });
            terms[i] = TermAnalysis.Terms(analyzer, replacement);
        }
        return new Corrected(corrected, corrections, offered);
    }

    /// <summary>
    /// A correction written the way its word was typed, so that the query shown back reads as the person wrote it: the
    /// elided article kept (« l'ilettrisme »: « l'illettrisme »), and the capitals (« Bretange »: « Bretagne »; « ARSS »: « ARS »).
    /// </summary>
    internal static string AsTyped(string typed, string replacement)
    {
        var apostrophe = typed.LastIndexOfAny(['\'', '’']);
        var elided = apostrophe >= 0 && apostrophe < typed.Length - 1 ? typed[..(apostrophe + 1)] : "";
        var word = typed[elided.Length..];
        var letters = word.Where(char.IsLetter).ToList();
        var written = letters.Count > 1 && letters.All(char.IsUpper) ? replacement.ToUpperInvariant()
            : letters.Count > 0 && char.IsUpper(letters[0]) ? string.Concat(replacement[..1].ToUpperInvariant(), replacement.AsSpan(1))
            : replacement;
        return elided + written;
    }

    /// <summary>Whether a word (as typed) matches some case once analysed.</summary>
    public static bool Matches(string word, TermContexts index, Analyzer analyzer) => Matches(TermAnalysis.Terms(analyzer, word), index);

    // The snapshot's kept look-ups, not the reader's: each of the reader's walks the terms dictionary with a new enumerator.
    private static bool Matches(string[] terms, TermContexts index) =>
        terms.Length != 1 || CaseStudySchema.TextFields.Keys.Any(field => index.Of(new Term(field, terms[0])).DocFreq > 0);

    /// <summary>
    /// The word a query word is corrected to, or null; or, when <c>Kept</c>, the closest word to offer for a word of French
    /// that no case writes, which is not replaced. Of equally close words, the one that makes with a neighbouring
    /// word an expression of the synonyms file wins; else, of the words within reach, the one the cases write beside a
    /// neighbouring word (<see cref="WrittenBeside"/>); else one that begins with the letter typed first, then the most used.
    /// A word that no case writes but whose stem another word gives (« aidents » is stemmed as the verb « aident ») is
    /// corrected only to such an expression (« aidents familiaux »: « aidants familiaux »), or to the name of a place that the
    /// query's words can name (<paramref name="places"/>): « Guadeloup », « Marseile », « Bretagn » are stemmed as the place's
    /// name is, so that the cases writing it were found, but the place was not understood (its cases, its filter).
    /// </summary>
    private static (string? Word, bool Kept) Replacement(string word, string[] own, TermContexts index, Lazy<SpellVocabulary> vocabulary, Analyzer analyzer, SynonymSet synonyms,
        int extraEdits, (string[] Before, string[] After) neighbours, QueryVocabulary? places)
    {
        var folded = SearchQueryBuilder.FoldPrefix(word);
        var maxEdits = MaxEdits(folded.Length);
        // An acronym of the synonyms file (SIAE) is a word the search knows, even if no case writes it.
        if (maxEdits == 0 || !folded.All(char.IsLetter) || synonyms.Match(own, 0, out _).Count > 0)
        {
            return (null, false);
        }
        var matches = Matches(own, index);
        // Most words are written as typed by some case: that look-up first, before the place's key is made. The place must be
        // the nearest word by the vocabulary's own order (the letter typed first, then the most used): any place among equally
        // close words made of « zonne » the Yonne, not the « zone » that begins as typed and that far more cases write.
        if (matches && places is not null && !Written(word, folded, index, vocabulary) && !places.NamesPlace(word)
            && vocabulary.Value.Nearest(folded, maxEdits).Words is [var place, ..] && places.NamesPlace(place.Surface))
        {
            return (place.Surface, false);
        }
        // Looking for a close word costs a pass over the vocabulary: for a word that matches, only when a neighbour
        // belongs to an expression of several words and no case writes the word as typed.
        if (matches && (!neighbours.Before.Concat(neighbours.After).Any(synonyms.InPhrase)
            || Written(word, folded, index, vocabulary) || MakesExpression(own, neighbours, synonyms)))
        {
            return (null, false);
        }
        // Whether the word is French, read once and only where it decides: the list is loaded on the first word that asks.
        bool? frenchRead = null;
        bool IsFrench() => frenchRead ??= Lexicon.French.Contains(folded);
        // A bolder correction (the empty result's) reaches one edit further only for a word that is not French: a word of
        // French is meant as typed, and a word three edits away changes its meaning (« xylophone », « téléphone »).
        var reach = maxEdits + (extraEdits > 0 && !IsFrench() ? extraEdits : 0);
        var (nearest, closest) = vocabulary.Value.Nearest(folded, reach);
        // A word of French that no case writes is not replaced, even to make an expression: its closest word is offered. Only
        // when that word is two edits away or more (« quantique », « quantité »): the lexicon holds so many rare forms that one
        // edit off a word of the cases is as often a typo that makes another word (« sevices », « alliace », « mason »).
        var french = !matches && closest > 1 && IsFrench();
        if (!french && (neighbours.Before.Length > 0 || neighbours.After.Length > 0) && (matches || nearest.Count > 1))
        {
            foreach (var candidate in nearest)
            {
                if (MakesExpression(TermAnalysis.Terms(analyzer, candidate.Surface), neighbours, synonyms))
                {
                    return (candidate.Surface, false);
                }
            }
        }
        if (matches)
        {
            return (null, false);
        }
        // A word of the synonyms file that no case writes (« endettées ») is searched through its equivalents: it wins
        // when it is closer than every word of the cases. A word of French one edit from several words of the cases was most
        // likely typed with a letter doubled or not, French spelling's commonest slip: « muse » is « musée », not « mise »;
        // « crisse » is « crise », not « caisse ».
        var doubled = nearest.FirstOrDefault(w => OneLetterDoubled(folded, w.Folded));
        var closestWord = synonyms.NearestWord(folded, closest - 1)
            ?? WrittenBeside(folded, vocabulary.Value.Within(folded, reach), closest, neighbours, index, analyzer)
            ?? (doubled is not null && IsFrench() ? doubled.Surface : null)
            ?? (nearest.Count > 0 ? nearest[0].Surface : null);
        return (closestWord, closestWord is not null && french);
    }

    /// <summary>The fewest letters of a last word that is completed (<see cref="Completion"/>): the vocabulary's shortest words.</summary>
    private const int MinCompleted = 3;

    /// <summary>
    /// The word that a query's last word, which no case writes, begins and that the cases most write after the word before it
    /// (a word that only links them, left out, kept as the gap between them), when <see cref="PairCases"/> cases do: a query
    /// sent while its last word was still being typed. « mécénat de comp » is « mécénat de compétences », which many cases
    /// write, not « mécénat de coup », one edit away and never written so; a word no case writes beside the one before is
    /// left to the corrector. A prefix searched as such (« comp* ») would find every « compagnie » and « comptes » too.
    /// </summary>
    private static string? Completion(string word, List<string[]> terms, int at, TermContexts index, Lazy<SpellVocabulary> vocabulary, Analyzer analyzer)
    {
        var folded = SearchQueryBuilder.FoldPrefix(word);
        if (folded.Length < MinCompleted || !folded.All(char.IsLetter) || Matches(terms[at], index))
        {
            return null;
        }
        var before = at - 1;
        while (before >= 0 && terms[before].Length == 0)
        {
            before--;
        }
        if (before < 0)
        {
            return null;
        }
        var previous = terms[before][^1];
        var heldBefore = HeldBy(index, previous);
        string? best = null;
        var bestCases = PairCases - 1;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in vocabulary.Value.StartingWith(folded))
        {
            if (TermAnalysis.Terms(analyzer, candidate.Surface) is not [var first, ..] || !counted.Add(first)
                || Math.Min(heldBefore, HeldBy(index, first)) <= bestCases)
            {
                continue;
            }
            var cases = CasesWriting(index, previous, first, at - before);
            if (cases > bestCases)
            {
                (best, bestCases) = (candidate.Surface, cases);
            }
        }
        return best;
    }

    /// <summary>How many cases must write a word beside a neighbour for that to count (<see cref="WrittenBeside"/>).</summary>
    internal const int PairCases = 2;

    /// <summary>How many times fewer cases a word one edit nearer must write beside the neighbours to win (<see cref="WrittenBeside"/>).</summary>
    internal const int PairsPerEdit = 4;

    /// <summary>
    /// Of the words within reach of a misspelt one, the one the cases most write beside a neighbouring word of the query, or
    /// null when none is written so by <see cref="PairCases"/> cases: « économie circulère » is « économie circulaire », two
    /// edits away, which 23 cases write, not « circuler », one edit away, which none writes after « économie »; « jardin
    /// partgé » is « jardin partagé », not « partie », which more cases write but none after « jardin ». Each edit more than
    /// the nearest words need divides a word's count by <see cref="PairsPerEdit"/>; a word no case writes beside its
    /// neighbours, or typed alone, goes to its nearest word. Pairs, not cases holding both words: a common word shares
    /// cases with any neighbour (« partie », which no case writes after « jardin », shares 7 cases with it). Pairs of terms
    /// as searched, so that « jardins partagés » counts for « jardin partgé ».
    /// </summary>
    private static string? WrittenBeside(string folded, IReadOnlyList<(SpellVocabulary.Word Word, int Edits)> within, int closest, (string[] Before, string[] After) neighbours,
        TermContexts index, Analyzer analyzer)
    {
        var (before, after) = neighbours;
        if (before.Length == 0 && after.Length == 0)
        {
            return null;
        }
        // A typo seldom falls on the first letter: when some word within reach begins as typed, only those count, as they
        // come first among the nearest (« acteurs socaux » is « acteurs sociaux », though more cases write « acteurs locaux »).
        var firstTyped = within.Any(w => w.Word.Folded[0] == folded[0]);
        string? best = null;
        var bestScore = 0.0;
        // Words searched as the same terms (« inclusif », « inclusive », « inclusifs ») are written beside the neighbours as
        // often: the first, the nearest, is the one counted.
        var counted = new HashSet<(string, string)>();
        foreach (var (word, edits) in within)
        {
            var terms = TermAnalysis.Terms(analyzer, word.Surface);
            if (terms.Length == 0 || (firstTyped && word.Folded[0] != folded[0]) || !counted.Add((terms[0], terms[^1])))
            {
                continue;
            }
            // Counted only when the cases holding the words could write them beside each other often enough to win: most words
            // within reach of a long one are rare, and a count is a search.
            var weight = Math.Pow(PairsPerEdit, edits - closest);
            var (first, last) = (terms[0], terms[^1]);
            var most = (before.Length > 0 ? Math.Min(HeldBy(index, before[^1]), HeldBy(index, first)) : 0)
                + (after.Length > 0 ? Math.Min(HeldBy(index, last), HeldBy(index, after[0])) : 0);
            if (most < PairCases || most / weight <= bestScore)
            {
                continue;
            }
            var pairs = (before.Length > 0 ? CasesWriting(index, before[^1], first) : 0)
                + (after.Length > 0 ? CasesWriting(index, last, after[0]) : 0);
            if (pairs >= PairCases && pairs / weight > bestScore)
            {
                (best, bestScore) = (word.Surface, pairs / weight);
            }
        }
        return best;
    }

    /// <summary>At least as many as the cases holding the term in a text field (the sum of the fields' counts), from the kept look-ups.</summary>
    private static int HeldBy(TermContexts index, string term) => CaseStudySchema.TextFields.Keys.Sum(field => index.Of(new Term(field, term)).DocFreq);

    /// <summary>
    /// How many cases write the two terms one after the other in a text field (<paramref name="distance"/> positions apart: 2
    /// across a word the analysis leaves out), as a phrase of the two would find them: read
    /// from their positions, through the snapshot's kept look-ups and without offsets, where a phrase query's weights,
    /// scorers and look-ups of every field cost a search each.
    /// </summary>
    private static int CasesWriting(TermContexts index, string first, string second, int distance = 1)
    {
        var cases = 0;
        foreach (var leaf in index.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            FixedBitSet? writing = null;
            foreach (var field in CaseStudySchema.TextFields.Keys)
            {
                var (a, b) = (new Term(field, first), new Term(field, second));
                if (index.Of(a).Get(leaf.Ord) is not { } atA || index.Of(b).Get(leaf.Ord) is not { } atB)
                {
                    continue;
                }
                var terms = reader.GetTerms(field).GetEnumerator();
                terms.SeekExact(a.Bytes, atA);
                var before = terms.DocsAndPositions(reader.LiveDocs, null, DocsAndPositionsFlags.NONE);
                terms.SeekExact(b.Bytes, atB);
                var after = terms.DocsAndPositions(reader.LiveDocs, null, DocsAndPositionsFlags.NONE);
                for (var doc = before.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;)
                {
                    // An enumerator is only ever moved forward: past the document, it stays.
                    var other = after.DocID < doc ? after.Advance(doc) : after.DocID;
                    if (other != doc)
                    {
                        doc = other == DocIdSetIterator.NO_MORE_DOCS ? other : before.Advance(other);
                        continue;
                    }
                    if (Adjacent(before, after, distance))
                    {
                        (writing ??= new FixedBitSet(reader.MaxDoc)).Set(doc);
                    }
                    doc = before.NextDoc();
                }
            }
            cases += writing?.Cardinality ?? 0;
        }
        return cases;
    }

    /// <summary>Whether the second enumerator's term stands <paramref name="distance"/> positions after the first's somewhere in the document both are on.</summary>
    private static bool Adjacent(DocsAndPositionsEnum first, DocsAndPositionsEnum second, int distance)
    {
        var (left, right) = (first.Freq - 1, second.Freq - 1);
        var (at, next) = (first.NextPosition(), second.NextPosition());
        while (next != at + distance)
        {
            if (next < at + distance && right-- > 0)
            {
                next = second.NextPosition();
            }
            else if (next > at + distance && left-- > 0)
            {
                at = first.NextPosition();
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether two words differ only by one letter doubled in one of them (« collocation », « colocation »).</summary>
    internal static bool OneLetterDoubled(string a, string b)
    {
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        if (longer.Length != shorter.Length + 1)
        {
            return false;
        }
        var at = 0;
        while (at < shorter.Length && longer[at] == shorter[at])
        {
            at++;
        }
        // The letter the longer word has more stands beside the same letter, and the rest is the same.
        return at > 0 && longer[at] == longer[at - 1] && longer.AsSpan(at + 1).SequenceEqual(shorter.AsSpan(at));
    }

    /// <summary>
    /// Whether some case writes the word, accents aside (<see cref="SpellVocabulary.Contains"/>). A word written as typed by
    /// some case, or as typed without its accents, is one term of the surface field: its look-up answers without the
    /// spelling words, which the first search after a start would otherwise wait for while they are read (BENCHMARKS.md,
    /// thirtieth session). Only a word no case writes so is looked for among their folded forms.
    /// </summary>
    private static bool Written(string word, string folded, TermContexts index, Lazy<SpellVocabulary> vocabulary)
    {
        var lowered = SearchQueryBuilder.ElidedWord(word.Replace('’', '\'').ToLowerInvariant());
        return SpellVocabulary.Holds(index, lowered, folded) || SpellVocabulary.Holds(index, folded, folded) || vocabulary.Value.Contains(folded);
    }

    /// <summary>Whether an expression of the synonyms file spans the word's terms and one of its neighbours'.</summary>
    private static bool MakesExpression(string[] own, (string[] Before, string[] After) neighbours, SynonymSet synonyms)
    {
        var (before, after) = neighbours;
        var terms = before.Concat(own).Concat(after).ToList();
        for (var start = 0; start <= before.Length; start++)
        {
            synonyms.Match(terms, start, out var length);
            // The expression reaches the word, and a neighbour: it starts before the word or goes past it.
            if (length > 0 && start + length > before.Length && (start < before.Length || length > own.Length))
            {
                return true;
            }
        }
        return false;
    }
}
