using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ImpactAlliances.Web.Api;

/// <summary>Which of the documented parameters an endpoint takes.</summary>
[Flags]
public enum ParameterSet
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary><c>q</c>.</summary>
    Query = 1,
    /// <summary>One repeatable parameter per facet.</summary>
    Facets = 2,
    /// <summary><c>year_from</c>, <c>year_to</c>, <c>undated</c>.</summary>
    Years = 4,
    /// <summary><c>sort</c>.</summary>
    Sort = 8,
    /// <summary><c>page</c>, <c>size</c>.</summary>
    Paging = 16,
    /// <summary><c>literal</c>, <c>all_words</c>: how the words are searched.</summary>
    Words = 32,
    /// <summary>Every parameter of a search.</summary>
    Search = Query | Facets | Years | Sort | Paging | Words,
    /// <summary>The route's <c>slug</c>.</summary>
    Slug = 64,
    /// <summary><c>format</c>, <c>separator</c>.</summary>
    Export = 128,
}

/// <summary>Endpoint metadata: the parameters the OpenAPI document lists for the endpoint.</summary>
/// <param name="Sets">The parameters.</param>
public sealed record DocumentedParameters(ParameterSet Sets)
{
    /// <summary>The parameters, described, in the documentation's order.</summary>
    public IEnumerable<(ApiParameter Parameter, ParameterLocation In)> Describe(SearchIndexOptions options, Taxonomy? taxonomy, int latestYear)
    {
        if (Sets.HasFlag(ParameterSet.Slug))
        {
            yield return (ApiParameters.Slug, ParameterLocation.Path);
        }
        foreach (var parameter in ApiParameters.Search(options, taxonomy, latestYear).Where(p => Sets.HasFlag(SetOf(p.Name))))
        {
            yield return (parameter, ParameterLocation.Query);
        }
        if (Sets.HasFlag(ParameterSet.Export))
        {
            foreach (var parameter in ApiParameters.Export)
            {
                yield return (parameter, ParameterLocation.Query);
            }
        }
    }

    private static ParameterSet SetOf(string name) => name switch
    {
        Search.SearchState.QueryKey => ParameterSet.Query,
        Search.SearchState.YearFromKey or Search.SearchState.YearToKey or Search.SearchState.UndatedKey => ParameterSet.Years,
        Search.SearchState.SortKey => ParameterSet.Sort,
        Search.SearchState.PageKey or Search.SearchState.SizeKey => ParameterSet.Paging,
        Search.SearchState.LiteralKey or Search.SearchState.AllWordsKey => ParameterSet.Words,
        _ => ParameterSet.Facets,
    };
}

