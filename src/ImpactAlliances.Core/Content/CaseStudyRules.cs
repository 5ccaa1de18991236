using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;

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
    /// <summary>Most index terms a case may have, and the longest one, in characters: a few specific terms, not a text.</summary>
    public const int MaxKeywords = 12, MinKeywordLength = 2, MaxKeywordLength = 60;
    /// <summary>Earliest accepted start year.</summary>
    public const int MinYear = 1850;

    /// <summary>The body sections of the evaluation path, in order.</summary>
    public static readonly IReadOnlyList<string> Sections =
        ["Contexte", "Le partenariat", "Actions et moyens", "Résultats et impacts", "Enseignements"];

    /// <summary>Whether a file name (without extension) is a valid slug: lowercase ASCII words joined by single hyphens.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>Longest slug derived from a title: long enough to tell cases apart, short enough to read in an address.</summary>
    public const int ReadableSlugLength = 60;

    // Words a name should not end on: "...-pour-la" reads as cut mid-phrase.
    private static readonly HashSet<string> TrailingStopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "entre", "et", "l", "la", "le", "les",
        "leur", "leurs", "ou", "par", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses", "son", "sur", "un", "une", "vers",
    };

    /// <summary>
    /// The slug for a title: accents folded, lower case, words joined by hyphens, as many whole words as fit in
    /// <see cref="ReadableSlugLength"/> characters, not ending on an article, preposition or conjunction.
    /// </summary>
    public static string SlugFromTitle(string title)
    {
        var words = NonSlugCharacters().Split(FrenchAnalyzer.FoldLower(title)).Where(w => w.Length > 0).ToList();
        var kept = new List<string>();
        var length = 0;
        foreach (var word in words)
        {
            var next = length + (kept.Count > 0 ? 1 : 0) + word.Length;
            if (next > ReadableSlugLength)
            {
                break;
            }
            kept.Add(word);
            length = next;
        }
        if (kept.Count == 0 && words.Count > 0)
        {
            // One word longer than the limit: cut it rather than give no name.
            kept.Add(words[0][..ReadableSlugLength]);
        }
        while (kept.Count > 1 && TrailingStopWords.Contains(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }
        return string.Join('-', kept);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugCharacters();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
