using System.Diagnostics;
using System.Text.Json;
using ImpactAlliances.Core.Content;

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
        // A content folder with only the taxonomy: the start-up build is instant.
        var content = Directory.CreateDirectory(Path.Combine(_root, "content", "cases")).Parent!.FullName;
        File.Copy(RepositoryPaths.Resolve("content/taxonomy.yml"), Path.Combine(content, "taxonomy.yml"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "ImpactAlliances.Web.dll"),
                "--urls", "http://127.0.0.1:0", $"--Content:Path={content}", $"--Index:Path={Path.Combine(_root, "index")}",
            },
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.Contains("Now listening on", StringComparison.Ordinal));

            // appsettings.json asks for one JSON object per log line; without it the console writes plain text.
            Assert.NotNull(line);
            using var entry = JsonDocument.Parse(line);
            Assert.Equal("Microsoft.Hosting.Lifetime", entry.RootElement.GetProperty("Category").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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
