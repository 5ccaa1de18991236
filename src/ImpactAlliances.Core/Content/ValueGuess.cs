using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Content;

/// <summary>Why a taxonomy value is offered for a value the taxonomy does not have.</summary>
public enum GuessKind
{
    /// <summary>The slug written otherwise: capitals, accents, spaces, a typo (« Santé », « mobilty »).</summary>
    Spelling,
    /// <summary>The value's label, one of its terms, or a word of them (« pauvreté », « précarité », « insertion »).</summary>
    Word,
    /// <summary>A region merged into today's in 2016 (« Rhône-Alpes »).</summary>
    FormerRegion,
    /// <summary>A name in common use for one or more regions (« Antilles », « Région parisienne »).</summary>
    RegionName,
    /// <summary>A département of the region.</summary>
    Department,
    /// <summary>A commune of the region.</summary>
    Commune,
}

/// <summary>
/// The values of a facet that a value it does not have most likely means, and why: the taxonomy's own words first, then,
/// for regions, the official split (a former region, a département, a commune), then the closest spelling. One place for
/// the validation of case files and for unknown filter values in URLs.
/// </summary>
/// <param name="Kind">Why these values.</param>
/// <param name="Values">The values, most likely first; several when the value is shared (« Alpes », « Saint-Denis »).</param>
public sealed record ValueGuess(GuessKind Kind, IReadOnlyList<TaxonomyValue> Values)
{
    // More would not be a guess.
    private const int MaxValues = 3;

    /// <summary>The guess for <paramref name="value"/> among the values of <paramref name="facet"/>, or null when nothing is near.</summary>
    public static ValueGuess? For(TaxonomyFacet facet, string value)
    {
        var key = PlaceGazetteer.Key(value);
        if (key.Length == 0 || facet.Values.Count == 0)
        {
            return null;
        }
        return Named(facet, key)
            ?? (facet.Key == CaseStudySchema.Regions.Key ? Place(facet, value) : null)
            ?? Words(facet, key)
            ?? Spelt(facet, key);
    }

    /// <summary>A value whose slug, label or term folds to the same words.</summary>
    private static ValueGuess? Named(TaxonomyFacet facet, string key)
    {
        if (facet.Values.FirstOrDefault(v => PlaceGazetteer.Key(v.Slug) == key) is { } slug)
        {
            return new(GuessKind.Spelling, [slug]);
        }
        return Of(GuessKind.Word, facet.Values.Where(v => Names(v).Any(n => PlaceGazetteer.Key(n) == key)));
    }

    /// <summary>A region's other names, its départements and communes, from the official split.</summary>
    private static ValueGuess? Place(TaxonomyFacet facet, string value)
    {
        var named = PlaceGazetteer.Official.Named(value);
        if (named.Count == 0)
        {
            return null;
        }
        // The largest level only: « Paris » is the département before the commune.
        var places = named.Where(p => p.Kind == named[0].Kind).ToList();
        var kind = named[0].Kind switch
        {
            PlaceKind.Department => GuessKind.Department,
            PlaceKind.Commune => GuessKind.Commune,
            // The official split gives the départements of each former region; the other names stand for whole regions.
            _ => places.Any(p => p.Departments.Count > 0 && facet.Contains(p.Region)) ? GuessKind.FormerRegion : GuessKind.RegionName,
        };
        return Of(kind, places.Select(p => facet.Find(p.Region)).OfType<TaxonomyValue>(), all: kind == GuessKind.RegionName);
    }

    /// <summary>The values whose slug, label or terms hold every word given, each of three letters or more.</summary>
    private static ValueGuess? Words(TaxonomyFacet facet, string key)
    {
        var words = key.Split(' ');
        if (words.Any(w => w.Length < 3))
        {
            return null;
        }
        return Of(GuessKind.Word, facet.Values.Where(v => Names(v).Prepend(v.Slug)
            .Any(n => PlaceGazetteer.Key(n).Split(' ') is var held && words.All(held.Contains))));
    }

    /// <summary>The closest slug by edits or as a start (« mobilty », « emploi »).</summary>
    private static ValueGuess? Spelt(TaxonomyFacet facet, string key) =>
        ClosestMatch.Closest(key.Replace(' ', '-'), facet.Values.Select(v => v.Slug)) is { } slug ? new(GuessKind.Spelling, [facet.Find(slug)!]) : null;

    private static IEnumerable<string> Names(TaxonomyValue value) => value.Terms.Prepend(value.Label);

    /// <summary>A guess of these values, in their order, or null when none, or too many unless all of them are meant.</summary>
    private static ValueGuess? Of(GuessKind kind, IEnumerable<TaxonomyValue> values, bool all = false)
    {
        var distinct = values.Distinct().ToList();
        return distinct.Count == 0 || (distinct.Count > MaxValues && !all) ? null : new(kind, distinct);
    }
}
