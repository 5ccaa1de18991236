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

    /// <summary>The slug for a title: accents folded, lower case, words joined by hyphens, cut at a word near 60 characters.</summary>
    public static string SlugFromTitle(string title)
    {
        var folded = Search.FrenchAnalyzer.FoldLower(title);
        var words = NonSlugCharacters().Split(folded).Where(w => w.Length > 0);
        var slug = "";
        foreach (var word in words)
        {
            var next = slug.Length == 0 ? word : $"{slug}-{word}";
            if (next.Length > 60 && slug.Length > 0)
            {
                break;
            }
            slug = next.Length > MaxSlugLength ? next[..MaxSlugLength].TrimEnd('-') : next;
        }
        // A cut can leave an elided article ("maraichage-d" from "maraîchage d'insertion").
        while (slug.Length > 2 && slug[^2] == '-')
        {
            slug = slug[..^2];
        }
        return slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugCharacters();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
