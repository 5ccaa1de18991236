using System.Runtime.CompilerServices;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Querying;

/// <summary>A text query ready to run, the terms its snippets highlight, and what its words named.</summary>
/// <param name="Query">The Lucene query, or null when the text holds no searchable word.</param>
/// <param name="BodyTerms">Stemmed terms the query searches alone, to highlight wherever they stand in the body.</param>
/// <param name="BodyPrefixes">Folded prefixes to highlight in the body.</param>
internal sealed record TextQuery(Query? Query, IReadOnlyList<string> BodyTerms, IReadOnlyList<string> BodyPrefixes)
{
    /// <summary>
    /// The expressions of several terms the query searches as phrases (a quoted phrase, a synonym, a run of words naming
    /// something), to highlight only where their terms stand at the positions the phrase asks: « personnes » of « personnes
    /// privées d'emploi », a synonym of « emploi », is not a word of the query.
    /// </summary>
    public IReadOnlyList<SynonymSet.Expression> BodyPhrases { get; init; } = [];

    /// <summary>The facet values, places and organisations the query's words named.</summary>
    public IReadOnlyList<Concept> Concepts { get; init; } = [];

    /// <summary>How many of the query's words search something (not excluded, not a filler nor a stop word).</summary>
    public int ContentWords { get; init; }

    /// <summary>
    /// Whether the strict query (<see cref="Coverage.Enough"/>) finds cases that do not hold every group (beside common
    /// groups, or many rare ones): only then does <see cref="Coverage.Every"/> find fewer cases.
    /// </summary>
    public bool GroupsOptional { get; init; }

    /// <summary>The query finding the cases that hold every group, built with a strict query when <see cref="GroupsOptional"/>.</summary>
    public Query? EveryGroup { get; init; }

    /// <summary>The query only excludes (« -vélo »): it finds every other case, each with the same score.</summary>
    public bool OnlyExclusions { get; init; }

    /// <summary>
    /// Nothing in the query weighs: no word to search (none typed, or none left once punctuation and stop words are put
    /// aside), or only excluded ones. Every case found scores the same, so relevance would be the order of the last update
    /// under another name. The one place that decides it: the default order, and through the result the other order a
    /// page offers and its wording, read it.
    /// </summary>
    public bool NothingWeighs => Query is null || OnlyExclusions;
}

/// <summary>How many of a query's groups a case must hold.</summary>
internal enum Coverage
{
    /// <summary>A place the query names, and half of the rarer other groups (<see cref="SearchQueryBuilder"/>).</summary>
    Enough,
    /// <summary>Any one group, the cases holding enough of them first: a widened search.</summary>
    Some,
    /// <summary>Every group, each with its synonyms and word family: what a person counting asks for.</summary>
    Every,
}

/// <summary>
/// Turns the clauses of a user's query into a Lucene query over the text fields. Each word, phrase or
/// named thing (a synonym, a facet value, a place, an organisation) is one group; every group
/// contributes to the score, but only a place the question names and the rarer groups are required, and
/// not all of the rarer ones when there are many: a case missing a word present in most cases
/// ("partenariat") loses little, one missing the rarest word loses much. Neighbouring words found close
/// together add a bonus (counted in the share of the query a case holds only in a long query or beside a place).
/// Facet filters are not part of it: the collector applies them, so that each facet's counts can leave its own
/// filter out.
/// </summary>
internal sealed class SearchQueryBuilder(Analyzer analyzer, SynonymSet synonyms, QueryVocabulary? vocabulary = null, TermContexts? terms = null)
{
    // A small tie-breaker: a clause matching in several fields scores a little above one matching in one.
    private const float TieBreaker = 0.1f;

    /// <summary>Weight of a synonym of the typed words, beside the words as typed (1).</summary>
    private const float SynonymWeight = 0.8f;

    /// <summary>Weight of a case tagged with the facet value a word names (but a domain, a scale or an actor type), against the text fields' weights.</summary>
    public const float FacetBoost = 2f;

    /// <summary>
    /// Weight of a case tagged with the domain a word names (« mobilité », « culture », « logement »): about that of the word
    /// in its title (a title weighs 4, times the word's rarity squared, about 11 for a word in a tenth of the cases, times a
    /// length norm of a quarter to a half). The editors' domain says what a case is about, as its title does, though its text may name the field
    /// only by its practice (« transport solidaire », « orchestre »); at the weight of other facet values (2), a case whose
    /// title named the word and missed a whole part of the question came before the cases of the domain holding all of it
    /// (« mobilité solidaire en zone rurale »: a national programme above rural volunteer drivers). Measured (RELEVANCE.md,
    /// session 11): 8 to 16 gain on the three development sets, 12 the most.
    /// </summary>
    public const float DomainBoost = 12f;

    /// <summary>
    /// Weight of a case of a domain the query names by one of its terms when the case holds none of the term's words nor their
    /// synonyms (<see cref="DomainBoost"/> when it does). Measured (RELEVANCE.md, session 23): 2, 4 and 6 gained alike on the
    /// development sets' nDCG@10; 6 lost no recall@10 on the people, field and mixed sets, 2 and 4 lost some.
    /// </summary>
    public const float DomainWithoutTerm = 6f;

    /// <summary>
    /// Weight of a case whose organisations are of the type a word names (« universités », « fondations », « entreprises »),
    /// times that type's rarity squared, as a word's: a type one case in ten has (academic, 10 %) weighs about 5, one most
    /// cases have (companies, 59 %) about 1.2, where every type weighed 2 (<see cref="FacetBoost"/>). A researcher's question
    /// names its actors (« chercheurs et associations qui mènent des recherches-actions »): a rare type says much of which
    /// cases are meant, a common one little. Measured (RELEVANCE.md, session 12): 0.5 and 0.7 gained the most; 1 and above,
    /// or every type at a flat 4 to 12, ranked any case of a common type up (« salariés de grands groupes », « en entreprise »).
    /// </summary>
    public const float ActorBoost = 0.5f;

    /// <summary>Weight of a case in the place a query names (its département and region weigh less).</summary>
    public const float PlaceBoost = 50f;

    /// <summary>
    /// Weight, whatever its frequency, of a word in the cases placed where it is a place's name (<see cref="PlaceWordConcept"/>):
    /// less than in any case holding it elsewhere. « réunion publique » found the cases of La Réunion, whose titles and text
    /// repeat the name, before the public meetings; they still hold the word, for those who type the place without its article.
    /// </summary>
    public const float PlaceWordWeight = 0.01f;

    /// <summary>Weight of a case whose organisations include the one a query names.</summary>
    public const float OrganisationBoost = 6f;

    /// <summary>
    /// Weight of the words of an organisation's name of several words (and their synonyms) when the query searches something
    /// else beside it (« Secours populaire et aide alimentaire »): its cases are found by their organisations
    /// (<see cref="OrganisationBoost"/>) whatever their text, and a case's title lists its partners, so that the name's words in
    /// a title said that the case was the organisation's, not that it was about the topic: its cases on other subjects came
    /// before the topic's. Not an acronym, which names a kind of organisation as often as one (« SCIC », « ESAT », « CAF »): halved,
    /// « SCIC alimentation et commerce de proximité » lost the cooperatives. Measured (RELEVANCE.md, session 22).
    /// </summary>
    public const float OrganisationWordsBesideTopic = 0.5f;

    /// <summary>Weight of two neighbouring query words found close together.</summary>
    public const float ProximityBoost = 0.5f;

    /// <summary>
    /// From this many groups on, or when a place is named, the pairs of neighbouring words count in the coordination of the
    /// query's clauses; below, they only add to the score. In a short question the pairs outnumber the groups: « lutter contre
    /// l'isolement des personnes âgées » has three groups and four pair clauses, so that a case holding « personnes âgées »
    /// in its title doubled its score over one holding the whole topic in other words (transport and shared housing for the
    /// elderly among the cases on their isolation; « MSA aînés isolés », « QPV accès aux soins » likewise). In a long question
    /// (researchers', four groups or more) a pair is what tells the cases of the question from those holding half its words,
    /// and beside a place every case of the place holds the required group: the pairs' share is what ranks the topic's cases
    /// above the place's others (« aide alimentaire dans le Nord-Pas-de-Calais »). Measured (RELEVANCE.md, session 13): the
    /// sum of the four development sets' nDCG@10 +0.020, no recall@10 lost; pairs outside the coordination for every query
    /// without a place gained +0.023 but lost recall@10 on long questions (questions and field −0.011, −0.014), and for
    /// every query lost the place queries (−0.47, −0.13).
    /// </summary>
    public const int PairsCountedFrom = 4;

    /// <summary>A facet value carried by this share of the cases or more is not worth matching.</summary>
    public const double UninformativeShare = 0.6;

    /// <summary>A group held by this share of the cases or more is a hint: it scores but is not required (unless only such groups are typed).</summary>
    public const double CommonShare = 0.3;

    /// <summary>The share of the rare groups a case must hold.</summary>
    public const double RequiredShare = 0.5;

