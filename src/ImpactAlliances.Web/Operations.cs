using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ImpactAlliances.Web;

/// <summary>
/// What running the site in production needs around the pages: a per-client budget on <c>/api/*</c>, one
/// log line per request, metrics for Prometheus at <c>/metrics</c>, health probes and a graceful stop.
/// Request size limits are Kestrel's, set in appsettings.json (<c>Kestrel:Limits</c>).
/// </summary>
public static class Operations
{
    /// <summary>Where Prometheus scrapes the metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the services.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // In-flight requests get this long to finish once the host is asked to stop (SIGTERM).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Shutdown:Timeout", o.ShutdownTimeout));
        // One combined line per request; its level (Information) is shown in Development, not in Production.
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration("RateLimit").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiRateLimitOptions>, ApiRateLimitOptionsValidator>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ApiPartition);
            o.OnRejected = RejectAsync;
        });
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("impact-alliances"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(SearchMetrics.MeterName)
                .AddMeter("System.Runtime") // the runtime's own: GC heap, pauses, thread pool (tools/ops/flat.sh reads the heap)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Adds the request log, the client address from a proxy on this machine, and the API budget to the pipeline.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseHttpLogging();
        // Behind a proxy on loopback (nginx here) the budget is per real client, from X-Forwarded-For.
        // Other proxies: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (docs/DEPLOYMENT.md).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor });
        app.UseRateLimiter();
        // The index version instrument exists from the start, before the first search creates the searcher.
        app.Services.GetRequiredService<SearchMetrics>();
        return app;
    }

    /// <summary>Maps <c>/metrics</c> and the health probes, none of them under the API budget.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            // Which version this replica serves, for a load balancer or a rollout script to compare.
            ResponseWriter = (context, report) =>
            {
                if (context.RequestServices.GetRequiredService<CaseStudyIndex>().OpenVersion is { } version)
                {
                    context.Response.Headers[IndexVersionCaching.VersionHeader] = version;
                }
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status.ToString());
            },
        });
        return app;
    }

    /// <summary>The argument that turns the site's executable into a health probe: <c>--probe http://127.0.0.1:8080/health/ready</c>.</summary>
    public const string ProbeArgument = "--probe";

    /// <summary>Asks a health endpoint; 0 when it answers 2xx, 1 otherwise.</summary>
    public static async Task<int> ProbeAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }

    private static RateLimitPartition<string> ApiPartition(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Partitions are keyed by name alone: this one must not share a key with a client's.
            return RateLimitPartition.GetNoLimiter("outside the API");
        }
        var budget = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter("client " + context.Connection.RemoteIpAddress, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = budget.Burst,
            TokensPerPeriod = budget.Tokens,
            ReplenishmentPeriod = budget.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Trop de requêtes",
            detail: $"Cette adresse a envoyé trop de requêtes à l'API. Réessayez dans {seconds} s.").ExecuteAsync(context);
    }
}

/// <summary><see cref="ApiRateLimitOptions"/>' annotations checked by code generated at build time, without reflection at start.</summary>
[OptionsValidator]
internal sealed partial class ApiRateLimitOptionsValidator : IValidateOptions<ApiRateLimitOptions>;

/// <summary>
/// The API budget of one client address (<c>RateLimit</c> section), a token bucket: <see cref="Burst"/>
/// requests at once, refilled by <see cref="Tokens"/> every <see cref="Period"/>.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests a client may send at once (<c>RateLimit:Burst</c>).</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 100;

    /// <summary>Requests given back every <see cref="Period"/> (<c>RateLimit:Tokens</c>).</summary>
    [Range(1, int.MaxValue)]
    public int Tokens { get; set; } = 20;

    /// <summary>The refill period (<c>RateLimit:Period</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}
