using System.Collections.Concurrent;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Querying;

/// <summary>Something a run of query words names, beyond the words themselves.</summary>
public abstract record Concept;

/// <summary>A facet value named by its label or one of its terms ("coopération économique", "mairie").</summary>
internal sealed record FacetConcept(string Facet, string Value) : Concept
{
    /// <summary>
    /// Named by one of the value's terms (« aide alimentaire », « sans-abri » for pauvreté-exclusion), not by its label or a
    /// part of it (« pauvreté »): a term can say less than the value.
    /// </summary>
    public bool ByTerm { get; init; }
}

/// <summary>A region, département or commune named in the query ("à Lille", "en Occitanie").</summary>
internal sealed record PlaceConcept(Place Place) : Concept
{
    /// <summary>
    /// The départements of the place's region outside the place (none for a region of today): a case placed only in them is
    /// not in the place, though the region's code is among its own.
    /// </summary>
    public IReadOnlyList<string> Elsewhere { get; init; } = [];

    /// <summary>
    /// The place's name is an article and one word (« La Réunion », « Le Port », « Le Tampon »): that word alone is as often
    /// the common noun (« réunion publique », « port de pêche »), so that the place is meant only with its article or a capital.
    /// </summary>
    public bool NamedWithArticle { get; init; }

    /// <summary>
    /// A département's number opening the query before a plural noun (« 50 familles », « 93 jeunes »): as often the count of
    /// what follows as the département, and nothing in the query tells them apart. Ranked first, not required.
    /// </summary>
    public bool MaybeACount { get; init; }

    /// <summary>
    /// Named by a demonym (« associations bretonnes », « jeunes marseillais »; <see cref="DemonymTable"/>): the place whatever
    /// its case or the word before it. Its cases are found by their place; the demonym's words search the cases that write it.
    /// </summary>
    public bool Demonym { get; init; }
}

/// <summary>
/// The word a place's name holds beside its article, typed as the common word (« réunion publique », « port de pêche »;
/// <see cref="PlaceConcept.NamedWithArticle"/>): in the cases placed there, the word is mostly the place's name.
/// </summary>
internal sealed record PlaceWordConcept(Place Place) : Concept;

