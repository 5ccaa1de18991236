using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
namespace ImpactAlliances.Core.Search;

/// <summary>What the site asks of the index.</summary>
public interface ICaseStudySearch
{
    /// <summary>Runs a search: hits of the page, total, and every facet's counts.</summary>
    SearchResult Search(SearchRequest request);

    /// <summary>Every case a search finds (up to <see cref="SearchIndexOptions.MaxResultWindow"/>), in its order, with what produced them; dispose it when done.</summary>
    CaseExport Export(SearchRequest request, TimeProvider? clock = null);

    /// <summary>
    /// Counts over every case a search finds: by facet value, by start year, actor × domain and actor pair × partnership type;
    /// with <paramref name="heading"/>, the search counted too (<see cref="ResultStatistics.Search"/>), for a page that heads them with it.
    /// </summary>
    ResultStatistics Statistics(SearchRequest request, TimeProvider? clock = null, bool heading = true);

    /// <summary>One case with its labels and related cases, or null when no case has that slug.</summary>
    CasePage? GetCase(string slug);

    /// <summary>Suggestions as you type: facet values, case titles and organisation names matching the words typed.</summary>
    IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8);

    /// <summary>The index version served, and the content it was built from.</summary>
    ServedIndex Served { get; }

    /// <summary>The taxonomy the served index was built with: facet and value labels, definitions, families.</summary>
    Content.Taxonomy Taxonomy { get; }
}

/// <summary>A case as its page shows it.</summary>
/// <param name="Case">Front matter and rendered body.</param>
/// <param name="Facets">The case's facet values with their labels, by facet key, in schema order.</param>
/// <param name="FacetLabels">The French label of each facet key.</param>
/// <param name="Sdgs">The case's SDGs with their labels.</param>
/// <param name="Related">Cases close to this one, each with what it shares with this one.</param>
public sealed record CasePage(
    IndexedCase Case,
    IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> Facets,
    IReadOnlyDictionary<string, string> FacetLabels,
    IReadOnlyList<FacetLabel> Sdgs,
    IReadOnlyList<RelatedCase> Related);

/// <summary>The index version being served: what a citation or an export pins.</summary>
/// <param name="Version">The version's name.</param>
/// <param name="ContentCommit">The git commit of the content it was built from, when known.</param>
/// <param name="BuiltAt">When it was built.</param>
/// <param name="Cases">How many cases it holds.</param>
public sealed record ServedIndex(string Version, string? ContentCommit, DateTimeOffset BuiltAt, int Cases)
{
    /// <summary>The fingerprint of the synonyms in service (<see cref="SynonymSet.Fingerprint"/>), read at query time.</summary>
    public string Synonyms { get; init; } = "";

    /// <summary>The earliest known start year of the cases served, or null when none has one: where the year range may begin.</summary>
    public int? EarliestYear { get; init; }

    /// <summary>What a search's answer depends on besides the request: a cache key, an entity tag.</summary>
    public string AnswerKey => AnswerKeyOf(Version, Synonyms);

    /// <summary><see cref="AnswerKey"/> of an index version and a synonyms fingerprint.</summary>
    public static string AnswerKeyOf(string version, string synonyms) => synonyms.Length == 0 ? version : $"{version}.{synonyms}";
}
