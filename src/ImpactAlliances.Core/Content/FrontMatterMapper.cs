using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Maps the YAML front matter of one case file to typed values, checking each field against the
/// schema and the taxonomy, and reporting every problem with the line of the offending key or value.
/// </summary>
internal sealed class FrontMatterMapper(string path, int lineOffset, Taxonomy taxonomy, ICollection<ContentDiagnostic> diagnostics)
{
    private static readonly string[] KnownKeys =
        ["title", "summary", "actors", "organisations", "domains", "partnership_type", "territory", "year", "ended", "sdgs", "sources", "status", "reviewed", "updated"];

    public YamlMappingNode Root { get; private set; } = new();

    public void CheckKeys(YamlMappingNode root)
    {
        Root = root;
        foreach (var key in root.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!KnownKeys.Contains(name))
            {
                var hint = Suggestions.Closest(name, KnownKeys) is { } s ? $" (did you mean '{s}'?)" : "";
                Error(key, $"unknown key '{name}'{hint}");
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public int LineOf(YamlNode node) => YamlNodes.Line(node, lineOffset);

    public void Error(YamlNode node, string message) => diagnostics.Add(YamlNodes.Error(path, node, lineOffset, message));

    public void Warning(YamlNode node, string message) =>
        diagnostics.Add(new(path, LineOf(node), DiagnosticSeverity.Warning, message));

    /// <summary>A missing key is reported at the line of the mapping that should hold it.</summary>
    public void Missing(YamlMappingNode map, string key, string owner = "") =>
        Error(map, $"missing required field '{owner}{key}'");

    public string? Text(YamlMappingNode map, string key, bool required, string owner = "")
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Missing(map, key, owner);
            }
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{owner}{key}' must be text, not a {Describe(node)}");
            return null;
        }
        var value = scalar.Value?.Trim() ?? "";
        if (required && value.Length == 0)
        {
            Error(node, $"'{owner}{key}' must not be empty");
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
            Error(node, $"'{name}' must be between {min} and {max}, not {value}");
            return null;
        }
        Error(node, $"'{name}' must be a whole number");
        return null;
    }

    public DateOnly? Date(YamlMappingNode map, string key, bool required = true, string owner = "")
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Missing(map, key, owner);
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Error(node, $"'{owner}{key}' must be a date written YYYY-MM-DD");
        return null;
    }

    public YamlSequenceNode? List(YamlMappingNode map, string key, bool required, string owner = "")
    {
        var node = Get(map, key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Missing(map, key, owner);
                }
                return null;
            case YamlSequenceNode sequence:
                return sequence;
            default:
                Error(node, $"'{owner}{key}' must be a list, e.g. {key}: [a, b]");
                return null;
        }
    }

    /// <summary>A list of taxonomy slugs; unknown values and duplicates are reported at their line.</summary>
    public List<string> Slugs(YamlMappingNode map, string key, string facetKey, bool required, string owner = "")
    {
        var result = new List<string>();
        var list = List(map, key, required, owner);
        if (list is null)
        {
            return result;
        }
        foreach (var item in list)
        {
            if (Slug(item, $"{owner}{key}", facetKey) is not { } slug)
            {
                continue;
            }
            if (result.Contains(slug))
            {
                Error(item, $"'{slug}' is listed twice in '{owner}{key}'");
                continue;
            }
            result.Add(slug);
        }
        return result;
    }

    /// <summary>One taxonomy slug, checked against its facet, with a suggestion when misspelt.</summary>
    public string? Slug(YamlNode node, string name, string facetKey)
    {
        if (node is not YamlScalarNode { Value: { } value } || value.Length == 0)
        {
            Error(node, node is YamlScalarNode
                ? $"'{name}' is empty; choose a value of the taxonomy '{facetKey}'"
                : $"'{name}' must be a value of the taxonomy '{facetKey}', not a {Describe(node)}");
            return null;
        }
        var facet = taxonomy[facetKey];
        if (facet.Contains(value))
        {
            return value;
        }
        var slugs = facet.Values.Select(v => v.Slug).ToList();
        var hint = Suggestions.Closest(value, slugs) is { } s
            ? $"; did you mean '{s}'?"
            : $"; expected one of: {string.Join(", ", slugs)}";
        Error(node, $"unknown value '{value}' in '{name}' (taxonomy '{facetKey}'){hint}");
        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        YamlScalarNode { Value: null or "" } => "empty value",
        _ => "single value",
    };
}
