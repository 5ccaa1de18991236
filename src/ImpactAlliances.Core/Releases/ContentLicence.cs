namespace ImpactAlliances.Core.Releases;

/// <summary>The licence of the content (content/LICENSE) and of the code (LICENSE), as the site and the releases state them.</summary>
public static class ContentLicence
{
    /// <summary>SPDX identifier of the content licence.</summary>
    public const string Spdx = "CC-BY-4.0";

    /// <summary>Its usual name.</summary>
    public const string Name = "CC BY 4.0";

    /// <summary>Its summary in French, which links to the legal text.</summary>
    public const string Url = "https://creativecommons.org/licenses/by/4.0/deed.fr";

    /// <summary>The credit a reuse gives.</summary>
    public const string Attribution = "Impact Alliances, base d'exemples d'alliances d'intérêt général, CC BY 4.0";

    /// <summary>The licence of the site's and tools' code.</summary>
    public const string CodeLicence = "MIT";
}
