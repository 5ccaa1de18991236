using System.Buffers;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
namespace ImpactAlliances.Core.Search;

/// <summary>What a suggestion points to.</summary>
public enum SuggestionKind
{
    /// <summary>A facet value: leads to the filtered search.</summary>
    Facet,
    /// <summary>A case title: leads to the case.</summary>
    Case,
    /// <summary>An organisation name: leads to a search for it.</summary>
    Organisation,
    /// <summary>A commune where cases are placed: its name replaces the words it completes in the search text.</summary>
    Commune,
    /// <summary>A phrase two cases or more write (« mécénat de compétences »): leads to a search for it.</summary>
    Phrase,
}

/// <summary>One suggestion as you type.</summary>
/// <param name="Kind">Facet value, case, organisation, commune or phrase.</param>
/// <param name="Label">What is shown.</param>
/// <param name="Facet">The facet's label, for a facet value; null otherwise.</param>
/// <param name="Count">The cases it would find: a facet value's or an organisation's, the cases placed in a commune or writing a phrase; 1 for a case.</param>
/// <param name="Key">The case slug, the facet key, the organisation name, the commune's INSEE code, or the phrase.</param>
/// <param name="Value">The facet value; null otherwise.</param>
public sealed record Suggestion(SuggestionKind Kind, string Label, string? Facet, int Count, string Key, string? Value)
{
    /// <summary>
    /// The words typed before the ones this suggestion completes ("mobilité" in "mobilité bret" completed
    /// by Bretagne): choosing a facet keeps them as the search text and adds the filter.
    /// </summary>
    public string Remainder { get; init; } = "";

    /// <summary>
    /// A commune's département, when another commune where cases are placed bears its name (Saint-Denis in
    /// Seine-Saint-Denis and in La Réunion); null otherwise.
    /// </summary>
    public string? Within { get; init; }

    /// <summary>
    /// Whether <see cref="Count"/> is an estimate: a phrase's, in a build that read only some of its cases to count them
    /// (<see cref="PhraseTable.Estimated"/>); the box says « environ ».
    /// </summary>
    public bool Estimated { get; init; }
}

/// <summary>
/// Case titles, organisation names, facet values, the communes cases are placed in and the phrases cases write, indexed by the folded
/// words they contain, so that each keystroke is a binary search. Built once per reader, on first use.
/// </summary>
internal sealed class SuggestionIndex
{
    private const int MaxScanned = 2_000;
    private readonly Entry[] _entries;
    private readonly (string Word, int Entry)[] _words;

    /// <param name="Forms">The label folded, then, for a phrase, its other spellings folded (« jardins partagés » of « jardin partagé »).</param>
    private sealed record Entry(Suggestion Suggestion, string[] Forms, string[] Words, int Weight)
    {
        public string Folded => Forms[0];

        /// <summary>A facet value or a commune: what the words typed before it may be searched beside (« emploi à »).</summary>
        public bool IsValueOrPlace => Suggestion.Kind is SuggestionKind.Facet or SuggestionKind.Commune;
    }

    private SuggestionIndex(List<Entry> entries)
    {
        _entries = [.. entries];
        _words = _entries.SelectMany((e, i) => e.Words.Distinct().Select(w => (w, i)))
            .OrderBy(p => p.w, StringComparer.Ordinal).ThenBy(p => p.i).ToArray();
    }

