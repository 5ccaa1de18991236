namespace ImpactAlliances.Indexer;

/// <summary>Options of a command, as configuration keys and values, or the reason they are wrong.</summary>
internal sealed record CommandArguments(IReadOnlyDictionary<string, string> Values, bool Help, string? Error)
{
    /// <summary>Parses <c>--option value</c> and <c>--option=value</c> pairs against the accepted options.</summary>
    public static CommandArguments Parse(string[] args, IReadOnlyDictionary<string, string> accepted)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new(values, true, null);
            }
            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (!accepted.TryGetValue(name, out var key))
            {
                return new(values, false, $"Unknown option '{name}'.");
            }
            var value = inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return new(values, false, $"Option '{name}' needs a value.");
            }
            values[key] = value;
        }
        return new(values, false, null);
    }
}
