using ImpactAlliances.Core.Releases;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// <c>/donnees/{release}/{file}</c>: the files of the open-data releases. Only a file a release's manifest
/// lists is served (see <see cref="ReleaseCatalog.Find"/>), so no request names a path of its own.
/// </summary>
public static class ReleaseFiles
{
    /// <summary>Maps the download route.</summary>
    public static IEndpointRouteBuilder MapReleaseFiles(this IEndpointRouteBuilder routes)
    {
        // Downloads of the open-data page, not part of the API the OpenAPI document describes.
        routes.MapMethods("/donnees/{release}/{file}", ["GET", "HEAD"], Download).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The address of a release's file.</summary>
    public static string Url(string release, string file) => $"/donnees/{Uri.EscapeDataString(release)}/{Uri.EscapeDataString(file)}";

    private static IResult Download(string release, string file, ReleaseCatalog catalog) =>
        catalog.Find(release, file) is { } path
            ? TypedResults.PhysicalFile(path, ContentType(file), file, enableRangeProcessing: true)
            : TypedResults.NotFound();

    /// <summary>The media type of a release file, by its name.</summary>
    public static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".jsonl" => "application/jsonl; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".parquet" => "application/vnd.apache.parquet",
        ".yml" or ".yaml" => "application/yaml; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        // LICENSE, SHA256SUMS
        _ => "text/plain; charset=utf-8",
    };
}
