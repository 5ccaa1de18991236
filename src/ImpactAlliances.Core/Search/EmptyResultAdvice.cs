using System.Globalization;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// What a page with no result offers: the filters to remove, a bolder correction, each word on its own; and a page whose
/// cases hold only part of the terms, which terms none holds and whether removing the filters finds cases holding them all;
/// each with its count.
/// </summary>
internal static class EmptyResultAdvice
{
    /// <summary>Each active filter, and what its removal would give.</summary>
    public static List<FilterRemoval> FilterRemovals(SearchRunner runner, SearchRequest request, IReadOnlyList<QueryClause> clauses, SearchResult result,
        int[] failedOnly)
    {
        var removals = new List<FilterRemoval>();
        for (var d = 0; d < CaseStudySchema.Facets.Count; d++)
        {
            var facet = result.Facets[d];
            var values = facet.Values.Where(v => v.Selected).Select(v => v.Label).ToList();
            if (values.Count > 0)
            {
                removals.Add(new FilterRemoval(facet.Key, facet.Label, values, failedOnly[d]));
            }
        }
        if (request.YearFrom is not null || request.YearTo is not null)
        {
            var withoutYears = runner.Count(request with { YearFrom = null, YearTo = null }, clauses);
            removals.Add(new FilterRemoval(FilterRemoval.Years, null, [$"{request.YearFrom?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{request.YearTo?.ToString(CultureInfo.InvariantCulture) ?? "…"}"], withoutYears));
        }
        if (removals.Count > 1 && removals.All(r => r.Count == 0))
        {
            // No single filter is to blame: offer them all at once.
            removals.Add(new FilterRemoval(FilterRemoval.All, null, [], runner.Count(Unfiltered(request), clauses)));
        }
        return removals;
    }

    /// <summary>
    /// The clauses of a query (corrected) that no case within the request's filters holds, each as typed: what the cases
    /// found, none of which holds every term, miss.
    /// </summary>
    public static List<string> TermsHeldByNone(SearchRunner runner, SearchRequest request, IReadOnlyList<QueryClause> searched) =>
        searched.Where(c => !c.Excluded)
            .Select(c => c with { OrWithPrevious = false })
            .Where(c => runner.Count(request with { AllWords = false }, [c]) == 0)
            .Select(UserQuery.Format)
            .Distinct()
            .ToList();

    /// <summary>
    /// How many cases hold every term of the query without the request's filters and year range, when it has some and that
    /// finds any: none of the cases found holding them all, the filters are what to remove.
    /// </summary>
    public static int? AllWordsWithoutFilters(SearchRunner runner, SearchRequest request, IReadOnlyList<QueryClause> searched)
    {
        if (!request.Filters.Any(f => f.Value.Count > 0) && request.YearFrom is null && request.YearTo is null)
        {
            return null;
        }
        var count = runner.Count(Unfiltered(request) with { AllWords = true }, searched);
        return count > 0 ? count : null;
    }

    /// <summary>The request without its facet filters and year range.</summary>
    private static SearchRequest Unfiltered(SearchRequest request) =>
        request with { Filters = new Dictionary<string, IReadOnlyList<string>>(), YearFrom = null, YearTo = null };

    /// <summary>A bolder spelling correction, and each word on its own, those that find something.</summary>
    public static List<QuerySuggestion> QuerySuggestions(SearchRunner runner, SearchRequest request, IReadOnlyList<QueryClause> clauses)
    {
        var candidates = new List<string>();
        var (bolder, corrections, offered, _) = runner.Correct(clauses, extraEdits: 1);
        if (corrections.Count > 0 || offered.Count > 0)
        {
            // The whole query corrected, words of French that no case writes included (offered, they were not searched): its
            // exclusions and alternatives as typed.
            var offeredTo = offered.DistinctBy(o => o.From).ToDictionary(o => o.From, o => o.To);
            candidates.Add(UserQuery.Format(bolder.Select(c => offeredTo.TryGetValue(c.Text, out var to) ? c with { Text = to } : c).ToList()));
        }
        var words = clauses.Where(c => !c.Excluded).ToList();
        if (words.Count > 1)
        {
            candidates.AddRange(words.Select(w => UserQuery.Format(w with { OrWithPrevious = false })));
        }
        return candidates.Distinct()
            .Select(q => new QuerySuggestion(q, runner.Count(request with { Query = q }, UserQuery.Parse(q))))
            .Where(s => s.Count > 0)
            .ToList();
    }
}
