using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The real site over a copy of the repository's content plus one hostile case, with its own index
/// folder, so tests never touch content/ or index/.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    /// <summary>A case whose body tries every way of running script.</summary>
    public const string HostileSlug = "zz-cas-hostile";

    private readonly string _root = Directory.CreateTempSubdirectory("ia-web-").FullName;

    public SiteFactory()
    {
        ContentPath = Path.Combine(_root, "content");
        IndexPath = Path.Combine(_root, "index");
        CopyFolder(RepositoryPaths.Resolve("content"), ContentPath);
        File.WriteAllText(Path.Combine(ContentPath, "cases", HostileSlug + ".md"), HostileCase);
        File.WriteAllText(Path.Combine(ContentPath, "cases", DraftSlug + ".md"), DraftCase(ContentPath));
        ReleasesPath = Path.Combine(_root, "releases");
        ReleaseFixture.WriteTo(ReleasesPath, ContentPath);
    }

    /// <summary>The root of the copy: content, index and releases.</summary>
    protected string Root => _root;

    /// <summary>A case still in draft: the public site leaves it out.</summary>
    public const string DraftSlug = "brouillon-quetzalcoatl";

    /// <summary>A valid case marked as a draft, whose title holds a word no other case has.</summary>
    /// <remarks>Whatever the copied case's status is, checked or not, the draft's is <c>brouillon</c>.</remarks>
    public static string DraftCase(string contentPath) => System.Text.RegularExpressions.Regex.Replace(
        File.ReadAllText(Path.Combine(contentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
            .Replace("Wimoov et Renault : une offre de mobilité solidaire", "Brouillon quetzalcoatl", StringComparison.Ordinal),
        @"^status: \w+$", "status: brouillon", System.Text.RegularExpressions.RegexOptions.Multiline);

    public string ContentPath { get; }
    public string IndexPath { get; }
    public string ReleasesPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Index:Path", IndexPath);
        builder.UseSetting("Index:RefreshInterval", "00:00:00.200");
        builder.UseSetting("Releases:Path", ReleasesPath);
        // Every test client shares one address: the API budget is tested on its own (OperationsFacts).
        builder.UseSetting("RateLimit:Burst", "1000000");
        builder.UseSetting("RateLimit:Tokens", "1000000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private const string HostileCase = """
        ---
        title: "Cas de test hostile"
        summary: "Un cas qui essaie d'exécuter du script."
        actors: [association]
        organisations:
          - { name: "Association Test", actor: association }
        domains: [numerique]
        partnership_type: mecenat
        territory:
          scale: local
          regions: [bretagne]
        sources:
          - { title: "Source de test", url: "https://example.org/" }
        updated: 2020-01-01
        ---

        ## Contexte

        Texte avant.<script>window.hacked = true; alert('xss')</script>

        <img src="x" onerror="window.hacked = true">

        [un lien piégé](javascript:window.hacked=true) et <a href="javascript:alert(1)" onclick="window.hacked=true">un autre</a>

        <div onmouseover="window.hacked = true" style="position:fixed;inset:0">survol</div>
        """;
}
