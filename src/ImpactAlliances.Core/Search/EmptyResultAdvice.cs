using System.Globalization;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>What a page with no result offers: the filters to remove, a bolder correction, each word on its own; each with its count.</summary>
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
            var unfiltered = request with { Filters = new Dictionary<string, IReadOnlyList<string>>(), YearFrom = null, YearTo = null };
            removals.Add(new FilterRemoval(FilterRemoval.All, null, [], runner.Count(unfiltered, clauses)));
        }
        return removals;
    }

    /// <summary>A bolder spelling correction, and each word on its own, those that find something.</summary>
    public static List<QuerySuggestion> QuerySuggestions(SearchRunner runner, SearchRequest request, IReadOnlyList<QueryClause> clauses)
    {
        var candidates = new List<string>();
        var (bolder, corrections) = runner.Correct(clauses, extraEdits: 1);
        if (corrections.Count > 0)
        {
            // The whole query corrected: its exclusions and alternatives as typed.
            candidates.Add(UserQuery.Format(bolder));
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
