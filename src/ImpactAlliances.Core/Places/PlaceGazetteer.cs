using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Places;

/// <summary>The level of a place in the administrative split.</summary>
public enum PlaceKind
{
    /// <summary>One of today's regions (or a former region, which names today's).</summary>
    Region,
    /// <summary>A département.</summary>
    Department,
    /// <summary>A commune.</summary>
    Commune,
}

/// <summary>A place of the official administrative split.</summary>
/// <param name="Kind">Region, département or commune.</param>
/// <param name="Code">INSEE code (of today's region, for a former region).</param>
/// <param name="Name">Official name.</param>
/// <param name="Department">Code of its département (communes and départements), else empty.</param>
/// <param name="Region">Slug of its region in the taxonomy (<c>bretagne</c>), else empty.</param>
/// <param name="Population">Population of a commune; 0 for the others.</param>
public sealed record Place(PlaceKind Kind, string Code, string Name, string Department, string Region, int Population)
{
    /// <summary>The folded name the gazetteer looks it up by (<see cref="PlaceGazetteer.Key"/>).</summary>
    public string Key { get; init; } = "";

    /// <summary>The départements a former region held ("Haute-Normandie": 27 and 76); empty for the others.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>The codes a case in this place is indexed under: its own, its département's and its region's.</summary>
    public IEnumerable<string> IndexCodes() => LevelledCodes().Select(c => c.Code);

    /// <summary>
    /// The codes of <see cref="IndexCodes"/>, each with how far it is from this place: 0 for the place
    /// itself (the départements of a former region), 1 for its département or region, 2 for a commune's region.
    /// </summary>
    public IEnumerable<(string Code, int Level)> LevelledCodes()
    {
        var level = 0;
        if (Kind == PlaceKind.Commune)
        {
            yield return (CommuneCode(Code), level++);
        }
        if (Department.Length > 0)
        {
            yield return (DepartmentCode(Department), level++);
        }
        foreach (var department in Departments)
        {
            yield return (DepartmentCode(department), 0);
        }
        if (Region.Length > 0)
        {
            yield return (RegionCode(Region), Departments.Count > 0 ? 1 : level);
        }
    }

    /// <summary>The code this place is matched by in the index.</summary>
    public string OwnCode => Kind switch
    {
        PlaceKind.Commune => CommuneCode(Code),
        PlaceKind.Department => DepartmentCode(Code),
        _ => RegionCode(Region),
    };

    /// <summary>Index code of a commune.</summary>
    public static string CommuneCode(string insee) => "c:" + insee;
    /// <summary>Index code of a département.</summary>
    public static string DepartmentCode(string code) => DepartmentPrefix + code;
    /// <summary>The département of an index code (<c>d:35</c> is <c>35</c>), or null for a commune or a region.</summary>
    public static string? DepartmentOf(string indexCode) =>
        indexCode.StartsWith(DepartmentPrefix, StringComparison.Ordinal) ? indexCode[DepartmentPrefix.Length..] : null;
    private const string DepartmentPrefix = "d:";
    /// <summary>Index code of a region, by its taxonomy slug.</summary>
    public static string RegionCode(string slug) => "r:" + slug;
}

/// <summary>
/// The official administrative split (regions, départements, communes), embedded from
/// <c>places.tsv</c> (made by <c>tools/places/build-places.mjs</c> from the Etalab package), with look-ups
/// by folded name: "Saint-Étienne", "saint etienne" and "St Étienne" are the same.
/// </summary>
public sealed partial class PlaceGazetteer
{
    private static readonly Lazy<PlaceGazetteer> Embedded = new(Load);
    private readonly Lazy<DemonymTable> _demonyms;

    /// <summary>The split embedded in the library.</summary>
    public static PlaceGazetteer Official => Embedded.Value;

    /// <summary>The package and version the data comes from, as its first line says.</summary>
    public string SourceVersion { get; }

    private readonly Dictionary<string, List<Place>> _byKey;
    private readonly Dictionary<string, Place> _departmentsByCode;
    private readonly Dictionary<string, List<Place>> _departmentsByRegion;

