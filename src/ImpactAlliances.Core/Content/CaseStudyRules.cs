using System.Text.RegularExpressions;

namespace ImpactAlliances.Core.Content;

/// <summary>The limits of the content schema (DESIGN.md, "Content schema"), in one place.</summary>
public static partial class CaseStudyRules
{
    /// <summary>Longest summary, in characters.</summary>
    public const int MaxSummaryLength = 400;
    /// <summary>Longest title, in characters.</summary>
    public const int MaxTitleLength = 200;
    /// <summary>Longest slug, in characters.</summary>
    public const int MaxSlugLength = 80;
    /// <summary>Fewest and most domains a case may have.</summary>
    public const int MinDomains = 1, MaxDomains = 4;
    /// <summary>Earliest accepted start year.</summary>
    public const int MinYear = 1850;

    /// <summary>The body sections of the evaluation path, in order.</summary>
    public static readonly IReadOnlyList<string> Sections =
        ["Contexte", "Le partenariat", "Actions et moyens", "Résultats et impacts", "Enseignements"];

    /// <summary>Whether a file name (without extension) is a valid slug: lowercase ASCII words joined by single hyphens.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
