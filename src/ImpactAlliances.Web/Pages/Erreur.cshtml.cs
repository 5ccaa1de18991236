using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages;

/// <summary>The error page for status codes (404...) and unhandled exceptions (500, 503 without index).</summary>
public sealed class ErreurModel : PageModel
{
    /// <summary>The status code shown.</summary>
    public int Code { get; private set; }

    /// <summary>Shows the page for the status code of the original request.</summary>
    public void OnGet(int? code)
    {
        // Only a re-executed request carries a status to show; /erreur/500 or /erreur/999 asked for
        // directly is an address with no page, not an error of the server.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Code = !reExecuted ? StatusCodes.Status404NotFound : code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        Response.StatusCode = Code;
    }
}
