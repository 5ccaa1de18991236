using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Web.Tests;

/// <summary>The running site re-reads content/synonyms.yml: a hostile one must not take it down nor drop the synonyms in use.</summary>
public sealed class HostileSynonymsFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Synonyms_nested_100000_levels_deep_leave_the_site_serving_the_previous_synonyms()
    {
        var log = new CapturedLog();
        var client = site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log))).CreateClient();
        var synonyms = Path.Combine(site.ContentPath, "synonyms.yml");
        File.AppendAllText(synonyms, "\n- [zorglub, quartiers prioritaires]\n");
        var total = await Eventually(client, total => total > 0);

        File.WriteAllText(synonyms, "- " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        File.SetLastWriteTimeUtc(synonyms, DateTime.UtcNow.AddMinutes(1));
        // The site looks at the file at most once a second, on a search it has not cached; it says when it keeps the
        // previous synonyms.
        await log.WaitFor(e => e.Level == LogLevel.Warning && e.Message.Contains("synonymes en service", StringComparison.Ordinal),
            () => client.GetAsync($"/api/search?q=essai{Guid.NewGuid():N}"));

        Assert.Equal(total, await Total(client));
    }

    private static async Task<int> Eventually(HttpClient client, Func<int, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var total = await Total(client);
            if (condition(total) || attempt == 50)
            {
                Assert.True(condition(total), "the site did not take the new synonyms");
                return total;
            }
            await Task.Delay(200);
        }
    }

    private static async Task<int> Total(HttpClient client)
    {
        var response = await client.GetAsync("/api/search?q=zorglub");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }
}
