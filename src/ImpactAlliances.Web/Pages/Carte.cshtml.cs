using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Map;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ImpactAlliances.Web.Pages;

/// <summary>The map of the current results: the search page's URL parameters, by region or by département.</summary>
public sealed class CarteModel(ICaseStudySearch search) : PageModel
{
    /// <summary>The query-string key of the level, and its value for départements (regions otherwise).</summary>
    public const string LevelKey = "niveau", DepartmentsLevel = "departements";

    /// <summary>The search state read from the URL; its links lead back to this page.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The search, for its total and counts.</summary>
    public SearchResult Result { get; private set; } = null!;

    /// <summary>The coloured map.</summary>
    public Choropleth Map { get; private set; } = null!;

    /// <summary>The results that list no region: the regions facet's « National / sans région » bucket.</summary>
    public FacetCount? NoRegion { get; private set; }

    /// <summary>Counts the results the URL describes at the level it asks for.</summary>
    public void OnGet()
    {
        State = SearchState.FromQuery(Request.Query) with { Path = "/carte", Page = 1, Size = null };
        var level = Request.Query[LevelKey] == DepartmentsLevel ? MapLevel.Departments : MapLevel.Regions;
        Result = search.Search(State.ToRequest() with { Size = 1 });
        Map = Choropleth.Of(FranceMap.Official, Result, search.Taxonomy, level);
        NoRegion = Result.Facets.Single(f => f.Key == CaseStudySchema.Regions.Key).Values.FirstOrDefault(v => v.Value == CaseStudySchema.NoRegion);
    }

    /// <summary>This map at another level, same filters.</summary>
    public string LevelUrl(MapLevel level) =>
        level == MapLevel.Regions ? State.ToUrl() : QueryHelpers.AddQueryString(State.ToUrl(), LevelKey, DepartmentsLevel);

    /// <summary>The search page with the current filters.</summary>
    public string SearchUrl => (State with { Path = "/" }).ToUrl();

    /// <summary>The search page with the current filters and one more.</summary>
    public string SearchUrlWith(string facet, string value) => (State with { Path = "/" }).With(facet, value).ToUrl();
}
