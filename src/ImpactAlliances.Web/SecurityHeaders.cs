namespace ImpactAlliances.Web;

/// <summary>
/// The headers a public site sends with every response: a strict Content-Security-Policy (the pages load
/// only their own scripts and styles, with no inline code), no framing, no sniffing, a short referrer.
/// HSTS belongs to the TLS proxy in front of the site (README).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy: everything from the site itself, nothing inline, nothing framing it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        await next(context);
    });
}
