namespace ImpactAlliances.Web;

/// <summary>
/// The site only reads: every other method gets 405 with <c>Allow: GET, HEAD</c>, as problem+json for the
/// API and a short French page elsewhere. Answered here, before routing, because the error page re-executed
/// for a POST would otherwise run Razor's antiforgery check and turn the 405 into a 400.
/// </summary>
public static class ReadOnlySite
{
    /// <summary>The methods the site answers.</summary>
    public const string Allowed = "GET, HEAD";

    /// <summary>Adds the check to the pipeline.</summary>
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = Allowed;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Méthode non acceptée",
                detail: $"Cette adresse se lit seulement ({Allowed}).").ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Méthode non acceptée · Impact Alliances</title></head>" +
            "<body><h1>Méthode non acceptée</h1><p>Ce site se consulte seulement. <a href=\"/\">Revenir à la recherche</a>.</p></body></html>");
    });
}
