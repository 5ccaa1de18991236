using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Schema;

/// <summary>
/// A facet dimension, named once for every part of the project: its keys, the French URL segment of its theme pages,
/// and how to read its values from a case. Its French label and values are content (<c>taxonomy.yml</c>).
/// </summary>
/// <param name="Key">Its key in the taxonomy, the index (field name), the API and page URLs (parameter) and JSON.</param>
/// <param name="FrontMatterKey">The key case files write its values under (<c>scale</c> and <c>regions</c> within <c>territory</c>);
/// null for a facet the site derives from the place and the official split, whose label alone <c>taxonomy.yml</c> gives.</param>
/// <param name="ThemeSegment">The French URL segment of its theme pages (<c>/themes/domaines/mobilite</c>).</param>
/// <param name="Otherwise">The value a case without any is counted and filtered under (regions: « National / sans région »), so that counts add up.</param>
public sealed record FacetDimension(string Key, string? FrontMatterKey, string ThemeSegment, Func<CaseStudy, IEnumerable<string>> ValuesOf, string? Otherwise = null)
{
    /// <summary>The values a case is indexed under for filtering and counting: its own, else <see cref="Otherwise"/>.</summary>
    public IEnumerable<string> IndexedValuesOf(CaseStudy c)
    {
        var values = ValuesOf(c).ToList();
        return values.Count == 0 && Otherwise is not null ? [Otherwise] : values;
    }
}

/// <summary>
/// The Lucene index schema, declared once for the indexer and the site: version, field names,
/// analyzers and facet dimensions.
/// </summary>
public static class CaseStudySchema
{
    /// <summary>Lucene.Net 4.8 is the line the project is on; changing it means rebuilding every index.</summary>
    public const LuceneVersion Version = FrenchAnalyzer.Version;

    /// <summary>
    /// Bumped when the fields, their analysis or the taxonomy file kept with the index change (10: word families
    /// parting the stems that joined unrelated words, « répit » and « repas »; 12: word families joining plurals after a
    /// vowel, « lieux » and « lieu », and the feminine in -euse of trades, « porteuses » and « porteurs »; 13: the acronyms
    /// the cases define, in the commit's data; 15: word families parting « café » from the CAF, « mère » from « mer »,
    /// « français » from « France », and joining « crédit » and « crédits », « salariées » and « salariés »; 16: « recyclerie »
    /// apart from « recycler »; 17: word families joining the masculine in -er to its plural and feminine, « potager »,
    /// « potagers » and « potagère »; 18: word families of the field's vocabulary, « fragile » and « fragilité »,
    /// « scolaire » and « scolarité »; 19: the export table's organisations without their profiles, which have a column of their
    /// own; 20: the stored case as UTF-8 bytes, its JSON escaping only what JSON must; 21: the phrases the cases write, in the
    /// commit's data; 22: the phrase table tells one case in how many it read, its counts' being estimates; 23: the index terms, a text field of their own), so that a site never reads an index it does not understand nor one whose terms its
    /// queries would not meet.
    /// </summary>
    public const int FormatVersion = 23;

    /// <summary>The key, in the index commit's data, of the acronyms the cases define (the acronym table of Content).</summary>
    public const string AcronymsCommitKey = "acronyms";

    /// <summary>The key, in the index commit's data, of each document's position in title order (the title order of Indexing).</summary>
    public const string TitleOrderCommitKey = "title_order";

    /// <summary>The key, in the index commit's data, of the keys organisations are named by (the organisation keys of Indexing).</summary>
    public const string OrganisationKeysCommitKey = "organisation_keys";

    /// <summary>The key, in the index commit's data, of the phrases two cases or more write (the phrase table of Indexing).</summary>
    public const string PhrasesCommitKey = "phrases";

    /// <summary>Exact slug, indexed and stored: the key to fetch one case.</summary>
    public const string Slug = "slug";
    /// <summary>Title, French-analysed.</summary>
    public const string Title = "title";
    /// <summary>Summary, French-analysed.</summary>
    public const string Summary = "summary";
    /// <summary>Index terms (<c>keywords</c>), French-analysed: the field's words for what a case is, which its text may not write.</summary>
    public const string Keywords = "keywords";
    /// <summary>Organisation names, French-analysed.</summary>
    public const string Organisations = "organisations";
    /// <summary>Body plain text, French-analysed, with offsets in the postings so that a snippet is a slice.</summary>
    public const string Body = "body";
    /// <summary>Body plain text folded but not stemmed, with offsets: prefix queries and their snippets.</summary>
    public const string BodyExact = "body_exact";
    /// <summary>Title, summary and organisations folded but not stemmed: prefix queries.</summary>
    public const string MetaExact = "meta_exact";
    /// <summary>All text lower-cased but not folded, documents only: the vocabulary spelling corrections come from.</summary>
    public const string Surface = "surface";
    /// <summary>Place codes of the case (<c>c:35238</c>, <c>d:35</c>, <c>r:bretagne</c>), indexed as is: places named in a query.</summary>
    public const string Place = "place";
    /// <summary>Each organisation's full name, sorted-set doc values: the names a query can name as a whole.</summary>
    public const string OrganisationNames = "organisation_names";
    /// <summary>Start year, numeric doc values (0 when unknown): the year range filter.</summary>
    public const string Year = "year";
    /// <summary>Folded title, sorted doc values: sort by title.</summary>
    public const string TitleSort = "title_sort";
    /// <summary>Last update as yyyyMMdd, numeric doc values: sort by most recent.</summary>
    public const string Updated = "updated";
    /// <summary>What a result list shows of a hit, as binary doc values: read without decompressing stored blocks.</summary>
    public const string Display = "display";
    /// <summary>Body plain text as binary doc values: the text snippets are sliced from.</summary>
    public const string SnippetText = "snippet_text";
    /// <summary>The front matter alone (no body) as JSON binary doc values: what citations and sitemaps read, without the stored document.</summary>
    public const string Record = "record";
    /// <summary>The case's row of a table export (<c>CaseTable</c>) as binary doc values.</summary>
    public const string TableRow = "table_row";
    /// <summary>The whole case (front matter and rendered HTML) as a stored field of UTF-8 JSON bytes, for the case page and API.</summary>
    public const string Document = "document";

