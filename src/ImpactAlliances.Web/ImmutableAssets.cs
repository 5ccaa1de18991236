namespace ImpactAlliances.Web;

/// <summary>
/// Fingerprinted assets (<c>/css/site.{hash}.css</c>, which the layout's <c>asp-append-version</c> links to) never
/// change under their name: the build manifest sends them <c>max-age=31536000, immutable</c>; <c>public</c> is
/// added so that shared caches keep them too. The other assets keep the manifest's <c>no-cache</c> and ETag.
/// </summary>
public static class ImmutableAssets
{
    /// <summary>What a fingerprinted asset is sent with.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>Marks the immutable assets of <c>MapStaticAssets</c> public.</summary>
    public static TBuilder WithPublicImmutableCaching<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    if (headers.CacheControl.ToString().Contains("immutable", StringComparison.Ordinal))
                    {
                        headers.CacheControl = CacheControl;
                    }
                    return Task.CompletedTask;
                });
                return serve(context);
            };
        });
        return builder;
    }
}
