using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Pages;

/// <summary>The API's documentation in French: endpoints, parameters, examples, limits, caching and errors.</summary>
public sealed class DocumentationApiModel(ICaseStudySearch search, IOptions<SearchIndexOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>The paging limits.</summary>
    public SearchIndexOptions Options { get; } = options.Value;

    /// <summary>The parameters of a search, with the facet values of the served taxonomy.</summary>
    public IReadOnlyList<ApiParameter> Parameters { get; private set; } = [];

    /// <summary>The index served now, whose version tags the answers.</summary>
    public ServedIndex Served { get; private set; } = null!;

    /// <summary>The site's address as this request reached it, for the examples.</summary>
    public string Site { get; private set; } = "";

    /// <summary>Reads what the page shows.</summary>
    public void OnGet()
    {
        Parameters = ApiParameters.Search(Options, search.Taxonomy, SearchState.LatestYear(clock));
        Served = search.Served;
        Site = Discovery.Absolute(Request, "");
    }
}