/// <summary>An organisation of the index named by its full name or acronym ("La Poste", "ADEME").</summary>
/// <param name="Terms">The name's analysed terms, as the organisations field holds them.</param>
internal sealed record OrganisationConcept(string[] Terms) : Concept
{
    // By its terms, not by the array's reference: « SCIC », carried in parentheses by seven organisations, names one concept,
    // not seven that the query would add up.
    public bool Equals(OrganisationConcept? other) => other is not null && Terms.AsSpan().SequenceEqual(other.Terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var term in Terms)
        {
            hash.Add(term, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}

/// <summary>
/// What query words can name, built once per index snapshot: facet values (from the taxonomy's labels and
/// terms), places (regions, former regions, départements, and the communes that are large or named by a
/// case) and organisations (the multi-word names and acronyms of the indexed cases).
/// </summary>
internal sealed class QueryVocabulary
{
    /// <summary>Facets whose values a query can name.</summary>
    public static readonly IReadOnlyList<string> NamedFacets =
        [CaseStudySchema.Domains.Key, CaseStudySchema.PartnershipTypes.Key, CaseStudySchema.Actors.Key, CaseStudySchema.Scales.Key];

    /// <summary>
    /// Whether a facet's values are named by their terms only: a scale's label is a word of many names (« Éducation nationale »,
    /// « mission locale »), its terms say the scale (« pays du Sud », « solidarité internationale »).
    /// </summary>
    private static bool NamedByTermsOnly(string facet) => facet == CaseStudySchema.Scales.Key;

    /// <summary>A commune this large is understood in a query even when no case names it.</summary>
    public const int KnownCommunePopulation = 20_000;

    /// <summary>The longest run of words a concept can span.</summary>
    public const int MaxWords = 6;

    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, List<Concept>> _facets = new(StringComparer.Ordinal);
    // How many small words a facet name's key holds between its words of content, at the fewest: they are left out of
    // the key, not out of the name, so that « rester vivre » (chez soi) is not « reste à vivre », the purchasing-power term.
    private readonly Dictionary<string, int> _facetSmallWords = new(StringComparer.Ordinal);

    // For each facet key, the words its names open with that the analysis drops (« sans » of « sans domicile »): typed too to name it.
    private readonly Dictionary<string, string> _facetLeads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Concept>> _places = new(StringComparer.Ordinal);
    // Apart from the names: a number names a département only where the words around it let it (NumbersSomethingElse).
    private readonly Dictionary<string, PlaceConcept> _departmentNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PlaceConcept>> _demonyms = new(StringComparer.Ordinal);
    private DemonymTable? _demonymTable;
    // Organisation names are many (131,917 in a corpus of 100,000 cases) and analysing them all took most of a large
    // index's first search: the index keeps them by key, and a key's names are analysed the first time a query names it.
    private OrganisationKeys _organisationKeys = OrganisationKeys.Empty;
    private readonly ConcurrentDictionary<string, List<Concept>> _organisations = new(StringComparer.Ordinal);

    /// <summary>
    /// Analyses names long after the vocabulary is built, so not with the analyzer it was built with, whose owner
    /// may have disposed of it; the same analysis (<see cref="CaseStudySchema.CreateAnalyzer"/>).
    /// </summary>
    private static readonly Analyzer NameAnalyzer = CaseStudySchema.CreateAnalyzer();

    private QueryVocabulary(Analyzer analyzer) => _analyzer = analyzer;

    /// <summary>No concept at all: words are only words.</summary>
    public static QueryVocabulary Empty(Analyzer analyzer) => new(analyzer);

    /// <summary>
    /// The acronyms the cases define, each with its spelt-out form (<see cref="AcronymTable"/>): searched as synonyms are,
    /// where <c>synonyms.yml</c> says nothing of the words.
    /// </summary>
    public SynonymSet Acronyms { get; private init; } = SynonymSet.Empty;

    // The domains whose label names their family (« Environnement », of the « Fragilités environnementales »), each with the
    // other domains of its family and the domains of the other families (FamilyNamedBy).
    private readonly Dictionary<string, DomainFamily> _familyDomains = new(StringComparer.Ordinal);

    /// <summary>
    /// When the domain <paramref name="slug"/> is named like its family (every word of its label is a word of the family's:
    /// « Environnement » of the « Fragilités environnementales »), the other domains of that family, and the domains outside it;
    /// otherwise null. Someone who types « environnement » means pollution and biodiversity as well as the circular economy the
    /// domain « environnement » holds (RELEVANCE.md, session 43).
    /// </summary>
    public DomainFamily? FamilyNamedBy(string slug) => _familyDomains.GetValueOrDefault(slug);

    /// <summary>Builds the vocabulary of a taxonomy, a gazetteer, the organisations and places of an index and the acronyms its cases define.</summary>
    public static QueryVocabulary Build(Taxonomy taxonomy, Analyzer analyzer, PlaceGazetteer gazetteer, IndexReader? reader, OrganisationKeys organisations,
        AcronymTable? acronyms = null)
    {
        var vocabulary = new QueryVocabulary(analyzer) { Acronyms = SynonymSet.Of(acronyms ?? AcronymTable.Empty, analyzer), _organisationKeys = organisations };
        foreach (var facet in NamedFacets.Select(taxonomy.Find).OfType<TaxonomyFacet>())
        {
            foreach (var value in facet.Values)
            {
                var labels = NamedByTermsOnly(facet.Key) ? []
                    : value.Label.Split(" et ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Append(value.Label).ToList();
                var labelKeys = labels.Select(vocabulary.FacetKey).ToHashSet(StringComparer.Ordinal);
                foreach (var name in labels.Concat(value.Terms))
                {
                    var key = vocabulary.FacetKey(name);
                    Add(vocabulary._facets, key, new FacetConcept(facet.Key, value.Slug) { ByTerm = !labelKeys.Contains(key) });
                    var small = vocabulary.InnerSmallWords(name);
                    // The shortest lead of the names a key stands for: « sans-abri » is named with its « sans » (SynonymSet.Lead).
                    var lead = SynonymSet.Lead(analyzer, name);
                    vocabulary._facetLeads[key] = vocabulary._facetLeads.TryGetValue(key, out var other) && other.Length < lead.Length ? other : lead;
                    vocabulary._facetSmallWords[key] = Math.Min(small, vocabulary._facetSmallWords.GetValueOrDefault(key, small));
                }
            }
        }
        if (taxonomy.Find(CaseStudySchema.Domains.Key) is TaxonomyFacet domains)
        {
            foreach (var family in domains.Families)
            {
                var familyWords = TermAnalysis.Terms(analyzer, family.Label).ToHashSet(StringComparer.Ordinal);
                var members = domains.Values.Where(v => v.Parent == family.Slug).ToList();
                foreach (var value in members.Where(v => TermAnalysis.Terms(analyzer, v.Label) is [_, ..] words && words.All(familyWords.Contains)))
                {
                    vocabulary._familyDomains[value.Slug] = new DomainFamily(
                        [.. members.Where(v => v.Slug != value.Slug).Select(v => v.Slug)],
                        [.. domains.Values.Where(v => v.Parent != family.Slug).Select(v => v.Slug)]);
                }
            }
        }
        var namedCommunes = reader is null ? [] : PlaceCodes(reader, Place.CommuneCode("")).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var concepts = new Dictionary<Place, PlaceConcept>(ReferenceEqualityComparer.Instance);
        foreach (var place in gazetteer.Places)
        {
            if (place.Kind != PlaceKind.Commune || place.Population >= KnownCommunePopulation || namedCommunes.Contains(place.Code))
            {
                Add(vocabulary._places, place.Key, Concept(place));
            }
            if (place.Kind == PlaceKind.Department)
            {
                // "les jeunes du 93": a département by its number.
                vocabulary._departmentNumbers[PlaceGazetteer.Key(place.Code)] = Concept(place);
            }
        }
        vocabulary._demonymTable = gazetteer.Demonyms;
        foreach (var (key, places) in gazetteer.Demonyms.ByKey)
        {
            vocabulary._demonyms[key] = places.Select(p => Concept(p) with { Demonym = true }).ToList();
        }
        return vocabulary;

        // A place's region is matched too (a case of the whole region may be meant), but not a case the region holds only
        // through its other départements: « en Basse-Normandie » is not Rouen, « à Marseille » not Toulon, « du 93 » not Paris.
        PlaceConcept Concept(Place place)
        {
            if (concepts.TryGetValue(place, out var known))
            {
                return known;
            }
            IReadOnlyList<string> within = place.Departments.Count > 0 ? place.Departments
                : place.Department.Length > 0 ? [place.Department]
                : [];
            var name = FrenchAnalyzer.NameKey(place.Name).Split(' ');
            return concepts[place] = new PlaceConcept(place)
            {
                Elsewhere = within.Count == 0 ? []
                    : gazetteer.DepartmentsIn(place.Region).Select(d => d.Code).Where(c => !within.Contains(c, StringComparer.Ordinal)).ToList(),
                NamedWithArticle = name.Length == 2 && Articles.Contains(name[0]),
            };
        }
    }

    // Whether the words a facet name opens with that the analysis drops (« sans » of « sans domicile ») were typed: the run is
    // analysed word by word only for such a name, most have none.
    private bool LeadTyped(string lead, string text) => lead.Length == 0 || SynonymSet.LeadTyped(lead, SynonymSet.Lead(_analyzer, text));

    /// <summary>
    /// The concepts named by the longest run of <paramref name="words"/> from <paramref name="start"/>;
    /// <paramref name="length"/> is that run's length in words (0 when none).
    /// </summary>
    /// <param name="words">The words as typed.</param>
    /// <param name="terms">Each word's analysed terms (the query has them already: no analysis here, but of the few names that open with a dropped word).</param>
    /// <param name="start">Where the run starts.</param>
    /// <param name="length">How many words the concepts found span.</param>
    /// <param name="previous">What was typed before <paramref name="words"/>, when they do not hold it: what a number follows.</param>
    /// <param name="opensQuestion">The first of <paramref name="words"/> opens a question of several words: its capital is the sentence's.</param>
    public IReadOnlyList<Concept> Match(IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> terms, int start, out int length,
        string? previous = null, bool opensQuestion = false)
    {
        for (length = Math.Min(MaxWords, words.Count - start); length > 0; length--)
        {
            var text = string.Join(' ', words.Skip(start).Take(length));
            var found = new List<Concept>();
            var facetKey = string.Join(' ', terms.Skip(start).Take(length).SelectMany(t => t));
            if (_facets.TryGetValue(facetKey, out var facets) && InnerSmallWords(text) >= _facetSmallWords[facetKey]
                && LeadTyped(_facetLeads[facetKey], text))
            {
                found.AddRange(facets);
            }
            var run = Run(text);
            var placeKey = run.PlaceKey;
            if (_places.TryGetValue(placeKey, out var places))
            {
                var typed = words.Skip(start).Take(length).ToList();
                found.AddRange(places.Cast<PlaceConcept>().Select(c => Names(c, typed, opensQuestion && start == 0) ? c : (Concept)new PlaceWordConcept(c.Place)));
            }
            if (_demonyms.TryGetValue(placeKey, out var demonyms) && DemonymMeansPlace(words, start, length, previous))
            {
                // « corse » is the region's name and its demonym: read as the demonym, which needs no capital nor preposition.
                found.RemoveAll(c => c is PlaceConcept p && demonyms.Any(d => d.Place == p.Place) || c is PlaceWordConcept w && demonyms.Any(d => d.Place == w.Place));
                found.AddRange(demonyms);
            }
            if (length == 1 && _departmentNumbers.TryGetValue(placeKey, out var department) && ReadNumber(words, start, previous) is var reading
                && reading != NumberReading.SomethingElse)
            {
                found.Add(reading == NumberReading.Either ? department with { MaybeACount = true } : department);
            }
            found.AddRange(run.Organisations);
            if (found.Count > 0)
            {
                return found.Distinct().ToList();
            }
        }
        length = 0;
        return [];
    }

    /// <summary>What a run of words is looked up by as typed: its place key, and the organisations its name key names (none, often).</summary>
    private sealed record RunKeys(string PlaceKey, IReadOnlyList<Concept> Organisations);

    /// <summary>
    /// The look-ups of a run of words that depend on its text alone, kept per text for the vocabulary's life (one snapshot):
    /// <see cref="Match"/> tries every run of up to <see cref="MaxWords"/> words of a query, folding each into a place key and a
    /// name key and seeking the name key among the index's organisations, and the same words come back search after search
    /// (about 1.5 % of an uncached API request's CPU). Texts of up to <see cref="TermAnalysis.MaxKeptLength"/> characters, at most
    /// <see cref="TermAnalysis.MaxKept"/> of them, as the words' analysis is kept; what the words around a run decide (capitals,
    /// numbers, demonyms) is still read on each call. The first texts asked are kept and no other after them (no eviction):
    /// about 500 different questions fill it, and from then on it serves the runs it holds until the next snapshot.
    /// </summary>
    private RunKeys Run(string text) =>
        _runs.GetOrKeep(text, static (text, vocabulary) => vocabulary.LookUp(text), this, TermAnalysis.Keeps(text));

    private RunKeys LookUp(string text) => new(PlaceGazetteer.Key(text), OrganisationsNamed(FrenchAnalyzer.NameKey(text)));

    private readonly BoundedCache<string, RunKeys> _runs = new(TermAnalysis.MaxKept, StringComparer.Ordinal);

    /// <summary>How many runs' look-ups are kept (<see cref="Run"/>).</summary>
    internal int KeptRuns => _runs.Count;

    /// <summary>
    /// Whether the demonym a run of words holds (after the articles its key leaves out: « le parisien ») means its place: not
    /// a name (<see cref="DemonymTable.IsAName"/>), nor a word of a name listed with it (« Crédit lyonnais »).
    /// </summary>
    private bool DemonymMeansPlace(IReadOnlyList<string> words, int start, int length, string? previous)
    {
        var at = start;
        while (at < start + length - 1 && PlaceGazetteer.Key(words[at]).Length == 0)
        {
            at++;
        }
        return !DemonymTable.IsAName(words[at]) && !_demonymTable!.InName(words, at, at > 0 ? words[at - 1] : previous);
    }

    /// <summary>Whether a word alone names a place the query understands (« Guadeloupe », « Marseille »).</summary>
    public bool NamesPlace(string word) => _places.ContainsKey(PlaceGazetteer.Key(word));

    /// <summary>What a number typed where a département's could be is: the département, something else, or either.</summary>
    private enum NumberReading
    {
        Department,
        SomethingElse,
        Either,
    }

    /// <summary>
    /// What the number at <paramref name="start"/> is. Not a département: the number of a thing named before it (« ODD 13 »,
    /// « article 13 », « n° 93 »), or a quantity, a unit following it or the range it opens (« moins de 26 ans », « de 18 à
    /// 25 ans », « 40 km », « 30 % », « le 13 juillet »). « du 93 », « dans le 26 » and « Seine-Saint-Denis (93) » stay places.
    /// People and things after a number, a plural noun written in lower case (« plus de 30 jeunes », « accompagner 50 femmes »,
    /// « 30 familles logées »), are counted unless the number is where a département is written: after « du » or « le » (« du
    /// 93 », « dans le 93 »). Opening the query with nothing saying they were counted, no participle after them, the number
    /// is either: « 93 jeunes » as people write « les jeunes du 93 », « 50 familles » as they write « loger 50 familles »; the
    /// same words in the same order, and counts in the cases are not round enough to tell by the number (RELEVANCE.md,
    /// session 21). A list of the people a number counts missed most of them (« femmes », « seniors », « réfugiés »,
    /// « agriculteurs »...), and the number was the département wherever one was typed.
    /// </summary>
    private static NumberReading ReadNumber(IReadOnlyList<string> words, int start, string? previous)
    {
        var before = start > 0 ? words[start - 1] : previous;
        if (before is not null && NumberedThings.Contains(Folded(before[(before.LastIndexOf(' ') + 1)..])))
        {
            return NumberReading.SomethingElse;
        }
        var next = start + 1;
        if (next + 1 < words.Count && RangeWords.Contains(Folded(words[next])) && words[next + 1].All(char.IsAsciiDigit))
        {
            next += 2;
        }
        if (next >= words.Count)
        {
            return NumberReading.Department;
        }
        if (Units.Contains(Folded(words[next])))
        {
            return NumberReading.SomethingElse;
        }
        if (!IsCountedNoun(words[next]))
        {
            return NumberReading.Department;
        }
        if (before is null)
        {
            return next + 1 < words.Count && IsParticiple(words[next + 1]) ? NumberReading.SomethingElse : NumberReading.Either;
        }
        return DepartmentArticles.Contains(Folded(before[(before.LastIndexOf(' ') + 1)..])) ? NumberReading.Department : NumberReading.SomethingElse;
    }

    /// <summary>
    /// Whether a word after a number is what it counts: a plural noun (« familles », « bénévoles », « travaux »), not a name
    /// (« 75 Paris »).
    /// </summary>
    private static bool IsCountedNoun(string word)
    {
        var folded = Folded(word);
        return folded.Length >= 4 && char.IsLower(word[0]) && folded.All(char.IsAsciiLetter) && (folded.EndsWith('s') || folded.EndsWith('x'));
    }

    /// <summary>Whether a word is a past participle (« accompagnés », « suivis »): what says that the people before it were counted.</summary>
    private static bool IsParticiple(string word)
    {
        var lower = word.ToLowerInvariant().TrimEnd(',', ';', '.', ':');
        return lower.EndsWith('é') || lower.EndsWith("ée", StringComparison.Ordinal) || lower.EndsWith("és", StringComparison.Ordinal)
            || lower.EndsWith("ées", StringComparison.Ordinal) || IrregularParticiples.Contains(Folded(word));
    }

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "suivi", "suivis", "suivie", "suivies", "accueilli", "accueillis", "accueillie", "accueillies", "inscrit", "inscrits", "inscrite",
        "inscrites", "recu", "recus", "recue", "recues", "servi", "servis", "servie", "servies", "pris", "prise", "prises", "sortis", "sorties",
    };

    /// <summary>The words a département's number follows (« les jeunes du 93 », « dans le 93 »).</summary>
    private static readonly HashSet<string> DepartmentArticles = new(StringComparer.Ordinal) { "du", "le" };

    private static string Folded(string word) => FrenchAnalyzer.FoldLower(word).TrimEnd(',', ';', '.', ':');

    private static readonly HashSet<string> RangeWords = new(StringComparer.Ordinal) { "a", "au", "et", "ou", "-" };

    /// <summary>What a number right after it numbers, folded: goals, texts of law and their parts, levels, pages, lines.</summary>
    private static readonly HashSet<string> NumberedThings = new(StringComparer.Ordinal)
    {
        "odd", "objectif", "objectifs", "cop", "agenda", "covid", "article", "articles", "art", "loi", "decret", "ordonnance", "circulaire",
        "alinea", "chapitre", "titre", "annexe", "niveau", "etape", "page", "p", "n°", "nº", "no", "numero", "ligne",
    };

    /// <summary>What a number counts wherever it is typed, folded: time, money, measures, things, and the months of a date (people: <see cref="IsCountedNoun"/>).</summary>
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "an", "ans", "annee", "annees", "mois", "semaine", "semaines", "jour", "jours", "h", "heure", "heures", "min", "minutes", "fois",
        "%", "pourcent", "€", "eur", "euro", "euros", "k€", "m€", "mille", "millions", "milliards",
        "km", "kilometres", "m", "metres", "m2", "km2", "ha", "hectares", "t", "tonnes", "kg", "kilos", "kw", "kwc", "kwh", "mw", "mwh",
        "etp", "places", "logements", "lits", "repas", "emplois", "postes", "communes", "projets",
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    };

    /// <summary>
    /// Whether a run of words whose key is a place's means the place (else it is the common word): always, but for a name made
    /// of an article and a word (<see cref="PlaceConcept.NamedWithArticle"/>), which must be written with its article (« à la
    /// réunion ») or with a capital that is not the question's first letter (« emploi Réunion », « du Port », not « Réunion de
    /// quartier »). The article contracted with its preposition asks for the capital too: « du port », « au port » are a port's
    /// (« les emplois du port »). Its number (« 974 ») names it always.
    /// </summary>
    private static bool Names(PlaceConcept concept, List<string> run, bool opensQuestion)
    {
        if (!concept.NamedWithArticle)
        {
            return true;
        }
        var folded = FrenchAnalyzer.NameKey(string.Join(' ', run)).Split(' ');
        var name = run[^1][(run[^1].LastIndexOfAny(['\'', '’']) + 1)..];
        return folded[..^1].Any(Articles.Contains) || (name.Length > 0 && char.IsUpper(name[0]) && !(opensQuestion && run.Count == 1));
    }

    // The articles a place name opens with, not as they contract with a preposition (« au », « du »: see Names).
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "la", "le", "les", "l" };

