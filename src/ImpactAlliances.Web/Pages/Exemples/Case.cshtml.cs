using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages.Exemples;

/// <summary>A case: rendered body, facets as links, organisations, sources, related cases.</summary>
public sealed class CaseModel(ICaseStudySearch search) : PageModel
{
    /// <summary>The case shown.</summary>
    public CasePage Case { get; private set; } = null!;

    /// <summary>Shows the case, or the 404 page when no case has that slug.</summary>
    public IActionResult OnGet(string? slug)
    {
        // A segment of white space only reaches here as null: no case has it.
        if (string.IsNullOrWhiteSpace(slug) || search.GetCase(slug) is not { } page)
        {
            return NotFound();
        }
        Case = page;
        return Page();
    }
}