    /// <summary>
    /// A word typed alone whose cases put it in their title or summary this seldom for the bodies that hold it frames a
    /// question rather than names its topic (<see cref="Group.Frames"/>): the cases write « encourager » (0.03 titles and
    /// summaries a body), « quotidien » (0.14), « usage » (0.16), « rôle » (0.01) in passing, where a topic is what their titles and
    /// summaries say (« vélo » 0.49, « musées » 0.58, « illettrisme » 0.58). Measured (RELEVANCE.md, session 43): 0.2 and 0.3 gave
    /// the same gains; at 0.15 « usage » is a topic's word again and the question on the bicycle lost them.
    /// </summary>
    public const double FramingShare = 0.2;

    /// <summary>Fewer bodies than this holding a word say too little of how the cases use it: it is not judged framing.</summary>
    public const int FramingEvidence = 10;

    /// <summary>
    /// Widened, when the strict query finds fewer than <see cref="FewResults"/> cases: the weight of the
    /// strict query's matches over those holding only some of the groups.
    /// </summary>
    public const float StrictBoost = 4f;

    /// <summary>
    /// Widened beside a place the question names, the share of the place's weight a case holding none of the topic's groups
    /// keeps (the setting is no topic). At the place's whole weight (its code weighs 50), every case of the place came before
    /// every case of the topic elsewhere (« aidants familiaux en milieu rural dans le
    /// Morbihan »: the first ten were Morbihan cases, none about carers; « gaspillage alimentaire à La Réunion »: the Réunion's
    /// cases on health, roads and turtles before the food banks' unsold food). A case of the place holding any group of the
    /// topic, a common one too, keeps the whole weight, and the strict cases stay first. Measured (RELEVANCE.md, session 40):
    /// 0.01, 0.04 and 0.1 alike on the development sets; 0.1 and 0.2 let the place's other cases back above the topic's
    /// (« accès aux soins en Guyane »).
    /// </summary>
    public const float PlaceAloneWhenWidened = 0.04f;

    /// <summary>
    /// Fewer strict matches than this (a page of results) widens the search. Measured on the development
    /// sets (RELEVANCE.md): 10, 20, 40 and always gave questions nDCG@10 0.826, 0.829, 0.832 and 0.835;
    /// past a page, the small gain costs the counts their meaning and a second pass over most cases.
    /// </summary>
    public const int FewResults = 20;

    private readonly QueryVocabulary _vocabulary = vocabulary ?? QueryVocabulary.Empty(analyzer);

    // The domains named by one of their terms, each with the slot its clause goes in once the whole query is read.
    private readonly List<(DisjunctionMaxQuery Slot, FacetConcept Domain, Query Text)> _narrowed = [];

    // The domains a group of the query names by their label, whose tag that group answers (FillDomain).
    private readonly HashSet<string> _domainsByLabel = new(StringComparer.Ordinal);

    // The actor types most cases carry that the query names, each with the slot its clause goes in if a place is named too.
    private readonly List<(DisjunctionMaxQuery Slot, Term Actor)> _actorsBesidePlace = [];