    /// <summary>Field boosts: title and summary weigh more than the body.</summary>
    /// <remarks>
    /// Measured with the relevance command (RELEVANCE.md): weights from 2/1.5/2/1 to 8/4/4/1 move nDCG@10
    /// by less than 0.005 on the judged queries, so these stay as designed.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, float> TextFields = new Dictionary<string, float>
    {
        [Title] = 4f,
        [Summary] = 2f,
        [Organisations] = 2f,
        [Body] = 1f,
        // Weighed as the body: as the summary (2), or in the summary field itself, they lost recall on the long questions of the
        // development sets, and the summary's statistics, which tell a question's framing words, would count them (RELEVANCE.md, session 47).
        [Keywords] = 1f,
    };

    /// <summary>Unstemmed fields that prefix queries run on.</summary>
    public static readonly IReadOnlyList<string> ExactFields = [MetaExact, BodyExact];

    /// <summary>The profiles of the organisations (<c>association</c>, <c>entreprise</c>...).</summary>
    public static readonly FacetDimension Actors = new("actors", "actors", "acteurs", c => c.Actors);
    /// <summary>The fragilities a case addresses, grouped in four families.</summary>
    public static readonly FacetDimension Domains = new("domains", "domains", "domaines", c => c.Domains);
    /// <summary>The type of partnership, one per case.</summary>
    public static readonly FacetDimension PartnershipTypes = new("partnership_types", "partnership_type", "types", c => [c.PartnershipType]);
    /// <summary>The scale a case acts at, one per case (<c>territory.scale</c>).</summary>
    public static readonly FacetDimension Scales = new("scales", "scale", "echelles", c => [c.Territory.Scale]);
    /// <summary>The regions a case names (<c>territory.regions</c>), or <see cref="NoRegion"/>.</summary>
    public static readonly FacetDimension Regions = new("regions", "regions", "regions", c => c.Territory.Regions, NoRegion);
    /// <summary>The départements a case's place lies in, by INSEE code (<c>35</c>, <c>2A</c>, <c>974</c>), grouped by region.</summary>
    public static readonly FacetDimension Departments = new("departments", null, "departements", c => DepartmentsOf(c.Territory));
    /// <summary>The editorial status, one per case.</summary>
    public static readonly FacetDimension Statuses = new("statuses", "status", "statuts", c => [c.Status]);

    /// <summary>
    /// The facet registry: every facet dimension, in display order. Each key is a taxonomy facet, an index field
    /// and an API parameter; adding a facet starts here and in <c>taxonomy.yml</c> (CONVENTIONS.md).
    /// </summary>
    public static readonly IReadOnlyList<FacetDimension> Facets = [Actors, Domains, PartnershipTypes, Scales, Regions, Departments, Statuses];

    /// <summary>The facets' keys (their URL parameters), in display order.</summary>
    public static readonly IReadOnlyList<string> FacetKeys = [.. Facets.Select(f => f.Key)];

    /// <summary>Whether a name is a facet's key (<see cref="FacetKeys"/>).</summary>
    public static bool IsFacet(string key) => FacetKeys.Contains(key);

    /// <summary>The regions value of the cases that list no region: national or international alliances, or not placed.</summary>
    public const string NoRegion = "sans-region";

    /// <summary>
    /// The départements a case acts in: those of its place (a commune's, or a département named), and that of each
    /// of its regions made of a single département (the overseas regions: La Réunion is the 974).
    /// </summary>
    private static IEnumerable<string> DepartmentsOf(Territory territory) => territory.PlaceCodes
        .Select(Places.Place.DepartmentOf)
        .OfType<string>()
        .Concat(territory.Regions.Select(Places.PlaceGazetteer.Official.SoleDepartmentOf).OfType<Places.Place>().Select(d => d.Code))
        .Distinct(StringComparer.Ordinal);

    /// <summary>The longest text a binary doc value may hold (Lucene's limit is 32,766 bytes).</summary>
    public const int MaxSnippetTextChars = 10_000;

    /// <summary>The analyzer for indexing and querying: French stemming, folding only on the exact fields.</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new FrenchAnalyzer(stem: true),
        new Dictionary<string, Analyzer>
        {
            [BodyExact] = new FrenchAnalyzer(stem: false),
            [MetaExact] = new FrenchAnalyzer(stem: false),
            [Surface] = new FrenchAnalyzer(FrenchAnalyzer.Mode.Surface),
            [Keywords] = new ValuesApart(new FrenchAnalyzer(stem: true)),
        });

    /// <summary>An analyzer that leaves a gap of positions between the values of a field, so that no phrase spans two of them.</summary>
    private sealed class ValuesApart(Analyzer analyzer) : AnalyzerWrapper(analyzer.Strategy)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => analyzer;

        public override int GetPositionIncrementGap(string fieldName) => 100;
    }
}