    public static SuggestionIndex Build(IndexSnapshot snapshot, IReadOnlyList<FacetResult> facets)
    {
        var entries = new List<Entry>();
        foreach (var facet in facets)
        {
            foreach (var value in facet.Values.Where(v => v.Count > 0))
            {
                entries.Add(Make(new Suggestion(SuggestionKind.Facet, value.Label, facet.Label, value.Count, facet.Key, value.Value), value.Count));
            }
        }
        var organisations = new List<IReadOnlyList<string>>();
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }
                var hit = snapshot.Display(leaf.DocBase + doc);
                entries.Add(Make(new Suggestion(SuggestionKind.Case, hit.Title, null, 1, hit.Slug, null), 1));
                organisations.Add(hit.Organisations);
            }
        }
        foreach (var (name, count) in OrganisationCounts(organisations))
        {
            entries.Add(Make(new Suggestion(SuggestionKind.Organisation, name, null, count, name, null), count));
        }
        entries.AddRange(CommuneCounts(snapshot.Reader, PlaceGazetteer.Official, facets)
            .Select(c => Make(new Suggestion(SuggestionKind.Commune, c.Commune.Name, null, c.Cases, c.Commune.Code, null) { Within = c.Within }, c.Cases)));
        // A phrase that is already a line (a case's title, a facet value, an organisation or a commune: « économie circulaire »)
        // would be the same words twice.
        var named = entries.Select(e => e.Folded).ToHashSet(StringComparer.Ordinal);
        var phrases = PhraseTable.Of(snapshot.Reader);
        entries.AddRange(phrases.Phrases
            .Select(p => Make(new Suggestion(SuggestionKind.Phrase, p.Text, null, p.Cases, p.Text, null) { Estimated = phrases.Estimated }, p.Cases, p.Forms))
            .Where(e => !e.Forms.Any(named.Contains)));
        return new SuggestionIndex(entries);
    }

    /// <summary>
    /// Each commune where cases are placed, with the number of cases placed in it (its code in the index, not its
    /// département's), and its département's name when another of them bears its name. A commune that is also a
    /// département of the same name, offered as such (Paris), is left out: the département is the same place.
    /// </summary>
    private static IEnumerable<(Place Commune, int Cases, string? Within)> CommuneCounts(IndexReader reader, PlaceGazetteer gazetteer,
        IReadOnlyList<FacetResult> facets)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var live = MultiFields.GetLiveDocs(reader);
        DocsEnum? docs = null;
        foreach (var (code, term) in QueryVocabulary.PlaceCodes(reader, Place.CommuneCode("")))
        {
            docs = term.Docs(live, docs, DocsFlags.NONE);
            var cases = 0;
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                cases++;
            }
            if (cases > 0)
            {
                counts[code] = cases;
            }
        }
        var departments = facets.FirstOrDefault(f => f.Key == CaseStudySchema.Departments.Key)?.Values
            .Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Label, StringComparer.Ordinal) ?? [];
        var communes = gazetteer.Places
            .Where(p => p.Kind == PlaceKind.Commune && counts.ContainsKey(p.Code)
                && !(departments.TryGetValue(p.Department, out var department) && PlaceGazetteer.Key(department) == p.Key))
            .ToList();
        var homonyms = communes.GroupBy(p => p.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return communes.Select(p => (p, counts[p.Code],
            homonyms.Contains(p.Key) ? gazetteer.Department(p.Department)?.Name : null));
    }

    /// <summary>
    /// Each organisation once, with the number of cases naming it: names that differ only by case or accents
    /// (« Française des jeux », « Française des Jeux ») are one, and so is a name followed by what its case adds in
    /// brackets when the name alone is an organisation too (« Fondation de France (fondation abritante) »): the
    /// search a suggestion leads to, the name as a phrase, finds them all. Each is shown as most cases write it.
    /// </summary>
    internal static IEnumerable<(string Name, int Cases)> OrganisationCounts(IEnumerable<IReadOnlyList<string>> casesNames)
    {
        var cases = casesNames.ToList();
        var known = cases.SelectMany(names => names).Select(FrenchAnalyzer.FoldLower).ToHashSet(StringComparer.Ordinal);
        string Key(string folded)
        {
            var bracket = folded.LastIndexOf(" (", StringComparison.Ordinal);
            return bracket > 0 && folded.EndsWith(')') && known.Contains(folded[..bracket]) ? folded[..bracket] : folded;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var names in cases)
        {
            var keyed = names.Select(name =>
            {
                var folded = FrenchAnalyzer.FoldLower(name);
                return (Name: name, Folded: folded, Key: Key(folded));
            }).ToList();
            foreach (var key in keyed.Select(k => k.Key).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            // Shown as the name itself is written, never with the brackets of one case.
            foreach (var (name, _, key) in keyed.Where(k => k.Key == k.Folded))
            {
                var forKey = spellings.TryGetValue(key, out var found) ? found : spellings[key] = new(StringComparer.Ordinal);
                forKey[name] = forKey.GetValueOrDefault(name) + 1;
            }
        }
        return counts.Select(c => (spellings[c.Key].MaxBy(s => (s.Value, s.Key)).Key, c.Value));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> suggestions whose words start with the typed words; then, for several
    /// words, those completing the last words alone, the earlier ones kept as <see cref="Suggestion.Remainder"/>
    /// (only facet values and communes where a linking word joins the last words to the earlier ones: « emploi à Mars »).
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int limit)
    {
        typed = WithoutShortLastWord(typed);
        var typedWords = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Each word with the typed word it is part of: « Saint-Ét » and « l'école » are two words of one.
        var split = typedWords.SelectMany((word, at) => WordsOf(FrenchAnalyzer.FoldLower(word)).Select(folded => (Folded: folded, Typed: at))).ToArray();
        var words = split.Select(w => w.Folded).ToArray();
        if (words.Length == 0 || words[^1].Length < 2 && words.Length == 1)
        {
            return [];
        }
        var suggestions = new List<Suggestion>();
        for (var from = 0; from < words.Length && suggestions.Count < limit; from++)
        {
            var remainder = string.Join(' ', typedWords.Take(split[from].Typed));
            // Words joined by a word that only links them (« de » of « mécénat de comp ») are one name being typed: a case
            // or an organisation completing its end alone (« Ville de Compiègne ») ignores the words before it. A facet
            // value is still offered, as a filter beside them (« associations en bret »: Bretagne), and so is a commune, the place
            // of the words before it (« emploi des jeunes à Mars »: Marseille).
            var linked = from > 0 && (FrenchAnalyzer.IsStopWord(words[from]) || FrenchAnalyzer.IsStopWord(words[from - 1]));
            var phraseRoom = limit / 2 - suggestions.Count(s => s.Kind == SuggestionKind.Phrase);
            foreach (var suggestion in Completing(words[from..], limit - suggestions.Count, phraseRoom, valuesAndPlacesOnly: linked))
            {
                if (suggestions.All(s => s.Key != suggestion.Key || s.Value != suggestion.Value || s.Kind != suggestion.Kind))
                {
                    suggestions.Add(from == 0 ? suggestion : suggestion with { Remainder = remainder });
                }
            }
        }
        return suggestions;
    }

    /// <summary>
    /// The text without its last word when that is shorter than <see cref="MinLastWord"/> letters (« emploi j », « emploi d' »):
    /// a letter starts a word of most facet values, cases and organisations, which came before those of the words typed.
    /// </summary>
    private static string WithoutShortLastWord(string typed)
    {
        var end = typed.AsSpan().LastIndexOfAnyExcept(SeparatorValues) + 1;
        var start = typed.AsSpan(0, end).LastIndexOfAny(SeparatorValues) + 1;
        return FrenchAnalyzer.FoldLower(typed[start..end]).Length < MinLastWord ? typed[..start] : typed;
    }

    private const int MinLastWord = 2;

    /// <summary>
    /// The entries completing <paramref name="words"/>, best first: those whose text starts with the words (a phrase completing
    /// « mécénat de comp » before a case whose title merely holds « compétences »), then facet values and communes, then by the
    /// cases each would find (a phrase two cases write before a case's title), shorter first. At most <paramref name="phraseRoom"/>
    /// phrases: the other kinds keep half the list (« mobi » completes a dozen phrases of « mobilité »).
    /// </summary>
    private IEnumerable<Suggestion> Completing(string[] words, int limit, int phraseRoom, bool valuesAndPlacesOnly = false)
    {
        var last = words[^1];
        var start = LowerBound(last);
        var candidates = new HashSet<int>();
        for (var i = start; i < _words.Length && i - start < MaxScanned && _words[i].Word.StartsWith(last, StringComparison.Ordinal); i++)
        {
            candidates.Add(_words[i].Entry);
        }
        var folded = string.Join(' ', words);
        return candidates
            .Select(i => _entries[i])
            .Where(e => !valuesAndPlacesOnly || e.IsValueOrPlace)
            .Where(e => words[..^1].All(w => e.Words.Any(x => x.StartsWith(w, StringComparison.Ordinal))))
            .OrderByDescending(e => e.Forms.Any(f => f.StartsWith(folded, StringComparison.Ordinal)))
            .ThenByDescending(e => e.IsValueOrPlace)
            .ThenByDescending(e => e.Weight)
            .ThenBy(e => e.Suggestion.Label.Length)
            .ThenBy(e => e.Folded, StringComparer.Ordinal)
            .Where(e => e.Suggestion.Kind != SuggestionKind.Phrase || phraseRoom-- > 0)
            .Take(limit)
            .Select(e => e.Suggestion);
    }

    private int LowerBound(string prefix)
    {
        var (low, high) = (0, _words.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_words[middle].Word, prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static Entry Make(Suggestion suggestion, int weight, IReadOnlyList<string>? otherForms = null)
    {
        string[] forms = [FrenchAnalyzer.FoldLower(suggestion.Label), .. otherForms ?? []];
        return new Entry(suggestion, forms, [.. forms.SelectMany(WordsOf).Distinct(StringComparer.Ordinal)], weight);
    }

    private static string[] WordsOf(string folded) => folded.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    // ’ is folded to ' before the split, but not in the text typed.
    private static readonly char[] Separators = [' ', '\'', '’', '-', ',', '.', ':', ';', '(', ')', '«', '»', '"', '/', '&'];
    private static readonly SearchValues<char> SeparatorValues = SearchValues.Create(Separators);
}