    /// <summary>Builds the text query of parsed clauses, its cases holding the groups <paramref name="coverage"/> asks for.</summary>
    public TextQuery Build(IReadOnlyList<QueryClause> clauses, Coverage coverage = Coverage.Enough)
    {
        _narrowed.Clear();
        _domainsByLabel.Clear();
        _actorsBesidePlace.Clear();
        var body = new BodyWords();
        var prefixes = new List<string>();
        var concepts = new List<Concept>();
        var groups = new List<Group>();
        var excluded = new List<Query>();
        var neighbours = new List<List<(string Term, int Position)>>();
        var analysed = clauses.Select(c => c.Kind == ClauseKind.Prefix ? [] : Analyze(c.Text)).ToList();
        var dropped = FillersLeftOut(clauses, i => analysed[i].Count > 0);
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var positive = !clause.Excluded;
            var (group, consumed) = ClauseGroup(clauses, analysed, i, dropped(i),
                positive ? body : null, positive ? prefixes : null, positive ? concepts : null);
            if (group is null)
            {
                continue;
            }
            if (!positive)
            {
                excluded.Add(group.Query);
            }
            else if (clause.OrWithPrevious && groups.Count > 0)
            {
                groups[^1] = groups[^1].Or(group);
            }
            else
            {
                groups.Add(group);
                if (clause.Kind == ClauseKind.Word)
                {
                    neighbours.AddRange(analysed.Skip(i).Take(consumed));
                }
            }
            i += consumed - 1;
        }
        if (groups.Count == 0 && excluded.Count == 0)
        {
            return new TextQuery(null, [], []);
        }
        if (groups.Any(g => g.NamesPlace))
        {
            ActorsBesidePlace();
        }
        // Which values the typed words name by their label is only asked when a domain was named by one of its terms.
        if (_narrowed.Count > 0)
        {
            var labelled = Labelled(clauses, analysed);
            _narrowed.ForEach(n => FillDomain(n.Slot, n.Domain, n.Text, labelled));
        }
        var query = Combine(groups, coverage);
        var optional = LeavesGroupsOptional(groups);
        var every = optional && coverage == Coverage.Enough ? Every(groups) : null;
        var pairs = Pairs(neighbours);
        if (pairs.Count > 0 && groups.Count < PairsCountedFrom && !groups.Any(g => g.NamesPlace))
        {
            // The pairs of a short query add to the score but are not among the clauses the words' coordination counts.
            var outer = new BooleanQuery(disableCoord: true);
            outer.Add(query, Occur.MUST);
            query = outer;
        }
        pairs.ForEach(pair => query.Add(pair, Occur.SHOULD));
        excluded.ForEach(q =>
        {
            query.Add(q, Occur.MUST_NOT);
            every?.Add(q, Occur.MUST_NOT);
        });
        var contentWords = clauses.Where((c, i) => c.Kind == ClauseKind.Word && IsContent(clauses, analysed, i)).Count();
        return new TextQuery(query, body.Terms, prefixes) { BodyPhrases = body.Phrases, Concepts = concepts, ContentWords = contentWords, GroupsOptional = optional, EveryGroup = every,
            OnlyExclusions = groups.Count == 0 };
    }

    /// <summary>Whether the clause at <paramref name="index"/> searches something: not excluded, not a filler nor a stop word.</summary>
    private static bool IsContent(IReadOnlyList<QueryClause> clauses, List<List<(string Term, int Position)>> analysed, int index) =>
        !clauses[index].Excluded && (clauses[index].Kind == ClauseKind.Prefix || analysed[index].Count > 0 && !IsFiller(clauses[index]));

    /// <summary>
    /// What a run of words or a phrase stands for, how many cases hold it, whether it names a place (required), and whether
    /// it only ranks: a place that may be a count instead (<see cref="PlaceConcept.MaybeACount"/>), never required but by
    /// <see cref="Coverage.Every"/>, nor counted among the groups the half rule or a widened search asks for; and whether it
    /// names a setting (<see cref="SettingExpressions"/>).
    /// </summary>
    internal sealed record Group(Query Query, int DocFreq, bool NamesPlace = false, bool RanksOnly = false, bool Setting = false)
    {
        /// <summary>
        /// A word that frames the question (<see cref="FramingShare"/>): it stays one of the rare groups the half rule counts, but a
        /// case holding every other rare group is found without it (<see cref="Strict"/>). Words joined by OR frame it when each
        /// does: « encourager OU favoriser » is no topic, and a lost mark made the question stricter than either alone.
        /// </summary>
        public bool Frames { get; init; }

        /// <summary>
        /// How many words the group's run or phrase is searched by (« recherche-action », « acteurs de terrain »: two): an expression
        /// the question names as one idea, which a long question counts again in its coordination (<see cref="Strict"/>). Groups
        /// joined by OR are one word, as either side may be; so is a run that is also a place's name (<see cref="PlaceWordConcept"/>),
        /// weighed down where it names the case's place: counted again, it would favour the cases placed there.
        /// </summary>
        public int Words { get; init; } = 1;

        /// <summary>
        /// The group of two joined by OR: either query, as many cases as the larger, and each mark (place, ranking only,
        /// setting, framing) only when both sides carry it.
        /// </summary>
        public Group Or(Group other) =>
            new(new DisjunctionMaxQuery([Query, other.Query], TieBreaker), Math.Max(DocFreq, other.DocFreq),
                NamesPlace && other.NamesPlace, RanksOnly && other.RanksOnly, Setting && other.Setting)
            {
                Frames = Frames && other.Frames,
            };

        /// <summary>
        /// Groups equal in everything, their query included (a word typed twice), are one group where the strict query
        /// sets them apart (<see cref="Strict"/>); but a Lucene query hashes all its clauses and terms again on every call,
        /// which was 1.5 % of an uncached search's CPU (BENCHMARKS.md, thirty-second session). The hash reads what equal groups
        /// share without walking the query; equality still compares the queries whole.
        /// </summary>
        public override int GetHashCode() => HashCode.Combine(Query.GetType(), DocFreq, NamesPlace, RanksOnly);
    }

    /// <summary>The query of the groups, a case holding as many of them as <paramref name="coverage"/> asks.</summary>
    private BooleanQuery Combine(List<Group> groups, Coverage coverage)
    {
        if (coverage == Coverage.Every && groups.Count > 0)
        {
            return Every(groups);
        }
        var strict = Strict(groups);
        var searched = groups.Where(g => !g.RanksOnly).ToList();
        if (coverage == Coverage.Enough || searched.Count < 2)
        {
            return strict;
        }
        // Widened: a case holding any group is found, and those the strict query finds stay first.
        var query = new BooleanQuery();
        var topic = searched.Where(g => !g.NamesPlace && !g.Setting).ToList();
        var any = topic.Count > 0 && searched.Any(g => g.NamesPlace) ? PlaceBesideTopic(searched, topic) : AnyOf(searched);
        query.Add(any, Occur.MUST);
        strict.Boost = StrictBoost;
        query.Add(strict, Occur.SHOULD);
        return query;
    }

    /// <summary>
    /// The groups of a widened search beside a place: the place's whole weight for a case that also holds one of the topic's
    /// groups, and <see cref="PlaceAloneWhenWidened"/> of it for a case that holds only the place. The topic's groups are one
    /// clause the rest of the place's weight goes with, so that they are searched once: tested apart, the topic cost a widened
    /// place question its groups' scorers twice (14 % more memory and about 40 % more CPU per query on the benchmark's mix).
    /// </summary>
    private static BooleanQuery PlaceBesideTopic(List<Group> searched, List<Group> topic)
    {
        var any = new BooleanQuery();
        var withTopic = new BooleanQuery(disableCoord: true) { { AnyOf(topic), Occur.MUST } };
        foreach (var place in searched.Where(g => g.NamesPlace).Select(g => g.Query))
        {
            withTopic.Add(Weighed(place, 1 - PlaceAloneWhenWidened), Occur.SHOULD);
            any.Add(Weighed(place, PlaceAloneWhenWidened), Occur.SHOULD);
        }
        // The setting's groups (« en milieu rural »), neither place nor topic, as in any widened search.
        foreach (var setting in searched.Where(g => g is { NamesPlace: false, Setting: true }))
        {
            any.Add(setting.Query, Occur.SHOULD);
        }
        any.Add(withTopic, Occur.SHOULD);
        return any;
    }

    /// <summary>A query any one of <paramref name="groups"/> is enough for, each scoring as it does alone.</summary>
    private static BooleanQuery AnyOf(IEnumerable<Group> groups)
    {
        var any = new BooleanQuery();
        foreach (var group in groups)
        {
            any.Add(group.Query, Occur.SHOULD);
        }
        return any;
    }

    /// <summary>A copy of a query at a weight, the query itself left as the strict query uses it.</summary>
    private static Query Weighed(Query query, float weight)
    {
        var weighed = (Query)query.Clone();
        weighed.Boost = weight;
        return weighed;
    }

    /// <summary>
    /// Every group required, each scoring as in the strict query; of several places named, one is enough, as there
    /// (« en Bretagne ou en Normandie » asks for either).
    /// </summary>
    private static BooleanQuery Every(List<Group> groups)
    {
        var query = new BooleanQuery();
        RequireAPlace(query, groups);
        groups.Where(g => !g.NamesPlace).ToList().ForEach(g => query.Add(g.Query, Occur.MUST));
        return query;
    }

    /// <summary>One of the places named, if any, required: a place named in a question is where the person looks.</summary>
    private static List<Group> RequireAPlace(BooleanQuery query, List<Group> groups)
    {
        var places = groups.Where(g => g.NamesPlace).ToList();
        if (places.Count > 0)
        {
            var anyPlace = AnyOf(places);
            anyPlace.MinimumNumberShouldMatch = 1;
            query.Add(anyPlace, Occur.MUST);
        }
        return places;
    }

    private BooleanQuery Strict(List<Group> groups)
    {
        var query = new BooleanQuery();
        if (groups.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
            return query;
        }
        // A place named in a question is where the person looks ("personnes âgées en Corse"): one of the places
        // named (the place, or its name in the text) is required, and the half rule applies to the other words.
        var places = RequireAPlace(query, groups);
        var ranking = groups.Where(g => g.RanksOnly).ToList();
        ranking.ForEach(g => query.Add(g.Query, Occur.SHOULD));
        var others = groups.Except(places).Except(ranking).ToList();
        var rare = others.Where(IsRare).ToList();
        if (rare.Count == 0)
        {
            // Only common words: each is what the person asks for, and half of them would match nearly
            // every case, so all are required; beside a place, they only rank.
            others.ForEach(g => query.Add(g.Query, places.Count > 0 ? Occur.SHOULD : Occur.MUST));
            return query;
        }
        if (rare.Count == 1)
        {
            query.Add(rare[0].Query, Occur.MUST);
        }
        else
        {
            var required = AnyOf(rare);
            required.MinimumNumberShouldMatch = Required(rare.Count);
            query.Add(WithoutFraming(required, rare), Occur.MUST);
            ExpressionsCountedTwice(query, groups, rare);
            // Beside a place, a setting holds its share of the half rule but never makes it up alone: one of the topic's groups too.
            if (places.Count > 0 && rare.Where(g => !g.Setting).ToList() is { Count: > 0 } topic && topic.Count < rare.Count)
            {
                query.Add(AnyOf(topic), Occur.MUST);
            }
        }
        foreach (var common in others.Except(rare))
        {
            query.Add(common.Query, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>
    /// In a long question (<see cref="PairsCountedFrom"/> groups or more), each rare expression of several words it names (not a
    /// setting) again at weight 0 beside the required block: it adds nothing to a case's score but counts in the coordination, so
    /// that a case holding the question's expressions ranks above one holding as many of its single words. The half rule counts
    /// an expression as one group, as it counts a word, while the question names by it what it is about: « recherche-action
    /// associant universités et acteurs de terrain » ranked a university's student housing third, above action-research cases,
    /// and « revitalisation des centres-bourgs et commerce de proximité » a Corsican club of companies and a cotton supply chain
    /// in Brazil among the village shops. Only the coordination: finding as well the cases holding an expression without the
    /// other groups the half rule asks lost. Measured (RELEVANCE.md, session 44): the CHOOSE half +0.0200 of nDCG@10 (ex-blind6
    /// +0.0056, ex-blind7 +0.0009, researchers +0.0139), the CHECK half +0.0069, the people set's recall@10 −0.0050 (the keep
    /// rule's limit); from three rare groups on instead, the people set lost 0.008 of recall@10. The copy is a second scorer of
    /// the whole group, matched again: such a question's search takes about a third more time and a quarter more memory
    /// (BENCHMARKS.md, session 44, review44); counting, inside its scorer, the expressions the required block already matched
    /// would not (not done).
    /// </summary>
    private static void ExpressionsCountedTwice(BooleanQuery query, List<Group> groups, List<Group> rare)
    {
        if (groups.Count < PairsCountedFrom)
        {
            return;
        }
        foreach (var expression in rare.Where(g => g is { Words: > 1, Setting: false }))
        {
            query.Add(Weighed(expression.Query, 0f), Occur.SHOULD);
        }
    }

    /// <summary>
    /// The half rule's block, or, when the rare groups that do not frame the question (<see cref="Group.Frames"/>) are fewer than
    /// it asks, the half rule or every one of them: « comment encourager l'usage du vélo au quotidien » asked two of four groups,
    /// three of them framing, so that the cases of the bicycle that write neither « usage », « quotidien » nor « encourager »
    /// (a bicycle school, « Savoir rouler à vélo ») were not found while those writing « usage » and « quotidien » of anything
    /// were. Both alternatives hold the same clauses, so that a case the half rule finds scores as before: the rule only finds
    /// more. Measured (RELEVANCE.md, session 43): session 17's « A », with the framing words told by the titles and summaries.
    /// </summary>
    private static Query WithoutFraming(BooleanQuery required, List<Group> rare)
    {
        var topic = rare.Count(g => !g.Frames);
        if (topic == 0 || topic >= required.MinimumNumberShouldMatch)
        {
            return required;
        }
        var everyTopicGroup = new BooleanQuery();
        rare.ForEach(g => everyTopicGroup.Add(g.Query, g.Frames ? Occur.SHOULD : Occur.MUST));
        return new DisjunctionMaxQuery([required, everyTopicGroup], 0f);
    }

    /// <summary>
    /// Whether the strict query finds cases without every group: beside a place, common groups only rank; and of rare
    /// groups a case needs only <see cref="Required"/>, the common ones beside them ranking too; a group that only ranks is
    /// never required.
    /// </summary>
    private bool LeavesGroupsOptional(List<Group> groups)
    {
        if (groups.Any(g => g.RanksOnly))
        {
            return true;
        }
        var places = groups.Count(g => g.NamesPlace);
        var others = groups.Count - places;
        var rare = groups.Count(g => !g.NamesPlace && IsRare(g));
        return rare == 0 ? places > 0 && others > 0 : Required(rare) < others;
    }

    /// <summary>
    /// Words that say where a topic is pursued, the countryside or the town, rather than what it is. They are as rare as a
    /// topic's words (« rural » is in about 135 bodies of 1,154), so the half rule counted them as one: beside a place
    /// (« aidants familiaux en milieu rural dans le Morbihan ») one of two rare groups was enough, and two Morbihan cases on rural
    /// life, neither about carers, were the query's strict cases, counted and listed first. Beside a place, a setting still
    /// counts among the rare groups but a case needs one of the topic's as well. Without a place the judges grade the setting
    /// as part of the question (« mobilité solidaire en zone rurale », « France Services itinérantes en milieu rural »): the topic
    /// required there too lost 0.07 to 0.13 nDCG@10 on three queries. Measured (RELEVANCE.md, session 39): every development set
    /// unchanged but users +0.0001 (« mobilité rurale Hauts-de-France » +0.008).
    /// </summary>
    private static readonly string[] SettingExpressions =
        ["zone rurale", "zones rurales", "milieu rural", "territoires ruraux", "ruralité", "communes rurales", "milieu urbain", "zone urbaine", "zones urbaines"];

    // The setting expressions as the analyzer searches them, one set per analyzer.
    private static readonly ConditionalWeakTable<Analyzer, HashSet<string>> Settings = new();

    /// <summary>Whether a run's terms are those of a setting (<see cref="SettingExpressions"/>).</summary>
    private bool IsSetting(List<(string Term, int Position)> tokens) =>
        tokens.Count is 1 or 2 && Settings.GetValue(analyzer, a => SettingExpressions.Select(e => string.Join(' ', TermAnalysis.Terms(a, e))).ToHashSet(StringComparer.Ordinal))
            .Contains(string.Join(' ', tokens.Select(t => t.Term)));

    /// <summary>A group held by fewer than <see cref="CommonShare"/> of the cases (every group, without an index or cases to ask).</summary>
    private bool IsRare(Group group) => (terms?.Reader.MaxDoc ?? 0) is var cases && (cases == 0 || group.DocFreq < CommonShare * cases);

    /// <summary>
    /// How many of <paramref name="count"/> rare groups a case must hold: half of them, rounded up (one of
    /// two, two of three or four...). Measured with the relevance command: requiring all but one, or all of
    /// two, found fewer of the judged cases for the same nDCG (RELEVANCE.md).
    /// </summary>
    public static int Required(int count) => Math.Max(1, (int)Math.Ceiling(count * RequiredShare));

    /// <summary>
    /// Neighbouring words close together in the title or the summary add to the score. Not in the body:
    /// reading its positions for every pair cost a third of a multi-word query's time, and the relevance
    /// command measured no gain from it (RELEVANCE.md).
    /// </summary>
    /// <remarks>
    /// Where the pairs go matters more than their weight: as clauses of the top query, each counts in its coordination (the
    /// share of its clauses a case matches), twice (title and summary). <see cref="PairsCountedFrom"/> says when.
    /// </remarks>
    private static List<PhraseQuery> Pairs(List<List<(string Term, int Position)>> words)
    {
        var pairs = new List<PhraseQuery>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Count == 0 || words[i + 1].Count == 0)
            {
                continue;
            }
            foreach (var field in (string[])[CaseStudySchema.Title, CaseStudySchema.Summary])
            {
                var pair = new PhraseQuery { Slop = 2, Boost = ProximityBoost };
                pair.Add(new Term(field, words[i][^1].Term));
                pair.Add(new Term(field, words[i + 1][0].Term));
                pairs.Add(pair);
            }
        }
        return pairs;
    }

    /// <summary>
    /// The group of the clause at <paramref name="index"/>, and how many clauses it took (a named thing can span
    /// several words). A filler makes no group of its own, but can open a run of words that names something
    /// (« sans domicile fixe »), and stays in the runs that cross it.
    /// </summary>
    private (Group? Group, int Consumed) ClauseGroup(IReadOnlyList<QueryClause> clauses, List<List<(string Term, int Position)>> analysed, int index,
        bool filler, BodyWords? body, List<string>? prefixes, List<Concept>? concepts)
    {
        var clause = clauses[index];
        if (clause.Kind == ClauseKind.Prefix)
        {
            var prefix = PrefixClause(clause.Text, prefixes);
            return (prefix is null ? null : new Group(prefix, DocFreqOfPrefix()), 1);
        }
        var words = clause.Kind == ClauseKind.Phrase ? [clause.Text] : PlainRun(clauses, index);
        var wordTerms = Enumerable.Range(index, words.Count).Select(i => (IReadOnlyList<string>)analysed[i].Select(t => t.Term).ToList()).ToList();
        // An excluded word removes what it and its synonyms match, not the cases tagged with what it names: « -mairie » is not
        // every case of a local authority. A quoted exclusion is a phrase, as in a query of it (« -"Grand Est" »).
        var namedLength = 0;
        var named = clause is { Excluded: true, Kind: ClauseKind.Word } ? []
            : _vocabulary.Match(words, wordTerms, 0, out namedLength, index > 0 ? clauses[index - 1].Text : null,
                opensQuestion: index == 0 && clauses.Count > 1);
        // Once per clause: it scans every rule of both sets, and a question holds as many dropped words as others.
        var (expressions, synonymLength, mined, led) = Synonyms(clauses, analysed, index, words);
        if (analysed[index].Count == 0 && namedLength == 0 && !led)
        {
            // A word the analysis drops opens a group only when it is the lead of what the words after it name (« sans emploi »).
            return (null, 1);
        }
        var consumed = clause.Kind == ClauseKind.Phrase ? 1 : Math.Max(1, Math.Max(namedLength, synonymLength));
        if (filler && consumed == 1)
        {
            return (null, 1);
        }
        var names = namedLength == consumed || (clause.Kind == ClauseKind.Phrase && namedLength == words.Count);
        var placeRun = names && clause.Kind == ClauseKind.Word && named.Any(c => c is PlaceConcept or PlaceWordConcept);
        if (placeRun)
        {
            // A place typed with Saint abbreviated is searched as the cases write it: « St-Denis » found 66 cases, « Saint-Denis » 76.
            for (var i = index; i < index + consumed; i++)
            {
                if (PlaceGazetteer.SpellOut(clauses[i].Text) is var spelt && spelt != clauses[i].Text)
                {
                    analysed[i] = Analyze(spelt);
                }
            }
        }
        var written = string.Join(' ', words.Take(consumed));
        var tokens = consumed == 1 ? analysed[index] : Analyze(placeRun ? PlaceGazetteer.SpellOut(written) : written);
        // A place the stop list cuts the name of (« Grand Est » is « grand ») is searched as the place alone: its words would
        // find the cases of every region that write « grand ».
        var searchWords = !names || !named.Any(c => c is PlaceConcept) || KeepsItsEdges(written);
        // A place named whose name is a word of French is the place only where the case is (« creuse les inégalités » is no
        // Creuse); typed as a word (« période creuse »), it stays the word.
        var byTerritoryOnly = names && !named.Any(c => c is OrganisationConcept) && PlaceNamesThatAreWords.Contains(FoldPrefix(words[consumed - 1]))
            && named.Any(c => c is PlaceConcept { MaybeACount: false }) && IsSurelyAPlace(clauses, index, consumed);
        searchWords &= !byTerritoryOnly;

        var any = new DisjunctionMaxQuery(TieBreaker);
        var docFreq = 0;
        // The words of an organisation's name beside a topic weigh less: its cases are found by their organisations whatever their text.
        var wordsWeight = names && written.Contains(' ', StringComparison.Ordinal) && named.Any(c => c is OrganisationConcept) && !named.Any(c => c is PlaceConcept or FacetConcept)
            && Enumerable.Range(0, clauses.Count).Any(i => (i < index || i >= index + consumed) && IsContent(clauses, analysed, i))
            ? OrganisationWordsBesideTopic : 1f;
        // A sign the vocabulary reads as a word but the analyzer keeps nothing of (« ⒒ », read « 11 », the Aude) has no words to search.
        if (searchWords && tokens.Count > 0)
        {
            docFreq = AddExpression(any, tokens, wordsWeight, body);
        }
        if (searchWords && consumed > 1 && clause.Kind == ClauseKind.Word)
        {
            // The words as typed, each anywhere, stay an alternative to the run as a phrase.
            var each = new BooleanQuery();
            var eachFreq = int.MaxValue;
            for (var i = index; i < index + consumed; i++)
            {
                if (analysed[i].Count > 0)
                {
                    var word = new DisjunctionMaxQuery(TieBreaker);
                    eachFreq = Math.Min(eachFreq, AddExpression(word, analysed[i], 0.7f * wordsWeight, body));
                    each.Add(word, Occur.MUST);
                }
            }
            any.Add(each);
            docFreq = Math.Max(docFreq, eachFreq == int.MaxValue ? 0 : eachFreq);
        }
        // The run a name spans may end in words the analysis drops (« personnes âgées en Corse »: the taxonomy's term is named by
        // « personnes âgées en »), which the synonyms' run does not hold: its synonyms are the name's all the same.
        var synonymsApply = synonymLength == consumed
            || synonymLength > 0 && Enumerable.Range(index + synonymLength, consumed - synonymLength).All(i => analysed[i].Count == 0);
        if (synonymsApply && !byTerritoryOnly)
        {
            foreach (var expression in expressions)
            {
                // The words as typed weigh a little more than their synonyms.
                var typed = tokens.Select(t => t.Term).SequenceEqual(expression.Terms);
                var weight = wordsWeight * (typed ? 1f : mined ? MinedWeight(tokens, expression.Terms) : SynonymWeight);
                docFreq = Math.Max(docFreq, AddExpression(any, expression.Terms.Zip(expression.Positions).ToList(), weight, body));
            }
        }
        var namesPlace = false;
        var ranksOnly = false;
        if (names)
        {
            namesPlace = named.Any(c => c is PlaceConcept { MaybeACount: false })
                && (named.Any(c => c is PlaceConcept { Demonym: true }) || IsSurelyAPlace(clauses, index, consumed));
            ranksOnly = !namesPlace && named.Any(c => c is PlaceConcept { MaybeACount: true });
            // What the run's words and synonyms find, that a domain named by one of its terms asks its cases for (FillDomain).
            var text = docFreq > 0 && any.Disjuncts.Count > 0 ? new DisjunctionMaxQuery(any.Disjuncts.ToList(), 0f) : null;
            // A quoted phrase asks for those words: a facet value it names would bring every case tagged with it.
            foreach (var concept in named.Where(c => clause.Kind != ClauseKind.Phrase || c is not FacetConcept))
            {
                docFreq = Math.Max(docFreq, AddConcept(any, concept, text));
                concepts?.Add(concept);
            }
            if (named.OfType<PlaceWordConcept>().ToList() is { Count: > 0 } placeWords)
            {
                return (new Group(WeighedLessIn(any, placeWords, tokens), docFreq), consumed);
            }
        }
        return (new Group(any, docFreq, namesPlace, ranksOnly, !namesPlace && IsSetting(tokens)) { Frames = consumed == 1 && !names && IsFraming(clause, tokens), Words = tokens.Count },
            consumed);
    }

    /// <summary>
    /// Whether a word typed alone frames the question (<see cref="FramingShare"/>): the titles and summaries of the cases seldom
    /// hold it for the bodies that do, and enough bodies hold it to say so (<see cref="FramingEvidence"/>).
    /// </summary>
    private bool IsFraming(QueryClause clause, List<(string Term, int Position)> tokens)
    {
        if (terms is null || clause.Kind != ClauseKind.Word || tokens.Count != 1)
        {
            return false;
        }
        var term = tokens[0].Term;
        var bodies = DocFreq(new Term(CaseStudySchema.Body, term));
        var shown = DocFreq(new Term(CaseStudySchema.Title, term)) + DocFreq(new Term(CaseStudySchema.Summary, term));
        return bodies >= FramingEvidence && shown < FramingShare * bodies;
    }

    /// <summary>
    /// Départements and towns whose name is also a word of French the cases write otherwise: « creuse les inégalités », « dents
    /// creuses », « pas cher », « la somme », « en tours de table ». Named in a question, such a place is met by the cases placed
    /// there, not by the word in any case's text: « insertion des jeunes en zone rurale dans la Creuse » counted a Moselle case on
    /// car hire among its two strict cases for « la hausse du coût de la vie creuse les écarts ». Not « Nord », whose name in a
    /// case's text is mostly the département's (« le Nord »), and which the judges grade so (RELEVANCE.md, session 40: « pauvreté Nord 59 »
    /// −0.02 with « nord » in the list).
    /// </summary>
    private static readonly HashSet<string> PlaceNamesThatAreWords = new(
        ["aube", "cher", "creuse", "croix", "fontaine", "grasse", "jura", "landes", "lot", "manche", "marne", "orange", "orne", "plaisir", "sens", "somme", "tours", "vienne"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the analysis keeps the first and the last word of a place's name: a word it drops inside the name stays a gap
    /// in the phrase (« Nord-Pas-de-Calais »), one at its edge is lost (« Grand Est », « Pas-de-Calais »).
    /// </summary>
    private bool KeepsItsEdges(string name)
    {
        var words = PlaceGazetteer.Key(name).Split(' ');
        return TermAnalysis.Terms(analyzer, words[0]).Length > 0 && TermAnalysis.Terms(analyzer, words[^1]).Length > 0;
    }

    /// <summary>
    /// The query of a word weighed <see cref="PlaceWordWeight"/> in the cases placed where it is a place's name, and in those
    /// whose organisations are named after the place (« Crédit Agricole Réunion »).
    /// </summary>
    private DisjunctionMaxQuery WeighedLessIn(Query word, List<PlaceWordConcept> places, List<(string Term, int Position)> terms)
    {
        var there = new BooleanQuery();
        places.ForEach(p => there.Add(Exact(new Term(CaseStudySchema.Place, p.Place.OwnCode)), Occur.SHOULD));
        terms.ForEach(t => there.Add(Exact(new Term(CaseStudySchema.Organisations, t.Term)), Occur.SHOULD));
        var elsewhere = new BooleanQuery { { word, Occur.MUST }, { there, Occur.MUST_NOT } };
        var inPlace = new ConstantScoreQuery(new BooleanQuery { { word, Occur.MUST }, { there, Occur.MUST } }) { Boost = PlaceWordWeight };
        return new DisjunctionMaxQuery([elsewhere, inPlace], 0f);
    }

    /// <summary>
    /// Whether words naming a place are meant as one: typed with a capital, of several words, or after a
    /// preposition of place (« en Corse », « à lyon », « dans le nord »). Département and commune names
    /// that are also common words (« pas cher ») then stay words that rank, not places to require. A département's number
    /// is one wherever it is typed (« emploi 93 », « 93 »): one that counts or numbers something is not read as a place, one
    /// that may count what follows it only ranks (<see cref="PlaceConcept.MaybeACount"/>).
    /// </summary>
    private static bool IsSurelyAPlace(IReadOnlyList<QueryClause> clauses, int index, int consumed) =>
        consumed > 1 || char.IsUpper(clauses[index].Text[0]) || char.IsAsciiDigit(clauses[index].Text[0])
        || index > 0 && PlacePrepositions.Contains(FrenchAnalyzer.FoldLower(clauses[index - 1].Text));

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "en", "a", "au", "aux", "dans", "du", "de", "des", "le", "la", "les", "l", "d", "sur", "vers", "pres",
    };

    /// <summary>
    /// The words of a question that say how it is asked, not what it is about ("comment aider les SDF"):
    /// left out of the query, unless nothing else is typed. Rare in the cases, they would otherwise count
    /// as rare words to require. So are the auxiliary and modal verbs, aller, devoir, vouloir (« qui n'y vont jamais »,
    /// « qui veulent recruter »), whose forms the stop list lacks as it lacks « peut » (RELEVANCE.md, session 24).
    /// </summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "comment", "pourquoi", "quoi", "quel", "quelle", "quels", "quelles", "lesquels", "exemple", "exemples",
        "cherche", "chercher", "trouver", "idee", "idees", "faire", "veux", "voudrais", "besoin",
        "peut", "peuvent", "pouvoir", "existe", "existent", "quand", "possible", "combien",
        "va", "vont", "doit", "doivent", "veut", "veulent", "font",
    };

    /// <summary>
    /// Prepositions, adverbs and quantifiers the stop list lacks: they link or qualify what a question is about
    /// (« lutte contre la précarité », « accompagner les agriculteurs vers des pratiques durables », « quand on a peu
    /// d'argent ») and say nothing of it. Held by a fifth to a third of the cases, they counted as rare words, so that
    /// « contre » and « lutte » were two of the three groups « lutte contre la précarité énergétique » needed two of.
    /// Left out as fillers are. Not the ones that are also nouns (« cancer du sein », « bien commun », « face »). So are the
    /// pronouns and the adverbs of time and degree it lacks (« rester chez elles », « celles et ceux qui », « qui n'y vont
    /// jamais »): « elles » is not its « elle », which the stop list holds, and stems as it (17 % of the cases write it), and
    /// « jamais » (27 cases) made of « … les musées aux publics qui n'y vont jamais » a question half of whose rare words were
    /// « ouvrir », « publics » and « jamais » (RELEVANCE.md, session 24). Not « ça », which is also « CA » typed.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "contre", "entre", "vers", "chez", "sans", "sous", "autour", "aupres", "via", "grace", "afin",
        "lors", "parmi", "selon", "envers", "hors", "durant", "pendant", "depuis",
        "peu", "tres", "plus", "moins", "tout", "tous", "toute", "toutes", "comme", "aussi", "ainsi", "mieux",
        "cela", "ceci", "quelque", "quelques", "chaque", "certains", "certaines", "leurs", "dont",
        "elles", "celle", "celles", "celui", "ceux", "chacun", "chacune", "aucun", "aucune", "plusieurs", "rien",
        "lequel", "laquelle", "lesquelles", "duquel", "auxquels", "auxquelles", "desquels", "desquelles",
        "jamais", "toujours", "souvent", "parfois", "rarement", "encore", "deja", "vraiment", "surtout", "notamment",
        "egalement", "davantage", "beaucoup", "trop", "assez",
    };

    /// <summary>
    /// The words for what every case is, a partnership (« coopérations entre hôpitaux et associations »,
    /// « partenariats public-privé ») and a project (« projets citoyens d'énergies renouvelables »): they say nothing of
    /// which, yet their rarer forms counted as rare groups. Left out as fillers are; a run that names something keeps them
    /// (« projet alimentaire territorial », « pôle territorial de coopération économique »). « coopération » in the singular
    /// too, which a researcher puts first (« coopération bailleurs sociaux associations habitat »): it was one of three rare
    /// groups a case needed two of, the housing cases that never write it were not found. « coopération internationale »
    /// keeps its field in « internationale », and the question typed so found more of its cases without it. « projet »
    /// (in 59 % of the cases' texts) was a common group, which only ranks but counts in the question's coordination: a case about
    /// urban renewal that does not call itself a project scored a share less. Measured (RELEVANCE.md, session 42).
    /// </summary>
    private static readonly HashSet<string> PartnershipWords = new(StringComparer.Ordinal)
    {
        "partenariat", "partenariats", "partenaires", "partenarial", "partenariale", "partenariales", "partenariaux",
        "cooperation", "cooperations", "alliance", "alliances", "collaboration", "collaborations", "synergies",
        "projet", "projets",
    };

    /// <summary>
    /// « territorial(e) » qualifying a word for what every case is (« coopération territoriale face à la désertification
    /// médicale », « coopérations territoriales contre l'isolement… »): every case is a partnership of a territory, and with the
    /// noun left out the adjective was left alone, a rare group (in a sixth of the cases' texts) that a case needed half of
    /// the groups of: calls for projects and territorial sponsorship ranked beside the medical deserts. Left out with its noun.
    /// Not « internationale » (« coopération internationale » keeps its field there), nor « locale », a common group already.
    /// Measured (RELEVANCE.md, session 42, rel42c). A noun that is one side of an OR is searched, and so its adjective:
    /// « mécénat OU coopération territoriale » is not « mécénat OU coopération ».
    /// </summary>
    private static bool QualifiesPartnership(IReadOnlyList<QueryClause> clauses, int i) =>
        i > 0 && clauses[i] is { Kind: ClauseKind.Word, Excluded: false } && clauses[i - 1] is { Kind: ClauseKind.Word, Excluded: false, OrWithPrevious: false }
        && TerritorialWords.Contains(FrenchAnalyzer.FoldLower(clauses[i].Text)) && PartnershipWords.Contains(FrenchAnalyzer.FoldLower(clauses[i - 1].Text));

    private static readonly HashSet<string> TerritorialWords = new(StringComparer.Ordinal)
    {
        "territorial", "territoriale", "territoriales", "territoriaux",
    };

    /// <summary>
    /// The verbs by which a question says that its actors act together or for something (« banques qui s'allient à des
    /// associations », « fondations d'entreprise engagées pour la réussite scolaire », « syndicats … qui confient le réemploi
    /// à … », « projets menés avec … »): they tell how the actors are joined, which every case is, not what about. The light
    /// stemmer leaves their conjugated forms apart from the rest of their family (« confient », « mènent », « engagées »),
    /// so that they were among the rarest words of the question, required before its topic. Left out as fillers are. Not the
    /// nouns (« engagement bénévole » is a field), nor verbs that name what is done (« recruter », « loger »).
    /// </summary>
    private static readonly HashSet<string> RelationWords = new(StringComparer.Ordinal)
    {
        "engage", "engagee", "engages", "engagees", "engagent",
        "mene", "menee", "menes", "menees", "menent",
        "allie", "alliee", "allies", "alliees", "allient",
        "associe", "associee", "associes", "associees", "associent", "associant",
        "implique", "impliquee", "impliques", "impliquees", "impliquent",
        "mobilise", "mobilisee", "mobilises", "mobilisees", "mobilisent",
        "uni", "unie", "unis", "unies", "unissent",
        "confient", "negocient", "agissent", "travaillent", "cooperent", "oeuvrent", "ensemble",
    };

    /// <summary>
    /// The generic names of an organisation, which a researcher's question puts before what kind it is (« structures
    /// d'insertion », « organismes de formation », « citoyens et institutions »): the kind is in the word after, the name
    /// says only that it is an organisation, which every partner is. Held by a sixth of the cases (« structure » 307 with
    /// its plural), they counted as a rare word to require before the topic: « … qui confient le réemploi à des structures
    /// d'insertion » needed three of five groups, and the recycleries, which hold « déchets » and the domain of « réemploi »
    /// but seldom « structure », were not found (RELEVANCE.md, session 12). Left out as fillers are; a run that names something
    /// keeps them (« structure d'accompagnement » is an actor type).
    /// </summary>
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "structure", "structures", "organisme", "organismes", "institution", "institutions",
    };

    /// <summary>
    /// Which clauses the query leaves out as fillers: the fillers, the noun of a compound preposition
    /// (<see cref="InLocution"/>) and « territorial(e) » after a partnership word (<see cref="QualifiesPartnership"/>). They are
    /// left out only when another word searches something (<paramref name="hasTerms"/>: a word that analyses to some term):
    /// « les partenariats », « quels partenariats » or « face à » alone search their words. One side of an OR is never left out: the alternative would fall to the group before it
    /// (« insertion partenariat OU mécénat »).
    /// </summary>
    internal static Func<int, bool> FillersLeftOut(IReadOnlyList<QueryClause> clauses, Func<int, bool> hasTerms)
    {
        // Read once per clause: the returned test is asked again for each clause, and each rule folds the words it reads.
        var leavesOut = Enumerable.Range(0, clauses.Count).Select(i => IsFiller(clauses[i]) || InLocution(clauses, i) || QualifiesPartnership(clauses, i)).ToArray();
        var leaveOut = clauses.Where((c, i) => !c.Excluded && !leavesOut[i] && (c.Kind != ClauseKind.Word || hasTerms(i))).Any();
        return i => leaveOut && leavesOut[i] && !clauses[i].OrWithPrevious && !(i + 1 < clauses.Count && clauses[i + 1].OrWithPrevious);
    }

    /// <summary>
    /// The noun of a compound preposition (« coopération territoriale face à la désertification médicale », « mécénat au profit
    /// des associations », « en faveur de l'emploi »): it says how the question's parts are joined, not what about, and the
    /// analysis keeps it as a word, which a few cases hold incidentally (« face », « profit »: rare groups to require) or which
    /// names an organisation (FACE). Read only between the small words that make the locution; « la face cachée », « le profit
    /// des entreprises », « cancer du sein » stay words. Not « dans le cadre de », whose « le cadre » is also « le cadre de vie ».
    /// </summary>
    private static bool InLocution(IReadOnlyList<QueryClause> clauses, int i)
    {
        if (clauses[i] is not { Kind: ClauseKind.Word, Excluded: false } || !Locutions.TryGetValue(FrenchAnalyzer.FoldLower(clauses[i].Text), out var locution))
        {
            return false;
        }
        var before = i > 0 && clauses[i - 1].Kind == ClauseKind.Word ? FrenchAnalyzer.FoldLower(clauses[i - 1].Text) : "";
        var after = i + 1 < clauses.Count && clauses[i + 1].Kind == ClauseKind.Word ? FrenchAnalyzer.FoldLower(clauses[i + 1].Text) : "";
        // « d'une », « d’une » (folded as the analysis folds, ’ as '): its « d ».
        var afterWord = after.Split('\'')[0];
        return (locution.Before.Length == 0 || locution.Before.Contains(before)) && locution.After.Contains(afterWord);
    }

    private static readonly string[] Of = ["de", "du", "des", "d"];
    private static readonly string[] To = ["a", "au", "aux"];

    /// <summary>The compound prepositions whose noun <see cref="InLocution"/> leaves out: the noun, the small word before it (none: any), those after.</summary>
    private static readonly Dictionary<string, (string[] Before, string[] After)> Locutions = new(StringComparer.Ordinal)
    {
        ["face"] = ([], To),
        ["grace"] = ([], To),
        ["sein"] = (["au"], Of),
        ["profit"] = (["au"], Of),
        ["benefice"] = (["au"], Of),
        ["faveur"] = (["en"], Of),
        ["matiere"] = (["en"], Of),
        ["cotes"] = (["aux"], Of),
        ["regard"] = (["au"], Of),
        ["coeur"] = (["au"], Of),
        ["destination"] = (["a"], Of),
        ["lien"] = (["en"], ["avec"]),
    };

    /// <summary>A word the query leaves out when it holds others: the way a question is put, not what it is about.</summary>
    private static bool IsFiller(QueryClause clause) =>
        clause.Kind == ClauseKind.Word && !clause.Excluded && FrenchAnalyzer.FoldLower(clause.Text) is var word
        && (Fillers.Contains(word) || FunctionWords.Contains(word) || PartnershipWords.Contains(word)
            || OrganisationWords.Contains(word) || RelationWords.Contains(FoldPrefix(clause.Text)));

    /// <summary>The words of the <see cref="Run"/> from <paramref name="index"/>.</summary>
    private static List<string> PlainRun(IReadOnlyList<QueryClause> clauses, int index) => Run(clauses, index).Select(i => clauses[i].Text).ToList();

    /// <summary>
    /// The clauses of the run of plain words from <paramref name="index"/> on (typed without quotes, OR, '-' or '*'), in which
    /// synonyms and named things are looked for. An excluded word is a run of its own: it excludes what a query of it would
    /// find through its synonyms or its acronym's other form (« insertion -IAE », « ESS -ESS »), not the words after it.
    /// </summary>
    private static IEnumerable<int> Run(IReadOnlyList<QueryClause> clauses, int index)
    {
        if (clauses[index] is { Kind: ClauseKind.Word, Excluded: true })
        {
            return [index];
        }
        var end = index;
        while (end < clauses.Count && IsPlainWord(clauses[end], end == index))
        {
            end++;
        }
        return Enumerable.Range(index, end - index);
    }

    /// <summary>
    /// The synonyms of the clause at <paramref name="index"/>: those of <c>synonyms.yml</c>, or the acronyms the cases define
    /// (<see cref="QueryVocabulary.Acronyms"/>) when they span more words; <c>Mined</c> says which. A spelt-out form the cases
    /// define finds their acronym only when it is quoted or the whole query: among other words, its run became one group
    /// instead of one per word, and « ARS contrat local de santé » ranked cases of the ARS on other subjects above a case
    /// holding « ARS », « local » and « santé » (RELEVANCE.md, session 13). <paramref name="words"/> are the clause's words as
    /// typed (the phrase, or the run's), whose dropped lead an expression may ask for; <c>Led</c> says it was typed.
    /// </summary>
    private (IReadOnlyList<SynonymSet.Expression> Expressions, int Consumed, bool Mined, bool Led) Synonyms(IReadOnlyList<QueryClause> clauses,
        List<List<(string Term, int Position)>> analysed, int index, IReadOnlyList<string> words)
    {
        var lead = SynonymSet.Lead(analyzer, string.Join(' ', words));
        var (listed, listedWords, led) = Synonyms(synonyms, clauses, analysed, index, lead);
        var (mined, minedWords, _) = Synonyms(_vocabulary.Acronyms, clauses, analysed, index, lead);
        var spelt = analysed.Skip(index).Take(minedWords).Sum(a => a.Count) > 1;
        var whole = clauses[index].Kind == ClauseKind.Phrase || clauses.Count(c => !c.Excluded) == minedWords;
        // An acronym of three letters or fewer typed in lower case is more often a word or a place (« arc », « min », « sel »,
        // « die »): the cases define those as organisations' acronyms, a query rarely means them unless it writes capitals.
        var acronym = !spelt && (clauses[index].Text.Length > 3 || !clauses[index].Text.Any(char.IsLower));
        return minedWords > listedWords && (acronym || (spelt && whole)) ? (mined, minedWords, true, false) : (listed, listedWords, false, led);
    }

    /// <summary>
    /// The weight of an acronym's other form, where the cases define it: as rare as the form typed, 0.8 of it as a synonym's.
    /// The spelt-out form of an acronym typed would otherwise weigh as its rarest word, far more common than the acronym
    /// (« objectifs » for ODD), and an acronym found for its spelt-out form would outweigh the words typed.
    /// </summary>
    private float MinedWeight(List<(string Term, int Position)> typed, string[] expression)
    {
        if (terms is null)
        {
            return SynonymWeight;
        }
        var cases = terms.Reader.MaxDoc;
        double Idf(int held) => 1 + Math.Log((double)cases / (held + 1));
        var typedIdf = Idf(typed.Min(t => DocFreq(new Term(CaseStudySchema.Body, t.Term))));
        var otherIdf = Idf(expression.Min(t => DocFreq(new Term(CaseStudySchema.Body, t))));
        return (float)(SynonymWeight * typedIdf * typedIdf / (otherIdf * otherIdf));
    }

    /// <summary>
    /// Synonyms apply to a quoted phrase as a whole, or to a run of plain words (<see cref="Run"/>).
    /// </summary>
    private static (IReadOnlyList<SynonymSet.Expression> Expressions, int Consumed, bool Led) Synonyms(SynonymSet synonyms, IReadOnlyList<QueryClause> clauses,
        List<List<(string Term, int Position)>> analysed, int index, string lead)
    {
        var clause = clauses[index];
        if (clause.Kind == ClauseKind.Phrase)
        {
            var terms = analysed[index].Select(t => t.Term).ToList();
            var expressions = synonyms.Match(terms, 0, lead, out var length, out var phraseLed);
            return length == terms.Count ? (expressions, 1, phraseLed) : ([], 0, false);
        }
        // The run of plain words from here, and where each word's terms end.
        var run = new List<string>();
        var ends = new List<int>();
        foreach (var i in Run(clauses, index))
        {
            run.AddRange(analysed[i].Select(t => t.Term));
            ends.Add(run.Count);
        }
        var matched = synonyms.Match(run, 0, lead, out var matchedLength, out var led);
        var words = ends.IndexOf(matchedLength) + 1;
        return matchedLength > 0 && words > 0 ? (matched, words, led) : ([], 0, false);
    }

    /// <summary>
    /// An actor type most cases carry (« associations », « entreprises », « collectivités »: 60 % of them or more) says nothing
    /// of a case over the whole base, and is left to its word; beside a place the question names, the place's cases are few and
    /// the partners' types it names sort them, as a rarer type always does (<see cref="ActorBoost"/>): « associations et
    /// entreprises à Marseille » had Marseille's hospital and État cases without a company among its first ten, and the
    /// companies' cases with associations 11th to 23rd. Measured (RELEVANCE.md, session 43): people +0.0032 (that question 0.507 → 0.659), field
    /// −0.0001, the other sets unchanged.
    /// </summary>
    private void ActorsBesidePlace()
    {
        foreach (var (slot, type) in _actorsBesidePlace)
        {
            slot.Add(ActorType(type));
        }
    }

    /// <summary>
    /// The clause of a case whose organisations are of an actor type, scored as a word is, by the type's rarity
    /// (<see cref="ActorBoost"/>): the facet has no norms, so a case tagged gets the type's idf squared.
    /// </summary>
    private TermQuery ActorType(Term type)
    {
        var actor = Exact(type);
        actor.Boost = ActorBoost;
        return actor;
    }

    /// <summary>
    /// A domain named by its label, when the label is its family's (« environnement », <see cref="QueryVocabulary.FamilyNamedBy"/>):
    /// a case tagged with another domain of the family and with no domain outside it weighs as one tagged with the domain named.
    /// The family's cases tagged with a domain of another family too are left to their words: a school's solar lamps (education,
    /// energy) or a gas company's energy-poverty visits (energy, purchasing power) are not what « éducation à l'environnement » or
    /// « sensibilisation à l'environnement des jeunes » ask for, while the LPO's biodiversity refuges and the forests and polluted
    /// gardens of a region are. Measured (RELEVANCE.md, session 43): mixed +0.003 (« protection de l'environnement en Guadeloupe »
    /// 0.557 → 0.687, « … réduire l'impact environnemental des activités portuaires » 0.343 → 0.444), people +0.0004, the other
    /// sets unchanged. Returns the most cases one of those domains holds.
    /// </summary>
    private int AddFamily(DisjunctionMaxQuery any, DomainFamily family)
    {
        var most = 0;
        foreach (var domain in family.Family)
        {
            var term = new Term(CaseStudySchema.Domains.Key, domain);
            any.Add(new ConstantScoreQuery(new FilteredQuery(Exact(term), family.WithoutOutside)) { Boost = DomainBoost });
            most = Math.Max(most, DocFreq(term));
        }
        return most;
    }

    private int AddConcept(DisjunctionMaxQuery any, Concept concept, Query? text = null)
    {
        switch (concept)
        {
            case FacetConcept facet:
                var term = new Term(facet.Facet, facet.Value);
                var tagged = DocFreq(term);
                // A value most cases carry ("association") tells nothing, and scoring it costs a pass over them all; but an actor
                // type beside a place the question names sorts the place's few cases (ActorsBesidePlace).
                if (terms is not null && tagged >= UninformativeShare * terms.Reader.MaxDoc)
                {
                    if (facet.Facet == CaseStudySchema.Actors.Key)
                    {
                        var slot = new DisjunctionMaxQuery(0f);
                        any.Add(slot);
                        _actorsBesidePlace.Add((slot, term));
                    }
                    return 0;
                }
                if (facet.Facet == CaseStudySchema.Actors.Key)
                {
                    any.Add(ActorType(term));
                    return tagged;
                }
                if (facet.Facet == CaseStudySchema.Domains.Key && facet.ByTerm && text is not null)
                {
                    var slot = new DisjunctionMaxQuery(0f);
                    any.Add(slot);
                    _narrowed.Add((slot, facet, text));
                    return tagged;
                }
                // A scale named by its terms (« pays du Sud ») says, as a domain does, what the cases are: weighed as a domain. Measured
                // (RELEVANCE.md, session 48): 2, 6, 12 and 24 on the development sets, 12 the most.
                any.Add(new ConstantScoreQuery(Exact(term))
                {
                    Boost = facet.Facet == CaseStudySchema.Domains.Key || facet.Facet == CaseStudySchema.Scales.Key ? DomainBoost : FacetBoost,
                });
                if (facet.Facet == CaseStudySchema.Domains.Key && !facet.ByTerm)
                {
                    _domainsByLabel.Add(facet.Value);
                    if (_vocabulary.FamilyNamedBy(facet.Value) is { } family)
                    {
                        tagged = Math.Max(tagged, AddFamily(any, family));
                    }
                }
                return tagged;
            case PlaceConcept place:
                var codes = place.Place.LevelledCodes().ToList();
                // Its own code first; a commune's département and region, then a département's region, weigh less. The region
                // holds a case placed in it but in none of its départements outside the place (PlaceConcept.Elsewhere).
                foreach (var (code, level) in codes)
                {
                    Query match = Exact(new Term(CaseStudySchema.Place, code));
                    if (place.Elsewhere.Count > 0 && code == Place.RegionCode(place.Place.Region))
                    {
                        var inRegion = new BooleanQuery { { match, Occur.MUST } };
                        foreach (var department in place.Elsewhere)
                        {
                            inRegion.Add(Exact(new Term(CaseStudySchema.Place, Place.DepartmentCode(department))), Occur.MUST_NOT);
                        }
                        match = inRegion;
                    }
                    any.Add(new ConstantScoreQuery(match) { Boost = PlaceBoost / (1 + level) });
                }
                return codes.Max(c => DocFreq(new Term(CaseStudySchema.Place, c.Code)));
            case OrganisationConcept organisation:
                Query name = organisation.Terms.Length == 1
                    ? Exact(new Term(CaseStudySchema.Organisations, organisation.Terms[0]))
                    : Phrase(CaseStudySchema.Organisations, organisation.Terms.Select((t, i) => (t, i)).ToList());
                any.Add(new ConstantScoreQuery(name) { Boost = OrganisationBoost });
                return organisation.Terms.Min(t => DocFreq(new Term(CaseStudySchema.Organisations, t)));
            default:
                return 0;
        }
    }

    /// <summary>
    /// The clause of a domain a query names by one of its terms (« aide alimentaire », « sans-abri », « décrochage scolaire »
    /// for their domains): a case of the domain holding the term's words (or their synonyms) weighs the domain's weight, one
    /// of the domain that does not, <see cref="DomainWithoutTerm"/>. A term says less than its domain: « Secours populaire et
    /// aide alimentaire » ranked the Secours populaire's housing project first, by its domain pauvreté-exclusion. Unless the
    /// query's words hold the domain's label inside another name (« prévention santé », « Pôle emploi et recrutement »): then
    /// the whole domain is asked for. But when another group of the query names the domain by its label (« la pollution
    /// plastique », « logement et hébergement »), that group answers the tag, and the term's group only the domain's cases
    /// that hold its words: one tag answered both groups, so that a pesticides case tagged pollution came first for « mobilisation
    /// citoyenne contre la pollution plastique » with no word of plastic. Measured (RELEVANCE.md, session 44, rel44c).
    /// </summary>
    private void FillDomain(DisjunctionMaxQuery slot, FacetConcept domain, Query text, HashSet<FacetConcept> labelled)
    {
        var tagged = Exact(new Term(domain.Facet, domain.Value));
        var answered = _domainsByLabel.Contains(domain.Value);
        if (!answered && labelled.Contains(domain with { ByTerm = false }))
        {
            slot.Add(new ConstantScoreQuery(tagged) { Boost = DomainBoost });
            return;
        }
        slot.Add(new ConstantScoreQuery(new BooleanQuery { { tagged, Occur.MUST }, { text, Occur.MUST } }) { Boost = DomainBoost });
        if (!answered)
        {
            slot.Add(new ConstantScoreQuery(tagged) { Boost = DomainWithoutTerm });
        }
    }

    /// <summary>
    /// The facet values the typed words name by their label, in a run from any word on, also inside another name (« Pôle
    /// emploi » holds « emploi », the label of emploi-insertion): the person typed the value's own word.
    /// </summary>
    private HashSet<FacetConcept> Labelled(IReadOnlyList<QueryClause> clauses, List<List<(string Term, int Position)>> analysed)
    {
        var labelled = new HashSet<FacetConcept>();
        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses[i] is { Kind: ClauseKind.Word, Excluded: false })
            {
                var run = PlainRun(clauses, i);
                var terms = Enumerable.Range(i, run.Count).Select(j => (IReadOnlyList<string>)analysed[j].Select(t => t.Term).ToList()).ToList();
                labelled.UnionWith(_vocabulary.Match(run, terms, 0, out _).OfType<FacetConcept>().Where(c => !c.ByTerm));
            }
        }
        return labelled;
    }

    private static bool IsPlainWord(QueryClause clause, bool first) =>
        clause.Kind == ClauseKind.Word && !clause.Excluded && (first || !clause.OrWithPrevious);

    /// <summary>
    /// Adds the expression on every text field, and to what the snippets mark of the body as it is searched there (<paramref name="body"/>,
    /// when the words are not excluded); returns how many cases hold its rarest word.
    /// </summary>
    private int AddExpression(DisjunctionMaxQuery any, List<(string Term, int Position)> tokens, float weight, BodyWords? body)
    {
        body?.Add(tokens);
        var docFreq = 0;
        foreach (var (field, boost) in CaseStudySchema.TextFields)
        {
            Query fieldQuery = tokens.Count == 1 ? Exact(new Term(field, tokens[0].Term)) : Phrase(field, tokens);
            fieldQuery.Boost = boost * weight;
            any.Add(fieldQuery);
            docFreq = Math.Max(docFreq, tokens.Min(t => DocFreq(new Term(field, t.Term))));
        }
        return docFreq;
    }

    /// <summary>
    /// What the snippets mark of the body, as the query searches it there: a term alone wherever it stands, an expression of
    /// several terms (its phrase) only where they stand together.
    /// </summary>
    private sealed class BodyWords
    {
        public List<string> Terms { get; } = [];
        public List<SynonymSet.Expression> Phrases { get; } = [];

        public void Add(List<(string Term, int Position)> tokens)
        {
            if (tokens.Count == 1)
            {
                Terms.Add(tokens[0].Term);
            }
            else if (tokens.Count > 1)
            {
                var phrase = new SynonymSet.Expression([.. tokens.Select(t => t.Term)], [.. tokens.Select(t => t.Position)]);
                if (!Phrases.Any(p => p.Terms.SequenceEqual(phrase.Terms) && p.Positions.SequenceEqual(phrase.Positions)))
                {
                    Phrases.Add(phrase);
                }
            }
        }
    }

    private int DocFreq(Term term) => terms?.Of(term).DocFreq ?? 0;

    private TermQuery Exact(Term term) => terms?.Query(term) ?? new TermQuery(term);

    // A prefix is a deliberate request: it is always required.
    private static int DocFreqOfPrefix() => 0;

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }

    private static DisjunctionMaxQuery? PrefixClause(string text, List<string>? prefixes)
    {
        var prefix = FoldPrefix(text);
        if (prefix.Length == 0)
        {
            return null;
        }
        prefixes?.Add(prefix);
        var any = new DisjunctionMaxQuery(TieBreaker);
        // Rewritten straight to a filter of the words it expands to: Lucene's default first gathers those words in a hash
        // with a 32 KB block, and at this index's sizes gives up for a filter as soon as they hold a few cases. A prefix
        // scores the same constant either way.
        foreach (var field in CaseStudySchema.ExactFields)
        {
            any.Add(new PrefixQuery(new Term(field, prefix)) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE });
        }
        return any;
    }

    /// <summary>Folds a prefix as the exact fields are folded: lower case, no accent, no elided article.</summary>
    internal static string FoldPrefix(string text) => ElidedWord(FrenchAnalyzer.FoldLower(text.Replace('’', '\'')));

    /// <summary>A lower-cased word without the article elided before it (« l'emploi »: « emploi »), letters and digits only.</summary>
    internal static string ElidedWord(string lowered) =>
        new(lowered[(lowered.LastIndexOf('\'') + 1)..].Where(char.IsLetterOrDigit).ToArray());

    private List<(string Term, int Position)> Analyze(string text)
    {
        var (terms, positions) = TermAnalysis.WithPositions(analyzer, text);
        return terms.Zip(positions).ToList();
    }
}
