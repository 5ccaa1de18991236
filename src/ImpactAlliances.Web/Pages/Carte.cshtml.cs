using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Map;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages;

/// <summary>The map of the current results: the search page's URL parameters, by region or by département.</summary>
public sealed class CarteModel(ICaseStudySearch search, TimeProvider clock) : PageModel
{
    /// <summary>The query-string key of the level, and its value for départements (regions otherwise).</summary>
    public const string LevelKey = "niveau", DepartmentsLevel = "departements";

    // The level rides in the state's path, so that every link of the page that stays on the map keeps it (the note's
    // « only the cases holding every term », a filter's removal) and those that leave it for the search drop it.
    private const string RegionsPath = "/carte", DepartmentsPath = $"{RegionsPath}?{LevelKey}={DepartmentsLevel}";

    /// <summary>The search state read from the URL; its links lead back to this page.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The search counted, without its hits: its total, filters and notes.</summary>
    public SearchResult Result { get; private set; } = null!;

    /// <summary>The coloured map.</summary>
    public Choropleth Map { get; private set; } = null!;

    /// <summary>The results that list no region: the regions facet's « National / sans région » bucket.</summary>
    public FacetCount? NoRegion { get; private set; }

    /// <summary>Counts the results the URL describes at the level it asks for.</summary>
    public void OnGet()
    {
        var level = Request.Query[LevelKey] == DepartmentsLevel ? MapLevel.Departments : MapLevel.Regions;
        State = SearchState.FromQuery(Request.Query, clock, LevelKey) with { Path = PathOf(level), Page = 1, Size = null };
        var statistics = search.Statistics(State.ToRequest());
        Result = statistics.Search!;
        Map = Choropleth.Of(FranceMap.Official, statistics, search.Taxonomy, level);
        NoRegion = statistics.Facet(CaseStudySchema.Regions.Key).Values.FirstOrDefault(v => v.Value == CaseStudySchema.NoRegion);
    }

    /// <summary>This map at another level, same filters.</summary>
    public string LevelUrl(MapLevel level) => (State with { Path = PathOf(level) }).ToUrl();

    private static string PathOf(MapLevel level) => level == MapLevel.Regions ? RegionsPath : DepartmentsPath;

    /// <summary>The search page with the current filters.</summary>
    public string SearchUrl => (State with { Path = "/" }).ToUrl();

    /// <summary>
    /// The search page with the current results limited to one area: its count on the map is that page's count, as a
    /// statistics bar's (<see cref="SearchState.Narrowed"/>: a region added to another selected one is required with it).
    /// </summary>
    public string SearchUrlWith(string facet, string value) => (State with { Path = "/" }).Narrowed(facet, value).ToUrl();
}
