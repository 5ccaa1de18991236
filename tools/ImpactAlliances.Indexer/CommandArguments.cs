using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Indexer;

/// <summary>Options of a command, as configuration keys and values, or the reason they are wrong.</summary>
internal sealed record CommandArguments(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Positionals, bool Help, string? Error)
{
    /// <summary>Parses <c>--option value</c> and <c>--option=value</c> pairs against the accepted options, and up to <paramref name="positionals"/> other arguments.</summary>
    public static CommandArguments Parse(string[] args, IReadOnlyDictionary<string, string> accepted, int positionals)
    {
        var values = new Dictionary<string, string>();
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new(values, others, true, null);
            }
            if (!arg.StartsWith('-'))
            {
                if (others.Count == positionals)
                {
                    return new(values, others, false, $"Argument inattendu : {arg}");
                }
                others.Add(arg);
                continue;
            }
            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (!accepted.TryGetValue(name, out var key))
            {
                return new(values, others, false, $"Option inconnue : {name}{Suggestions.Hint(name, accepted.Keys)}");
            }
            var value = inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return new(values, others, false, $"L'option {name} attend une valeur.");
            }
            values[key] = value;
        }
        return new(values, others, false, null);
    }
}
