namespace ImpactAlliances.Web.Search;

/// <summary>Who runs this instance of the site (<c>Legal:*</c>): what its legal notice states.</summary>
public sealed class LegalOptions
{
    /// <summary>The publisher (éditeur) of the site.</summary>
    public string Publisher { get; set; } = "Le projet Impact Alliances et ses contributeurs";

    /// <summary>An e-mail address or web address to reach the publisher; empty: the repository's issues, when it is known.</summary>
    public string Contact { get; set; } = "";

    /// <summary>The host (hébergeur): name, address and telephone, as the law asks; empty: not stated by this instance.</summary>
    public string Hosting { get; set; } = "";

    /// <summary>Where to write: <see cref="Contact"/>, else the repository's issues, else null.</summary>
    public string? ContactUrl(RepositoryOptions repository) => Contact switch
    {
        { Length: 0 } => repository.Url.Length == 0 ? null : $"{repository.Url.TrimEnd('/')}/issues",
        var c when c.Contains('@', StringComparison.Ordinal) && !c.Contains("://", StringComparison.Ordinal) => $"mailto:{c}",
        var c => c,
    };
}
