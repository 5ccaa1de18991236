namespace ImpactAlliances.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first.</summary>
    Relevance,
    /// <summary>Most recently updated first.</summary>
    Recent,
}

/// <summary>A search as a person or a client asks for it; <see cref="CaseStudySearcher"/> normalizes it.</summary>
public sealed record SearchRequest
{
    /// <summary>The text typed, in the syntax of <see cref="UserQuery"/>.</summary>
    public string? Query { get; init; }
    /// <summary>Selected facet values by facet key; values of one facet combine with OR, facets with AND.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    /// <summary>Results per page; null for the configured default.</summary>
    public int? Size { get; init; }
    /// <summary>Order; null for relevance with text and most recent without.</summary>
    public SearchSort? Sort { get; init; }
}

/// <summary>The answer to a search.</summary>
public sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int Size,
    SearchSort Sort,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets)
{
    /// <summary>Number of pages, at least 1.</summary>
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>Whether any facet value is selected.</summary>
    public bool HasFilters => Facets.Any(f => f.Values.Any(v => v.Selected));
}

/// <summary>One result.</summary>
public sealed record SearchHit(
    string Slug,
    string Title,
    string Summary,
    string? Snippet,
    DateOnly Updated,
    int? Year,
    IReadOnlyList<string> Organisations,
    IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> Facets,
    float Score);

/// <summary>A facet value with its French label.</summary>
public sealed record FacetLabel(string Value, string Label);

/// <summary>The counts of one facet.</summary>
public sealed record FacetResult(string Key, string Label, IReadOnlyList<FacetCount> Values);

/// <summary>One facet value: how many results it would give, and whether it is selected.</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);
