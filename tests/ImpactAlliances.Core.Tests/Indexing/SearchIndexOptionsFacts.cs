using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Indexing;

public sealed class SearchIndexOptionsFacts
{
    [Theory]
    [InlineData("Search:PageSize", "0", "PageSize")]
    [InlineData("Search:PageSize", "101", "PageSize")]
    [InlineData("Search:MaxPageSize", "1001", "MaxPageSize")]
    [InlineData("Search:CacheSize", "-1", "CacheSize")]
    [InlineData("Index:RefreshInterval", "00:00:00.050", "RefreshInterval")]
    [InlineData("Index:SourceInterval", "02:00:00", "SourceInterval")]
    public void A_setting_out_of_its_range_is_refused_by_name(string key, string value, string member)
    {
        using var services = Services(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SearchIndexOptions>>().Value);

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Search:PageSize", "100")]
    [InlineData("Search:CacheSize", "0")]
    [InlineData("Index:RefreshInterval", "00:00:00.100")]
    [InlineData("Index:SourceInterval", "01:00:00")]
    public void A_setting_at_the_edge_of_its_range_is_taken(string key, string value)
    {
        using var services = Services(key, value);

        Assert.NotNull(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value);
    }

    private static ServiceProvider Services(string key, string value) => new ServiceCollection()
        .AddCaseStudySearch(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build())
        .BuildServiceProvider();
}
