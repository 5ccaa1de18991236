using System.Reflection;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The reviewed word families of <c>word-families.txt</c>: each folded form is indexed and searched under its
/// family's stem instead of the stemmer's, joining what the stemmer separates (précaire, précarité)
/// and keeping apart what it joins (environnement, environ).
/// </summary>
internal static class WordFamilies
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Loaded = new(Load);

    /// <summary>Each form and its family's stem: what the analysis applies (<see cref="FrenchStemFilter"/>).</summary>
    public static IReadOnlyDictionary<string, string> Stems => Loaded.Value;

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImpactAlliances.Core.Analysis.word-families.txt")
            ?? throw new InvalidOperationException("The word families are not embedded in the library.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static Dictionary<string, string> Parse(TextReader reader)
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon <= 0)
            {
                continue;
            }
            var stem = line[..colon].Trim();
            foreach (var form in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!stems.TryAdd(form, stem))
                {
                    throw new InvalidDataException($"word-families.txt: '{form}' is in two families");
                }
            }
        }
        return stems;
    }
}