/// <summary>
/// The public API under <c>/api</c>: CORS open to any site for reading, answers tagged with the index version
/// (<see cref="IndexVersionCaching"/>), and an OpenAPI document generated from the endpoints.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The CORS policy of the API group: any origin may read, nothing else.</summary>
    public const string CorsPolicy = "api-read";

    /// <summary>The address of the OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The address of the documentation page.</summary>
    public const string DocumentationPath = "/documentation-api";

    /// <summary>The output-cache policy of the search answers.</summary>
    public const string SearchAnswers = "search-answers";

    /// <summary>
    /// The output-cache policy of the pages that show a search (results, themes): as <see cref="SearchAnswers"/>,
    /// and off in preview mode, whose banner says when the content was last checked.
    /// </summary>
    public const string SearchPages = "search-pages";

    /// <summary>Registers CORS, the OpenAPI document and the JSON naming the document describes.</summary>
    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", IndexVersionCaching.VersionHeader, IndexVersionCaching.CommitHeader, "X-Export-Search", "X-Export-Total", "Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        // A search answer is the same bytes for the same URL while the index version and the synonyms stay: the
        // serialized answer is kept and sent again, JSON and all (the result cache keeps only the result). Keyed by
        // both, like the result cache and the entity tag, and off with the result cache (Search:CacheSize 0).
        static SearchIndexOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SearchIndexOptions>>().Value;
        static OutputCachePolicyBuilder KeptPerAnswer(OutputCachePolicyBuilder policy) => policy
            .With(context => Options(context.HttpContext).CacheSize > 0)
            .SetVaryByQuery("*")
            // Kept as compressed (UseResponseCompression runs inside the output cache): one copy per encoding it
            // chooses (br, gzip or none), not per spelling of Accept-Encoding.
            .VaryByValue(http => new("encoding", http.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(http)?.EncodingName ?? "identity"))
            .VaryByValue(http => new("answer", http.RequestServices.GetRequiredService<ICaseStudySearch>().Served.AnswerKey))
            .Expire(TimeSpan.FromMinutes(10));
        services.AddOutputCache(cache =>
        {
            // Theme addresses are matched case by case: /themes/domains/MOBILITE must not be answered by a kept page.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(SearchAnswers, policy => KeptPerAnswer(policy));
            cache.AddPolicy(SearchPages, policy => KeptPerAnswer(policy).With(context => !Options(context.HttpContext).Watch));
        });
        // The API writes snake_case (ApiJson); the document's schemas are generated from the same contract.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Encoder = ApiJson.Encoder;
        });
        services.AddOpenApi(openApi =>
        {
            // HEAD answers as GET does: the document describes each operation once.
            openApi.ShouldInclude = description => description.HttpMethod != HttpMethods.Head;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Impact Alliances",
                    Version = "v1",
                    Description = "Recherche plein texte et par facettes dans la base d'exemples d'alliances d'intérêt général, cas par cas, " +
                        "suggestions et exports. Lecture seule (GET, HEAD), CORS ouvert, réponses marquées par la version de l'index " +
                        "(ETag, X-Index-Version, X-Content-Commit ; 304 sur If-None-Match), erreurs en application/problem+json. " +
                        $"Mode d'emploi en français : {DocumentationPath}.",
                };
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedParameters>().FirstOrDefault() is not { } documented)
                {
                    return Task.CompletedTask;
                }
                var services = context.ApplicationServices;
                var options = services.GetRequiredService<IOptions<SearchIndexOptions>>().Value;
                operation.Parameters ??= [];
                foreach (var (parameter, location) in documented.Describe(options, TaxonomyIfServed(services.GetRequiredService<ICaseStudySearch>()),
                    Search.SearchState.LatestYear(services.GetRequiredService<TimeProvider>())))
                {
                    if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameter.Name) is { } inferred)
                    {
                        inferred.Description = parameter.Description;
                        continue;
                    }
                    operation.Parameters.Add(ToOpenApi(parameter, location));
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps the API group (<c>/api/search</c>, <c>/api/suggest</c>, <c>/api/cases/{slug}</c>, <c>/api/export</c>) and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api")
            .AnswerHead()
            .RequireCors(CorsPolicy)
            .AddEndpointFilter(IndexVersionCaching.Filter)
            .WithTags("Impact Alliances");
        api.MapCaseStudyApi();
        api.MapExportApi();
        api.MapStatisticsApi();
        // An address under /api that no endpoint answers gets a problem like the API's other errors, not the site's
        // HTML page: a fallback, so it never takes a request another endpoint matches.
        // A RequestDelegate, which the Request Delegate Generator leaves alone: given a Delegate, the code it generates
        // (ASP.NET Core 10) maps the fallback to every address that is not a file, pattern ignored, and an unknown page
        // got this JSON instead of the site's « Page introuvable » (PagesFacts).
        routes.MapFallback("/api/{**path}", context => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Adresse inconnue",
                detail: $"Aucune adresse de l'API ne correspond à celle-ci. Les adresses et leurs paramètres : {DocumentationPath}.").ExecuteAsync(context))
            .RequireCors(CorsPolicy)
            .ExcludeFromDescription();
        routes.MapOpenApi(OpenApiPath).RequireCors(CorsPolicy);
        return routes;
    }

    /// <summary>
    /// The endpoints answer HEAD as they answer GET (the server leaves the body out): minimal API's MapGet alone
    /// would leave HEAD to fall through to a 404. Also accepts the CORS preflight.
    /// </summary>
    public static TBuilder AnswerHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head], acceptCorsPreflight: true)));
        return builder;
    }

    private static OpenApiParameter ToOpenApi(ApiParameter parameter, ParameterLocation location)
    {
        var schema = new OpenApiSchema
        {
            Type = parameter.Type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String },
            Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture),
        };
        if (parameter.Values is { } values)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = location,
            Required = location == ParameterLocation.Path,
            Description = parameter.Description,
            Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            Style = ParameterStyle.Form,
            Explode = parameter.Repeatable,
        };
    }

    // The document lists the facet values of the served taxonomy; before an index is open it lists none.
    private static Taxonomy? TaxonomyIfServed(ICaseStudySearch search)
    {
        try
        {
            return search.Taxonomy;
        }
        catch (IndexUnavailableException)
        {
            return null;
        }
    }
}
