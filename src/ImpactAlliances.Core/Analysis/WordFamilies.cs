using System.Reflection;
using Lucene.Net.Analysis.Miscellaneous;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The reviewed word families of <c>word-families.txt</c>: each folded form is indexed and searched under its
/// family's stem instead of the stemmer's, joining what the stemmer separates (précaire, précarité)
/// and keeping apart what it joins (environnement, environ).
/// </summary>
internal static class WordFamilies
{
    private static readonly Lazy<(StemmerOverrideFilter.StemmerOverrideMap Map, IReadOnlyDictionary<string, string> Stems)> Loaded = new(Load);

    /// <summary>The map the analysis applies.</summary>
    public static StemmerOverrideFilter.StemmerOverrideMap Map => Loaded.Value.Map;

    /// <summary>Each form and its family's stem.</summary>
    public static IReadOnlyDictionary<string, string> Stems => Loaded.Value.Stems;

    private static (StemmerOverrideFilter.StemmerOverrideMap, IReadOnlyDictionary<string, string>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImpactAlliances.Core.Analysis.word-families.txt")
            ?? throw new InvalidOperationException("The word families are not embedded in the library.");
        using var reader = new StreamReader(stream);
        var stems = Parse(reader);
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (form, stem) in stems)
        {
            builder.Add(form, stem);
        }
        return (builder.Build(), stems);
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