    private PlaceGazetteer(string sourceVersion, List<Place> places)
    {
        SourceVersion = sourceVersion;
        _demonyms = new(() => DemonymTable.Load(this));
        Places = places;
        // Sized once: grown step by step, the tables of 35,000 keys are copied on the large object heap several times,
        // and each copy counts towards a full collection as a build or the site starts.
        _byKey = new Dictionary<string, List<Place>>(places.Count, StringComparer.Ordinal);
        foreach (var place in places)
        {
            (_byKey.TryGetValue(place.Key, out var list) ? list : _byKey[place.Key] = new(1)).Add(place);
        }
        _departmentsByCode = places.Where(p => p.Kind == PlaceKind.Department).ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        _departmentsByRegion = places.Where(p => p.Kind == PlaceKind.Department)
            .GroupBy(p => p.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every place: regions (today's, then former ones and names in common use for one or more of them,
    /// such as "Antilles", one place per region), départements, communes.
    /// </summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The reviewed demonyms of this split's places (« bretonnes » for Bretagne), read on first use.</summary>
    internal DemonymTable Demonyms => _demonyms.Value;

    /// <summary>The places with this name, largest level first (region, département, then communes by population).</summary>
    public IReadOnlyList<Place> Named(string name) => _byKey.GetValueOrDefault(Key(name)) ?? [];

    /// <summary>The places whose folded name key is <paramref name="key"/> (see <see cref="Key"/>).</summary>
    public IReadOnlyList<Place> ByKey(string key) => _byKey.GetValueOrDefault(key) ?? [];

    /// <summary>The départements of a region, by its taxonomy slug; an overseas region has one.</summary>
    public IReadOnlyList<Place> DepartmentsIn(string regionSlug) => _departmentsByRegion.GetValueOrDefault(regionSlug) ?? [];

    /// <summary>The département of a region made of a single one (the five overseas regions: La Réunion is the 974), else null.</summary>
    public Place? SoleDepartmentOf(string regionSlug) => DepartmentsIn(regionSlug) is [var department] ? department : null;

    /// <summary>A département by its code (<c>35</c>, <c>2A</c>, <c>974</c>).</summary>
    public Place? Department(string code) => _departmentsByCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// A name folded for look-ups: lower case, no accents, elided articles and other stop words dropped, Saint and Sainte
    /// spelt out, words joined by single spaces (so "Provence-Alpes-Côte d'Azur" is "provence alpes cote azur", "Ste-Foy" is
    /// "sainte foy").
    /// </summary>
    public static string Key(string name)
    {
        var key = FrenchAnalyzer.FoldedKey(name, KeySeparators, StopWords);
        // Most of the 35,000 official names hold no « st »: they are not split again as the site starts.
        if (!key.Contains("st", StringComparison.Ordinal))
        {
            return key;
        }
        var words = key.Split(' ');
        return words.Any(Abbreviations.ContainsKey) ? string.Join(' ', words.Select(word => Abbreviations.GetValueOrDefault(word, word))) : key;
    }

    /// <summary>
    /// The text with Saint and Sainte spelt out where abbreviated (« St-Denis » is « Saint-Denis »): what the cases write of a
    /// place typed so.
    /// </summary>
    public static string SpellOut(string text) => Abbreviated().Replace(text, m =>
    {
        var full = Abbreviations[m.Groups[1].Value.ToLowerInvariant()];
        return char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(full[0]) + full[1..] : full;
    });

    [GeneratedRegex(@"\b(st|ste|sts|stes)\b\.?(?=[\s\-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviated();

    // ’ folds to ' before the split.
    private static readonly SearchValues<char> KeySeparators = SearchValues.Create(" -'(),./");

    // The articles and prepositions place names carry; queries drop them too ("à La Réunion").
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "l", "d", "le", "la", "les", "de", "du", "des", "en", "sur", "sous", "et", "lès", "les", "a", "au", "aux",
    };

    // « St-Denis », « Ste-Foy-lès-Lyon », « Sts-Geosmes »: as people write them, on signs and in addresses.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "saint", ["ste"] = "sainte", ["sts"] = "saints", ["stes"] = "saintes",
    };

    private static PlaceGazetteer Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImpactAlliances.Core.Places.places.tsv")
            ?? throw new InvalidOperationException("The places data is not embedded in the library.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static PlaceGazetteer Parse(TextReader reader)
    {
        var source = "";
        var regionNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var regions = new List<Place>();
        var former = new List<(string Name, string Region, string Departments)>();
        var departments = new List<Place>();
        // Each place is made once, with its key and region: a build and the site's start read the 35,000 lines.
        var communes = new List<(string Code, string Department, string Name, int Population)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                source = source.Length == 0 ? line.TrimStart('#', ' ') : source;
                continue;
            }
            var f = line.Split('\t');
            switch (f[0])
            {
                case "R":
                    regionNames[f[1]] = Slug(f[2]);
                    regions.Add(New(PlaceKind.Region, f[1], f[2], "", Slug(f[2]), 0));
                    break;
                case "A":
                    former.Add((f[1], f[2], f.Length > 3 ? f[3] : ""));
                    break;
                case "D":
                    departments.Add(New(PlaceKind.Department, f[1], f[3], f[1], regionNames.GetValueOrDefault(f[2], ""), 0));
                    break;
                case "C":
                    communes.Add((f[1], f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture)));
                    break;
            }
        }
        // A commune's département code is the département's own string, not one copy per commune.
        var departmentOfCode = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var places = new List<Place>(regions.Count + former.Count + departments.Count + communes.Count);
        places.AddRange(regions);
        places.AddRange(former.Select(f => New(PlaceKind.Region, f.Region, f.Name, "", regionNames.GetValueOrDefault(f.Region, ""), 0) with
        {
            Departments = f.Departments.Split(',', StringSplitOptions.RemoveEmptyEntries),
        }));
        places.AddRange(departments);
        places.AddRange(communes
            .OrderByDescending(c => c.Population)
            .Select(c => departmentOfCode.GetValueOrDefault(c.Department) is { } d
                ? New(PlaceKind.Commune, c.Code, c.Name, d.Code, d.Region, c.Population)
                : New(PlaceKind.Commune, c.Code, c.Name, c.Department, "", c.Population)));
        return new PlaceGazetteer(source, places);

        static Place New(PlaceKind kind, string code, string name, string department, string region, int population) =>
            new(kind, code, name, department, region, population) { Key = Key(name) };
    }

    /// <summary>A region name as the taxonomy's slug: "Provence-Alpes-Côte d'Azur" is <c>provence-alpes-cote-d-azur</c>.</summary>
    private static string Slug(string name) =>
        string.Join('-', FrenchAnalyzer.FoldLower(name).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
}
