using System.Buffers;
using System.Reflection;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Places;

/// <summary>
/// The demonyms a question names a place by (« associations bretonnes », « jeunes marseillais »), embedded from the reviewed
/// <c>demonyms.tsv</c>, each resolved to its places in the gazetteer; and the names that hold a demonym without meaning the
/// place (« Crédit lyonnais », « Le Parisien »).
/// </summary>
internal sealed class DemonymTable
{
    private readonly Dictionary<string, IReadOnlyList<Place>> _byKey;
    // Each name's folded words, and where its demonym is among them.
    private readonly List<(string[] Words, int Demonym)> _names;

    private DemonymTable(Dictionary<string, IReadOnlyList<Place>> byKey, List<(string[] Words, int Demonym)> names) =>
        (_byKey, _names) = (byKey, names);

    /// <summary>Every form, by its key (<see cref="PlaceGazetteer.Key"/>), with the places it names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Place>> ByKey => _byKey;

    /// <summary>The places a form names (« bretonnes »: Bretagne), or none.</summary>
    public IReadOnlyList<Place> Named(string form) => _byKey.GetValueOrDefault(PlaceGazetteer.Key(form)) ?? [];

    /// <summary>
    /// Whether the demonym at <paramref name="index"/> of <paramref name="words"/> is part of a name that does not mean its
    /// place (« Crédit lyonnais », « Lyonnaise des eaux »); <paramref name="previous"/> is the word typed before it.
    /// </summary>
    public bool InName(IReadOnlyList<string> words, int index, string? previous)
    {
        foreach (var (name, demonym) in _names)
        {
            if (index + name.Length - demonym > words.Count || Fold(words[index]) != name[demonym])
            {
                continue;
            }
            var matches = true;
            for (var i = 0; i < name.Length && matches; i++)
            {
                var at = index - demonym + i;
                var word = at == index - 1 ? previous : at >= 0 ? words[at] : null;
                matches = word is not null && Fold(word) == name[i];
            }
            if (matches)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a demonym typed so is a name rather than its place: a singular form written with a capital is a person's
    /// name, a firm's or a newspaper's (« Thierry Breton », « Picard », « Le Parisien »); the plural is the inhabitants
    /// (« les Franciliens »), and the forms in -ais and -ois are both.
    /// </summary>
    public static bool IsAName(string typed) =>
        typed.Length > 0 && char.IsUpper(typed[0]) && FrenchAnalyzer.FoldLower(typed) is var folded && !folded.EndsWith('s') && !folded.EndsWith('x');

    private static string Fold(string word) => FrenchAnalyzer.FoldedKey(word, NameSeparators);

    // One word each: « lyonnaise » and « des » are two words of the query and two of the name.
    private static readonly SearchValues<char> NameSeparators = SearchValues.Create(",.;:");

    internal static DemonymTable Load(PlaceGazetteer gazetteer)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImpactAlliances.Core.Places.demonyms.tsv")
            ?? throw new InvalidOperationException("The demonyms data is not embedded in the library.");
        using var reader = new StreamReader(stream);
        return Parse(reader, gazetteer);
    }

    /// <summary>Reads the table, every place and name checked: a line that names no single place fails.</summary>
    internal static DemonymTable Parse(TextReader reader, PlaceGazetteer gazetteer)
    {
        var byKey = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        var names = new List<(string Name, int Line)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var f = line.Split('\t');
            switch (f[0])
            {
                case "G" when f.Length >= 3:
                    var places = Resolve(f[1], gazetteer)
                        ?? throw new InvalidDataException($"demonyms.tsv:{number}: « {f[1]} » ne désigne aucun lieu, ou plusieurs.");
                    foreach (var form in f[2..])
                    {
                        var list = byKey.TryGetValue(PlaceGazetteer.Key(form), out var known) ? known : byKey[PlaceGazetteer.Key(form)] = [];
                        list.AddRange(places.Where(p => !list.Contains(p)));
                    }
                    break;
                case "X" when f.Length >= 2:
                    names.Add((f[1], number));
                    break;
                default:
                    throw new InvalidDataException($"demonyms.tsv:{number}: ligne illisible.");
            }
        }
        // Checked once every demonym is read: a name may come before the line of its demonym.
        var nameWords = names.Select(entry =>
        {
            var (name, line) = entry;
            var words = name.Split(' ').Select(Fold).ToArray();
            var demonym = Array.FindIndex(words, w => byKey.ContainsKey(PlaceGazetteer.Key(w)));
            // The query passes one word before the demonym (the previous clause's), so a name may hold one.
            return demonym is 0 or 1 ? (words, demonym)
                : throw new InvalidDataException($"demonyms.tsv:{line}: « {name} » doit contenir un gentilé de la table, au plus un mot après son début.");
        }).ToList();
        return new DemonymTable(byKey.ToDictionary(p => p.Key, p => (IReadOnlyList<Place>)p.Value, StringComparer.Ordinal), nameWords);
    }

    /// <summary>
    /// The places a line names: a commune with its département in brackets (« Lyon (69) »), resolved as
    /// <c>territory.place</c> is; else every region of the name (« Antilles » is Guadeloupe's and Martinique's).
    /// </summary>
    private static List<Place>? Resolve(string text, PlaceGazetteer gazetteer)
    {
        if (text.Contains('(', StringComparison.Ordinal))
        {
            var resolution = PlaceResolver.Resolve(text, gazetteer);
            return resolution is { Places.Count: 1, Unknown.Count: 0 } ? [.. resolution.Places] : null;
        }
        var regions = gazetteer.Named(text).Where(p => p.Kind == PlaceKind.Region).ToList();
        return regions.Count > 0 ? regions : null;
    }
}
