using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages.Exemples;

/// <summary>
/// <c>/exemples</c> (and <c>/exemples/</c>), the parent of every case's address, which a visitor may reach by cutting
/// a case's URL: the list of every case is the search page without words (README's URL scheme), so it leads there.
/// </summary>
public sealed class IndexModel : PageModel
{
    /// <summary>
    /// A 302, not a 301: browsers keep a permanent redirect with no end date, and this address may one day list the
    /// cases itself; the search page's own clean-URL redirect is a 302 too.
    /// </summary>
    public IActionResult OnGet() => Redirect("/");
}
