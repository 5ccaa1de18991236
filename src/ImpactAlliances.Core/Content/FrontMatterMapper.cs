using System.Globalization;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Maps the YAML front matter of one case file to typed values, checking each field against the
/// schema and the taxonomy, and reporting every problem with the line of the offending key or value.
/// </summary>
internal sealed class FrontMatterMapper(string path, int lineOffset, Taxonomy taxonomy, ICollection<ContentDiagnostic> diagnostics)
{
    private static readonly string[] KnownKeys =
        ["title", "summary", "actors", "organisations", "domains", "partnership_type", "territory", "year", "ended", "sdgs", "keywords", "sources", "status", "reviewed", "updated"];

    public YamlMappingNode Root { get; private set; } = new();

    public void CheckKeys(YamlMappingNode root)
    {
        Root = root;
        CheckKeys(root, KnownKeys);
    }

    /// <summary>
    /// Reports each key of <paramref name="map"/> that is not one of <paramref name="known"/>: a misspelt key
    /// (<c>regoins</c>) would otherwise be dropped with its value, and the file pass as valid.
    /// </summary>
    /// <param name="owner">The field that holds <paramref name="map"/>, with its dot (<c>territory.</c>), as messages name it.</param>
    public void CheckKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string owner = "")
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                Error(key, $"champ inconnu « {owner}{name} »{ClosestMatch.Hint(name, known)}");
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The node of a facet's front-matter key.</summary>
    public static YamlNode? Get(YamlMappingNode map, FacetDimension facet) => Get(map, KeyOf(facet));

    private static string KeyOf(FacetDimension facet) =>
        facet.FrontMatterKey ?? throw new ArgumentException($"Case files do not write the facet '{facet.Key}'.", nameof(facet));

    public int LineOf(YamlNode node) => YamlNodes.Line(node, lineOffset);

    public void Error(YamlNode node, string message) => diagnostics.Add(YamlNodes.Error(path, node, lineOffset, message));

    public void Warning(YamlNode node, string message) =>
        diagnostics.Add(new(path, LineOf(node), DiagnosticSeverity.Warning, message));

    /// <summary>A missing key is reported at the line of the mapping that should hold it.</summary>
    public void Missing(YamlMappingNode map, string key, string owner = "") =>
        Error(map, $"champ obligatoire manquant : {owner}{key}");

    /// <summary>The node under a key, or null; a missing one is reported when <paramref name="required"/>.</summary>
    private YamlNode? Present(YamlMappingNode map, string key, bool required, string owner)
    {
        var node = Get(map, key);
        if (node is null && required)
        {
            Missing(map, key, owner);
        }
        return node;
    }

    public string? Text(YamlMappingNode map, string key, bool required, string owner = "")
    {
        if (Present(map, key, required, owner) is not { } node)
        {
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{owner}{key} doit être un texte, pas {Describe(node)}");
            return null;
        }
        var value = scalar.Value?.Trim() ?? "";
        if (required && value.Length == 0)
        {
            Error(node, $"{owner}{key} est vide");
            return null;
        }
        return value;
    }

    public int? Integer(YamlNode node, string name, int min, int max)
    {
        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }
            Error(node, $"{name} doit être entre {min} et {max}, pas {value}");
            return null;
        }
        // The value said, so that each of a list's wrong values is told apart on their shared line.
        Error(node, node is YamlScalarNode { Value: { Length: > 0 } said }
            ? $"{name} doit être un nombre entier, pas « {said} »"
            : $"{name} doit être un nombre entier");
        return null;
    }

    public DateOnly? Date(YamlMappingNode map, string key, bool required = true, string owner = "")
    {
        if (Present(map, key, required, owner) is not { } node)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } && TryParseDate(text, out var date))
        {
            return date;
        }
        // Written as asked but not a day of the calendar (2026-02-30): saying the format again would send the editor looking for a typo.
        Error(node, node is YamlScalarNode { Value: { } written } && IsDateShaped(written)
            ? $"{owner}{key} vaut {written} : cette date n'existe pas ; le mois va de 01 à 12, le jour de 01 au dernier jour du mois"
            : $"{owner}{key} doit être une date au format AAAA-MM-JJ, par exemple 2026-12-01");
        return null;
    }

    /// <summary>Whether <paramref name="text"/> is four digits, a dash, two digits, a dash and two digits.</summary>
    private static bool IsDateShaped(string text) =>
        text is [var y1, var y2, var y3, var y4, '-', var m1, var m2, '-', var d1, var d2]
        && char.IsAsciiDigit(y1) && char.IsAsciiDigit(y2) && char.IsAsciiDigit(y3) && char.IsAsciiDigit(y4)
        && char.IsAsciiDigit(m1) && char.IsAsciiDigit(m2) && char.IsAsciiDigit(d1) && char.IsAsciiDigit(d2);

    /// <summary>A date as <c>yyyy-MM-dd</c>; the usual ten digits and dashes are read directly, a tenth of the parser's cost.</summary>
    internal static bool TryParseDate(string text, out DateOnly date)
    {
        if (IsDateShaped(text))
        {
            var (year, month, day) = (Digits(text[0], text[1]) * 100 + Digits(text[2], text[3]), Digits(text[5], text[6]), Digits(text[8], text[9]));
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static int Digits(char tens, char units) => (tens - '0') * 10 + units - '0';

    public YamlSequenceNode? List(YamlMappingNode map, string key, bool required, string owner = "")
    {
        var node = Present(map, key, required, owner);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                return sequence;
            default:
                Error(node, $"{owner}{key} doit être une liste, par exemple {key}: [a, b]");
                return null;
        }
    }

    /// <summary>A required list under a key that must hold something: a missing or empty one is reported (<paramref name="empty"/>).</summary>
    public YamlSequenceNode? NonEmptyList(YamlMappingNode map, string key, string empty)
    {
        var list = List(map, key, required: true);
        if (list is { Children.Count: 0 })
        {
            Error(list, empty);
        }
        return list;
    }

    /// <summary>
    /// The items of a list that are mappings, in order; any other is reported at its line with how an item is written
    /// (<paramref name="shape"/>), as the items are read, so that the errors keep the order of the lines.
    /// </summary>
    public IEnumerable<YamlMappingNode> Mappings(YamlSequenceNode? list, string shape)
    {
        foreach (var item in list?.Children ?? [])
        {
            if (item is YamlMappingNode map)
            {
                yield return map;
            }
            else
            {
                Error(item, shape);
            }
        }
    }

    /// <summary>A list of taxonomy slugs under a facet's front-matter key; unknown values and duplicates are reported at their line.</summary>
    public List<string> Slugs(YamlMappingNode map, FacetDimension facet, bool required, string owner = "")
    {
        var key = KeyOf(facet);
        var result = new List<string>();
        var list = List(map, key, required, owner);
        if (list is null)
        {
            return result;
        }
        foreach (var item in list)
        {
            if (Slug(item, $"{owner}{key}", facet) is not { } slug)
            {
                continue;
            }
            if (result.Contains(slug))
            {
                Error(item, $"« {slug} » figure deux fois dans {owner}{key}");
                continue;
            }
            result.Add(slug);
        }
        return result;
    }

    /// <summary>One taxonomy slug, checked against its facet; an unknown one is reported with the value it most likely means (<see cref="ValueGuess"/>).</summary>
    public string? Slug(YamlNode node, string name, FacetDimension facet)
    {
        if (node is not YamlScalarNode { Value: { } value } || value.Length == 0)
        {
            Error(node, node is YamlScalarNode
                ? $"{name} est vide : choisissez une valeur de la taxonomie ({string.Join(", ", taxonomy[facet.Key].Values.Select(v => v.Slug))})"
                : $"{name} doit être une seule valeur de la taxonomie, pas {Describe(node)}");
            return null;
        }
        var vocabulary = taxonomy[facet.Key];
        if (vocabulary.Unchecked || vocabulary.Contains(value))
        {
            return value;
        }
        var hint = ValueGuess.For(vocabulary, value) is { } guess
            ? Hint(value, guess)
            : $"valeurs possibles : {string.Join(", ", vocabulary.Values.Select(v => v.Slug))}";
        Error(node, $"valeur inconnue « {value} » dans {name} ; {hint}");
        return null;
    }

    /// <summary>« vouliez-vous dire … ? », with why when the value is another name of it.</summary>
    private static string Hint(string value, ValueGuess guess)
    {
        var values = guess.Values;
        var slugs = string.Join(" ou ", values.Select(v => $"« {v.Slug} »"));
        var labels = string.Join(" ou ", values.Select(v => v.Label));
        var ofRegion = values.Count == 1 ? $"de la région {labels}" : $"des régions {labels}";
        return guess.Kind switch
        {
            GuessKind.Spelling => $"vouliez-vous dire {slugs} ?",
            GuessKind.Word => $"vouliez-vous dire {string.Join(" ou ", values.Select(v => $"« {v.Slug} » ({v.Label})"))} ?",
            GuessKind.FormerRegion => $"ancienne région, fusionnée en 2016 dans la région {labels} : vouliez-vous dire {slugs} ?",
            GuessKind.RegionName when values.Count > 1 =>
                $"« {value} » recouvre plusieurs régions : écrivez celles où l'alliance agit, parmi {string.Join(", ", values.Select(v => $"« {v.Slug} »"))}",
            GuessKind.RegionName => $"« {value} » désigne la région {labels} : vouliez-vous dire {slugs} ?",
            GuessKind.Department => $"« {value} » est un département {ofRegion} (un département s'écrit dans territory.place) : vouliez-vous dire {slugs} ?",
            _ => $"« {value} » est une commune {ofRegion} (une commune s'écrit dans territory.place) : vouliez-vous dire {slugs} ?",
        };
    }

    internal static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "une liste",
        YamlMappingNode => "un groupe de champs",
        YamlScalarNode { Value: null or "" } => "une valeur vide",
        _ => "une valeur seule",
    };
}
