using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Querying;

/// <summary>A query word replaced by a close word of the index.</summary>
public sealed record Correction(string From, string To);

/// <summary>
/// A query corrected: its clauses as searched, the words replaced, and the words of French that no case writes, left as
/// typed, each with the closest word of the cases, offered and not searched (« quantique »: « quantité »).
/// </summary>
internal sealed record Corrected(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<Correction> Corrections, IReadOnlyList<Correction> Offered);

/// <summary>
/// Typo tolerance: a query word that matches no case is replaced by the closest word of the index (or of the
/// synonyms file, whose words are searched through their equivalents),
/// within an edit distance that grows with the word's length as the leading engines do (none under 4
/// letters, 1 up to 7, 2 from 8). Words that match, even rarely, are never changed, so exact matches
/// always come first; nor is a word of French that no case writes (<see cref="FrenchDictionary"/>) when the closest word of
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
        // A filler the query leaves out stays as typed: corrected, it became a word to require (« négocient », which no
        // case writes, was « négocié »). One the query keeps (« négocient » alone) is corrected as any word.
        var leftOut = SearchQueryBuilder.FillersLeftOut(clauses, i => terms[i].Length > 0);
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            // The word before as corrected; the word after unless an OR separates them.
            var neighbours = (i > 0 ? terms[i - 1] : [], i + 1 < clauses.Count && !clauses[i + 1].OrWithPrevious ? terms[i + 1] : []);
            var (replacement, kept) = clause is { Kind: ClauseKind.Word, Excluded: false } && !leftOut(i)
                ? Replacement(clause.Text, terms[i], index, vocabulary, analyzer, synonyms, extraEdits, neighbours, places)
                : (null, false);
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
    /// word an expression of the synonyms file wins, else one that begins with the letter typed first, then the most used.
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
        var (nearest, closest) = vocabulary.Value.Nearest(folded, maxEdits + extraEdits);
        // A word of French that no case writes is not replaced, even to make an expression: its closest word is offered. Only
        // when that word is two edits away or more (« quantique », « quantité »): the lexicon holds so many rare forms that one
        // edit off a word of the cases is as often a typo that makes another word (« sevices », « alliace », « mason »).
        var french = !matches && closest > 1 && FrenchDictionary.Contains(folded);
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
            ?? (doubled is not null && FrenchDictionary.Contains(folded) ? doubled.Surface : null)
            ?? (nearest.Count > 0 ? nearest[0].Surface : null);
        return (closestWord, closestWord is not null && french);
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
