using ImpactAlliances.Core.Releases;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Pages.Donnees;

/// <summary>The open-data releases of the base, newest first, with their files, licence and how to cite them.</summary>
public sealed class IndexModel(ReleaseCatalog catalog, IOptions<RepositoryOptions> repository) : PageModel
{
    /// <summary>The releases, newest first.</summary>
    public IReadOnlyList<Release> Releases { get; private set; } = [];

    /// <summary>Links to each release's content commit.</summary>
    public RepositoryOptions Repository => repository.Value;

    /// <summary>How to cite the base, in French academic style, pinned to the latest release when there is one.</summary>
    public string Citation(string pageUrl)
    {
        var latest = Releases.Count > 0 ? Releases[0].Manifest : null;
        var version = latest is { } m
            ? $"version du {Formats.Date(m.ReleaseDate)}{(m.ContentCommit is { } c ? $", commit {c[..Math.Min(12, c.Length)]}" : "")}"
            : "version du jour du téléchargement";
        var year = latest?.ReleaseDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "s. d.";
        return $"Impact Alliances. ({year}). Impact Alliances, base d'exemples d'alliances d'intérêt général [jeu de données, {version}]. {ContentLicence.Name}. {pageUrl}";
    }

    /// <summary>Lists the releases.</summary>
    public void OnGet() => Releases = catalog.List();
}
