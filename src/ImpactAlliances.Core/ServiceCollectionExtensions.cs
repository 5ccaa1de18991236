using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core;

/// <summary>Registration of the case-study library, shared by the site and the indexer.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (<c>Content:Path</c>, <c>Content:Watch</c>, <c>Index:Path</c>, <c>Index:RefreshInterval</c>, <c>Index:Source</c>, <c>Index:SourceInterval</c>,
    /// <c>Search:PageSize</c>, <c>Search:MaxPageSize</c>), rendering, building and searching.
    /// </summary>
    public static IServiceCollection AddCaseStudySearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchIndexOptions>()
            .Configure(options =>
            {
                configuration.GetSection("Search").Bind(options);
                options.ContentPath = RepositoryPaths.Resolve(configuration["Content:Path"] ?? options.ContentPath);
                options.IndexPath = RepositoryPaths.Resolve(configuration["Index:Path"] ?? options.IndexPath);
                options.Watch = configuration.GetValue<bool>("Content:Watch");
                if (configuration.GetValue<TimeSpan?>("Index:RefreshInterval") is { } interval)
                {
                    options.RefreshInterval = interval;
                }
                options.Source = configuration["Index:Source"] is { Length: > 0 } source ? source : null;
                if (configuration.GetValue<TimeSpan?>("Index:SourceInterval") is { } sourceInterval)
                {
                    options.SourceInterval = sourceInterval;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchIndexOptions>, SearchIndexOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<IndexBuilder>();
        services.AddSingleton(sp => new IndexStore(sp.GetRequiredService<IOptions<SearchIndexOptions>>().Value.IndexPath));
        services.AddSingleton<ContentStatus>();
        services.AddSingleton<ContentIndexer>();
        services.AddSingleton<CaseStudyIndex>();
        services.AddSingleton<SynonymProvider>();
        services.AddSingleton<CaseStudySearcher>();
        services.AddMetrics();
        services.AddSingleton<SearchMetrics>();
        services.AddSingleton<ICaseStudySearch, CachedCaseStudySearch>();
        return services;
    }
}

/// <summary>
/// <see cref="SearchIndexOptions"/>' annotations checked by code generated at build time: the reflection of
/// <c>ValidateDataAnnotations</c> cost the site's start tens of milliseconds of CPU (BENCHMARKS.md, twenty-ninth session).
/// </summary>
[OptionsValidator]
internal sealed partial class SearchIndexOptionsValidator : IValidateOptions<SearchIndexOptions>;
