using System.Net;
using System.Text.Json;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Web.Tests;

/// <summary>Running the site: the API budget, metrics, the request log, a graceful stop.</summary>
public sealed class OperationsFacts : IDisposable
{
    private readonly SiteFactory _site = new();

    [Fact]
    public async Task After_its_budget_a_client_gets_429_with_Retry_After_as_problem_json_on_the_api_only()
    {
        var client = _site.WithWebHostBuilder(b => b
            .UseSetting("RateLimit:Burst", "3")
            .UseSetting("RateLimit:Tokens", "1")
            .UseSetting("RateLimit:Period", "01:00:00")).CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/suggest?q=mo")).StatusCode);
        }
        var refused = await client.GetAsync("/api/search?q=mobilite");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/cases/wimoov-renault-mobilite-solidaire")).StatusCode);
        // Pages, probes and metrics are outside the budget.
        foreach (var url in new[] { "/?q=mobilite", "/health/live", "/health/ready", "/metrics" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Metrics_expose_request_and_search_durations_cache_hits_and_the_index_version()
    {
        var client = _site.CreateClient();
        // The API's answer is computed (a miss) and kept; the page's search of the same words is a hit of the result
        // cache (a second API call would be answered by the output cache, before the search is asked for).
        await client.GetStringAsync("/api/search?q=mobilit%C3%A9");
        await client.GetStringAsync("/?q=mobilit%C3%A9");
        var version = _site.Services.GetRequiredService<CaseStudyIndex>().OpenVersion;

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/search\"", metrics, StringComparison.Ordinal);
        Assert.Contains("impact_alliances_search_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Matches(@"impact_alliances_search_cache_hits_total\{[^}]*\} [1-9]", metrics);
        Assert.Matches(@"impact_alliances_search_cache_misses_total\{[^}]*\} [1-9]", metrics);
        Assert.Contains($"impact_alliances_index_version_seconds{{otel_scope_name=\"ImpactAlliances\",version=\"{version}\"}}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ready_probe_names_the_version_it_serves()
    {
        var client = _site.CreateClient();
        // The index opens in the background as the site starts; a search opens it at once if it is not open yet,
        // so that the probe is asked once the site is ready (before, it answers 503 without a version: CI met that).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=emploi")).StatusCode);

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_site.Services.GetRequiredService<CaseStudyIndex>().OpenVersion, Assert.Single(response.Headers.GetValues("X-Index-Version")));
    }

    [Theory]
    [InlineData("Production", 0)]
    [InlineData("Development", 1)]
    public async Task Requests_are_logged_one_line_each_in_development_and_not_at_all_in_production(string environment, int linesPerRequest)
    {
        var log = new CapturedLog();
        var client = _site.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log))).CreateClient();
        await client.GetAsync("/health/live");
        log.Entries.Clear();

        await client.GetAsync("/api/search?q=mobilite");
        await client.GetAsync("/exemples/wimoov-renault-mobilite-solidaire");
        await client.GetAsync("/?q=emploi");

        var requestLines = log.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * linesPerRequest, requestLines.Count);
        Assert.All(requestLines, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.All(requestLines, e => Assert.Contains("StatusCode: 200", e.Message, StringComparison.Ordinal));
        if (environment == "Production")
        {
            Assert.DoesNotContain(log.Entries, e => e.Level < LogLevel.Warning && !e.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal) && !e.Category.StartsWith("ImpactAlliances", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Stopping_the_host_lets_a_slow_request_in_flight_finish_then_the_container_probe_fails()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var site = new KestrelSiteFactory(started);
        site.UseKestrel(0);
        site.StartServer();
        using var client = site.CreateClient();
        var ready = new Uri(client.BaseAddress!, "/health/ready").ToString();
        // The index opens on another thread while the server starts: the probe fails until it is open, then passes.
        var probe = 1;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); probe != 0 && DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            probe = await Operations.ProbeAsync(ready);
        }
        Assert.Equal(0, probe);

        var slow = client.GetAsync(KestrelSiteFactory.SlowPath);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var lifetime = site.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        var response = await slow.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fini", await response.Content.ReadAsStringAsync());
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
        // The stopped server takes no new request.
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                using var fresh = new HttpClient { BaseAddress = client.BaseAddress };
                await fresh.GetAsync("/health/live");
                await Task.Delay(100);
            }
        });
        Assert.Equal(1, await Operations.ProbeAsync(ready));
    }

    /// <summary>The site on real Kestrel, with one slow request that signals when it has started.</summary>
    private sealed class KestrelSiteFactory(TaskCompletionSource started) : SiteFactory
    {
        public const string SlowPath = "/test/slow";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new SlowRequest(started)));
        }

        private sealed class SlowRequest(TaskCompletionSource started) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    if (context.Request.Path != SlowPath)
                    {
                        await following(context);
                        return;
                    }
                    started.TrySetResult();
                    // Deliberately blind to the stop: a request doing real work does not look at it either.
                    await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
                    await context.Response.WriteAsync("fini", CancellationToken.None);
                });
                next(app);
            };
        }
    }

    public void Dispose() => _site.Dispose();
}