    /// <summary>The organisations a key names, in the order of their names; their names analysed on first use.</summary>
    private List<Concept> OrganisationsNamed(string key)
    {
        if (_organisations.TryGetValue(key, out var known))
        {
            return known;
        }
        var names = _organisationKeys.Named(key);
        return names.Count == 0 ? [] : _organisations.GetOrAdd(key, _ => Concepts(names));
    }

    private static List<Concept> Concepts(List<(string Text, bool Acronym)> names)
    {
        var concepts = new List<Concept>();
        foreach (var (text, acronym) in names)
        {
            var terms = TermAnalysis.Terms(NameAnalyzer, text);
            // A name of stop words only names nothing; an acronym names an organisation when it is one term.
            if (acronym ? terms.Length == 1 : terms.Length > 0)
            {
                concepts.Add(new OrganisationConcept(terms));
            }
        }
        return concepts;
    }

    private string FacetKey(string text) => string.Join(' ', TermAnalysis.Terms(_analyzer, text));

    /// <summary>
    /// The words between the first and the last word of content that analyse to nothing: one in « reste à vivre » and in
    /// « reste-à-vivre », none in « rester vivre » nor in « pour rester vivre »; an elided article is part of its word
    /// (« pouvoir d'achat », none).
    /// </summary>
    private int InnerSmallWords(string text)
    {
        var content = text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(word => TermAnalysis.Terms(_analyzer, word).Length > 0).ToArray();
        var first = Array.IndexOf(content, true);
        return first < 0 ? 0 : content[first..Array.LastIndexOf(content, true)].Count(isContent => !isContent);
    }

    private static void Add(Dictionary<string, List<Concept>> map, string key, Concept concept)
    {
        if (key.Length == 0)
        {
            return;
        }
        var list = map.TryGetValue(key, out var existing) ? existing : map[key] = [];
        if (!list.Contains(concept))
        {
            list.Add(concept);
        }
    }

    /// <summary>
    /// The place codes of the index that begin with a prefix (<see cref="Place.CommuneCode"/>'s « c: » for the communes), the
    /// prefix cut, in order: each yielded while the enumerator stands on its term, so that a caller may read its postings.
    /// </summary>
    internal static IEnumerable<(string Code, TermsEnum Term)> PlaceCodes(IndexReader reader, string prefix)
    {
        var iterator = MultiFields.GetTerms(reader, CaseStudySchema.Place)?.GetEnumerator();
        if (iterator is null || iterator.SeekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }
        do
        {
            var code = iterator.Term.Utf8ToString();
            if (!code.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield break;
            }
            yield return (code[prefix.Length..], iterator);
        }
        while (iterator.MoveNext());
    }
}
