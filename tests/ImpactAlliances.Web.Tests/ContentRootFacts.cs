using System.Text.Json;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site started from another folder still reads its own settings and assets.</summary>
public sealed class ContentRootFacts : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ia-root-").FullName;

    [Fact]
    public void A_site_started_from_a_folder_without_its_settings_reads_them_from_its_own_folder()
    {
        var site = SiteWithSettings();

        Assert.Equal([$"--contentRoot={site}"], ContentRoot.Arguments([], _root, site, NoVariable));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/site")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void A_content_root_given_on_the_command_line_is_kept(string argument)
    {
        var site = SiteWithSettings();

        Assert.Empty(ContentRoot.Arguments([argument, "/srv/site"], _root, site, NoVariable));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void A_content_root_given_in_the_environment_is_kept(string variable)
    {
        var site = SiteWithSettings();

        Assert.Empty(ContentRoot.Arguments([], _root, site, name => name == variable ? "/srv/site" : null));
    }

    [Fact]
    public void Started_from_a_folder_holding_settings_the_site_keeps_the_hosts_default()
    {
        var site = SiteWithSettings();
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), "{}");

        Assert.Empty(ContentRoot.Arguments([], _root, site, NoVariable));
    }

    [Fact]
    public async Task The_built_site_started_from_another_folder_logs_as_its_settings_say()
    {
        await using var site = await BuiltSite.StartAsync(_root, "--urls", "http://127.0.0.1:0");

        // appsettings.json asks for one JSON object per log line; without it the console writes plain text.
        Assert.NotNull(site.ListeningLine);
        using var entry = JsonDocument.Parse(site.ListeningLine);
        Assert.Equal("Microsoft.Hosting.Lifetime", entry.RootElement.GetProperty("Category").GetString());
    }

    private static string? NoVariable(string name) => null;

    /// <summary>A site's folder holding its settings file.</summary>
    private string SiteWithSettings()
    {
        var site = Directory.CreateDirectory(Path.Combine(_root, "site")).FullName;
        File.WriteAllText(Path.Combine(site, "appsettings.json"), "{}");
        return site;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
