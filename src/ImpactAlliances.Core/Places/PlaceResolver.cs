using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Places;

/// <summary>What a case's <c>territory.place</c> names: the places found, and the parts that name none.</summary>
/// <param name="Places">Resolved places, in the order written.</param>
/// <param name="Unknown">Each part that names no place, with the closest official name when one is near.</param>
public sealed record PlaceResolution(IReadOnlyList<Place> Places, IReadOnlyList<(string Part, string? Suggestion)> Unknown);

/// <summary>
/// Reads <c>territory.place</c>: communes, départements or regions by official name, separated by commas,
/// « et » or « ; », each optionally followed by its département in brackets to tell homonyms apart:
/// <c>Rennes (Ille-et-Vilaine), Saint-Denis (La Réunion)</c>, <c>Finistère</c>, <c>Lille (59)</c>.
/// </summary>
public static class PlaceResolver
{
    /// <summary>Resolves every part of a place text against the gazetteer.</summary>
    /// <param name="text">The place text.</param>
    /// <param name="gazetteer">The official split.</param>
    /// <param name="regions">The case's regions: among homonyms without a département in brackets, the one there wins.</param>
    public static PlaceResolution Resolve(string? text, PlaceGazetteer gazetteer, IReadOnlyCollection<string>? regions = null)
    {
        var places = new List<Place>();
        var unknown = new List<(string, string?)>();
        foreach (var part in Parts(text ?? "", splitOnEt: false).SelectMany(p => Find(Name(p), Context(p), gazetteer, regions ?? []) is null ? Parts(p, splitOnEt: true) : [p]))
        {
            var (name, context) = (Name(part), Context(part));
            if (Find(name, context, gazetteer, regions ?? []) is { } place)
            {
                places.Add(place);
            }
            else
            {
                unknown.Add((part, Closest(name, gazetteer)));
            }
        }
        return new PlaceResolution(places, unknown);
    }

    private static string Name(string part)
    {
        var open = part.IndexOf('(', StringComparison.Ordinal);
        return WithoutPrefix((open >= 0 ? part[..open] : part).Trim());
    }

    private static string Context(string part)
    {
        var open = part.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 ? part[(open + 1)..].TrimEnd(')', ' ') : "";
    }

    private static Place? Find(string name, string context, PlaceGazetteer gazetteer, IReadOnlyCollection<string> regions)
    {
        var candidates = gazetteer.Named(name);
        if (candidates.Count == 0 && gazetteer.Department(name) is { } byCode)
        {
            return byCode;
        }
        if (context.Length == 0)
        {
            // Regions and départements come first in the gazetteer, then communes by population.
            return candidates.FirstOrDefault(p => p.Kind != PlaceKind.Commune || regions.Contains(p.Region))
                ?? (candidates.Count > 0 ? candidates[0] : null);
        }
        var department = gazetteer.Department(context) ?? gazetteer.Named(context).FirstOrDefault(p => p.Kind == PlaceKind.Department);
        var region = gazetteer.Named(context).FirstOrDefault(p => p.Kind == PlaceKind.Region);
        return candidates.FirstOrDefault(p => department is not null && p.Department == department.Code)
            ?? candidates.FirstOrDefault(p => region is not null && p.Region == region.Region)
            ?? (department is null && region is null && candidates.Count > 0 ? candidates[0] : null);
    }

    // "région Bretagne", "département du Rhône", "ville de Lyon": the kind of place is not part of its name.
    private static string WithoutPrefix(string name)
    {
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return name[prefix.Length..].Trim();
            }
        }
        return name;
    }

    private static readonly string[] Prefixes =
    [
        "région ", "département du ", "département de la ", "département de l'", "département des ", "département de ",
        "ville de ", "commune de ", "métropole de ",
    ];

    /// <summary>Splits on commas and semicolons outside brackets, and on « et » when asked (« Thue et Mue » is one commune).</summary>
    private static IEnumerable<string> Parts(string text, bool splitOnEt)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            if (!end && text[i] == '(')
            {
                depth++;
            }
            else if (!end && text[i] == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            var separator = end ? 0
                : depth > 0 ? 0
                : text[i] is ',' or ';' ? 1
                : splitOnEt && string.CompareOrdinal(text, i, " et ", 0, 4) == 0 ? 4
                : 0;
            if (end || separator > 0)
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }
                start = i + Math.Max(separator, 1);
                i = start - 1;
            }
        }
    }

    private static string? Closest(string name, PlaceGazetteer gazetteer)
    {
        var key = PlaceGazetteer.Key(name);
        if (key.Length < 3)
        {
            return null;
        }
        // Only names of about the same length and the same first letter are looked at: a misspelling rarely
        // changes the first letter, and this keeps the search over 35,000 names short.
        var first = key[0];
        var near = gazetteer.Places
            .Where(p => Math.Abs(p.Name.Length - name.Length) <= 2 && p.Key.Length > 0 && p.Key[0] == first)
            .Select(p => p.Name)
            .Distinct();
        return ClosestMatch.Closest(name, near);
    }
}
