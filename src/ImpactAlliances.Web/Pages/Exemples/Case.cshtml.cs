using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Pages.Exemples;

/// <summary>A case: rendered body, facets as links, organisations, sources, related cases.</summary>
public sealed class CaseModel(ICaseStudySearch search, IOptions<RepositoryOptions> repository, TimeProvider clock) : PageModel
{
    /// <summary>The case shown.</summary>
    public CasePage Case { get; private set; } = null!;

    /// <summary>How to cite it.</summary>
    public CaseCitation Citation { get; private set; } = null!;

    /// <summary>The case's file, relative to the repository root.</summary>
    public string FilePath { get; private set; } = "";

    /// <summary>The repository host's links: each change, the file's edit page, the contribution guide.</summary>
    public RepositoryOptions Repository => repository.Value;

    /// <summary>In preview, the case file at this address that has errors, shown with them instead of the case.</summary>
    public BrokenCase? Broken { get; private set; }

    /// <summary>Shows the case; in preview, a case with errors with its errors; else the 404 page when no case has that slug.</summary>
    public IActionResult OnGet(string? slug, [FromServices] BrokenCasePreview preview)
    {
        // A segment of white space only reaches here as null: no case has it.
        if (string.IsNullOrWhiteSpace(slug) || search.GetCase(slug) is not { } page)
        {
            Broken = string.IsNullOrWhiteSpace(slug) ? null : preview.Find(slug);
            return Broken is null ? NotFound() : Page();
        }
        Case = page;
        var commit = search.Served.ContentCommit;
        FilePath = $"content/{ContentLoader.CasesFolder}/{page.Case.Case.Slug}.md";
        Citation = CaseCitation.Of(page.Case.Case, search.Taxonomy, $"{Request.Scheme}://{Request.Host}/exemples/{page.Case.Case.Slug}", commit,
            repository.Value.FileAt(commit, FilePath), clock.GetUtcNow());
        return Page();
    }
}
