using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Tests;

/// <summary>A setting out of its range stops the site before it serves, naming the setting.</summary>
public sealed class StartOptionsFacts
{
    [Theory]
    [InlineData("Search:PageSize", "0", "PageSize")]
    [InlineData("Search:MaxPageSize", "5000", "MaxPageSize")]
    [InlineData("Index:RefreshInterval", "00:00:00.001", "RefreshInterval")]
    [InlineData("RateLimit:Burst", "0", "Burst")]
    [InlineData("RateLimit:Period", "00:00:00.001", "Period")]
    public void A_setting_out_of_range_stops_the_start(string key, string value, string member)
    {
        using var site = new BadSettingSite(key, value);
        var error = Assert.Throws<OptionsValidationException>(() => site.CreateClient());
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    private sealed class BadSettingSite(string key, string value) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
