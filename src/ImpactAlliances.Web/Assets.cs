using Microsoft.AspNetCore.Components;

namespace ImpactAlliances.Web;

/// <summary>
/// The URLs of wwwroot's assets as the layout links them: fingerprinted (<c>css/site.css</c> →
/// <c>/css/site.{hash}.css</c>) from the asset collection that <c>WithStaticAssets</c> gives the page's endpoint, as
/// the <c>asp-append-version</c> and <c>~/</c> tag helpers wrote them. Those tag helpers ran on every page, five of
/// them in the layout, for URLs that change only with a build (BENCHMARKS.md, twenty-sixth session).
/// </summary>
public static class Assets
{
    /// <summary>The URL of the asset at <paramref name="path"/> (no leading slash), its own path when the endpoint has no asset collection.</summary>
    public static string Url(HttpContext context, string path) =>
        "/" + (context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>()?[path] ?? path);
}
