using System.Globalization;
using System.Text;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Synthetic;

/// <summary>
/// Writes synthetic case studies for benchmarks and tests: valid against the taxonomy, with facet values
/// drawn with realistic skew, 2 to 4 organisations, and 200 to 800 words of French prose (accents,
/// elisions, agreement) over a Zipf-like vocabulary with a long tail of invented names.
/// The same seed gives the same bytes. Never for <c>content/</c>.
/// </summary>
public sealed class CorpusGenerator(Taxonomy taxonomy, int seed)
{
    private static readonly (string Slug, int Weight)[] Actors =
        [("association", 34), ("entreprise", 26), ("collectivite", 18), ("fondation", 7), ("etat", 6), ("academique", 4), ("citoyens", 3), ("ingenierie", 2)];
    private static readonly (string Slug, int Weight)[] Types =
        [("innovation-societale", 34), ("cooperation-economique", 24), ("pratiques-responsables", 24), ("mecenat", 18)];
    private static readonly (string Slug, int Weight)[] Scales =
        [("local", 38), ("departemental", 17), ("regional", 20), ("national", 20), ("international", 5)];

    private readonly Random _random = new(seed);
    // Places are drawn from their own stream, so that the rest of a seed's corpus stays as it was.
    private readonly Random _places = new(seed + 1);
    private readonly double[] _commonWeights = FrenchLexicon.Common.Select((_, i) => 1.0 / (i + 2)).ToArray();

    /// <summary>Writes <paramref name="count"/> cases to <c>folder/cases</c> and the taxonomy to <c>folder/taxonomy.yml</c>.</summary>
    public static void Write(string folder, int count, int seed, string taxonomyFile, IProgress<int>? progress = null)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var taxonomy = TaxonomyReader.Read(taxonomyFile, diagnostics) ?? throw new InvalidDataException(string.Join('\n', diagnostics));
        Directory.CreateDirectory(Path.Combine(folder, ContentLoader.CasesFolder));
        File.Copy(taxonomyFile, Path.Combine(folder, ContentLoader.TaxonomyFile), overwrite: true);
        var generator = new CorpusGenerator(taxonomy, seed);
        for (var i = 1; i <= count; i++)
        {
            var (slug, text) = generator.Next(i);
            File.WriteAllText(Path.Combine(folder, ContentLoader.CasesFolder, slug + ".md"), text);
            if (i % 1000 == 0)
            {
                progress?.Report(i);
            }
        }
    }

    /// <summary>The <paramref name="number"/>th case: its slug and its file text.</summary>
    public (string Slug, string Text) Next(int number)
    {
        var organisations = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Organisation()).DistinctBy(o => o.Name).ToList();
        var actors = organisations.Select(o => o.Actor).Distinct().ToList();
        var domains = PickDistinct(taxonomy[CaseStudySchema.Domains.Key].Values.Select(v => v.Slug).ToArray(), _random.Next(1, 4));
        var type = Pick(Types);
        var scale = Pick(Scales);
        var regionValues = taxonomy[CaseStudySchema.Regions.Key].Values.Select(v => v.Slug).ToArray();
        var regions = scale switch
        {
            "national" when _random.NextDouble() < 0.8 => [],
            "international" => [],
            "national" or "regional" when _random.NextDouble() < 0.3 => PickDistinct(regionValues, 2, skewed: true),
            _ => PickDistinct(regionValues, 1, skewed: true),
        };
        // A real commune of the case's region (or of any region), so that places resolve as in real content.
        var commune = Commune(regions.Count > 0 ? regions[0] : null);
        var town = Name();
        var year = 1995 + _random.Next(0, 31);
        var topic = FrenchLexicon.Domains[domains[0]][_random.Next(8)];
        var title = $"{organisations[0].Name} et {organisations[1 % organisations.Count].Name} : {Article(topic, definite: false)}{topic.Singular} {Adjective(topic.Feminine, false)}";
        var slug = $"{CaseStudyRules.SlugFromTitle(title)}-{number}";
        var writer = new ProseWriter(_random, domains, organisations.Select(o => o.Name).ToList(), town, year, _commonWeights);
        var text = new StringBuilder(6_000);
        text.Append("---\n");
        text.Append(CultureInfo.InvariantCulture, $"title: \"{title}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"summary: \"{writer.Sentence()} {writer.Sentence()}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"actors: [{string.Join(", ", actors)}]\n");
        text.Append("organisations:\n");
        foreach (var (name, actor) in organisations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{ name: \"{name}\", actor: {actor} }}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"domains: [{string.Join(", ", domains)}]\n");
        text.Append(CultureInfo.InvariantCulture, $"partnership_type: {type}\nterritory:\n  scale: {scale}\n  regions: [{string.Join(", ", regions)}]\n  place: \"{(regions.Count > 0 ? $"{commune.Name} ({commune.Department})" : "")}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"year: {year}\nkeywords: [{string.Join(", ", Keywords(number, domains).Select(k => $"\"{k}\""))}]\nsources:\n  - {{ title: \"Rapport d'activité {year + 1} {ProseWriter.Elide("de", organisations[0].Name)}{organisations[0].Name}\", url: \"https://example.org/{slug}\" }}\n  - {{ title: \"Article de presse\", url: \"https://example.org/presse/{slug}\" }}\n");
        text.Append(CultureInfo.InvariantCulture, $"updated: {new DateOnly(2020, 1, 1).AddDays(_random.Next(0, 2_100)):yyyy-MM-dd}\n---\n");
        // Sections stop before the sentence that would overflow them, so the body lands within 200 to 800 words.
        var words = _random.Next(230, 801);
        foreach (var (section, share) in Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section}\n\n");
            text.Append(writer.Paragraphs((int)(words * share)));
        }
        return (slug, text.ToString());
    }

    private static readonly (string Section, double Share)[] Sections =
        [("Contexte", 0.22), ("Le partenariat", 0.2), ("Actions et moyens", 0.26), ("Résultats et impacts", 0.18), ("Enseignements", 0.14)];

    private (string Name, string Actor) Organisation()
    {
        var actor = Pick(Actors);
        var name = Name();
        return (actor switch
        {
            "association" => _random.Next(3) switch { 0 => $"Association {name}", 1 => $"{name} Solidarité", _ => $"Les Amis de {name}" },
            "entreprise" => _random.Next(3) switch { 0 => $"{name} SAS", 1 => $"Groupe {name}", _ => $"{name} Industries" },
            "collectivite" => _random.Next(2) == 0 ? $"Ville de {name}" : $"Communauté de communes de {name}",
            "fondation" => $"Fondation {name}",
            "etat" => _random.Next(2) == 0 ? $"Préfecture de {name}" : $"Agence {name} pour l'emploi",
            "academique" => $"Université de {name}",
            "citoyens" => $"Collectif des habitants de {name}",
            _ => $"{name} Développement",
        }, actor);
    }

    /// <summary>An invented proper name: the long tail that grows with the corpus.</summary>
    private string Name()
    {
        var syllables = FrenchLexicon.Syllables;
        var name = string.Concat(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => syllables[_random.Next(syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// Six to ten index terms, as real cases give (a topic of its domains and an adjective), drawn from a generator of the case's
    /// own so that the rest of the corpus is what it was before cases had terms.
    /// </summary>
    private static IEnumerable<string> Keywords(int number, IReadOnlyList<string> domains)
    {
        var random = new Random(number);
        return domains.SelectMany(d => FrenchLexicon.Domains[d]).DistinctBy(t => t.Singular).OrderBy(_ => random.Next()).Take(random.Next(6, 11))
            .Select(topic => $"{topic.Singular} {FrenchLexicon.Adjectives[random.Next(FrenchLexicon.Adjectives.Length)].For(topic.Feminine, false)}");
    }

    private string Adjective(bool feminine, bool plural) =>
        FrenchLexicon.Adjectives[_random.Next(FrenchLexicon.Adjectives.Length)].For(feminine, plural);

    internal static string Article(Noun noun, bool definite) =>
        definite ? (noun.Elides ? "l'" : noun.Feminine ? "la " : "le ") : noun.Feminine ? "une " : "un ";

    private string Pick((string Slug, int Weight)[] table)
    {
        var roll = _random.Next(table.Sum(t => t.Weight));
        foreach (var (slug, weight) in table)
        {
            if ((roll -= weight) < 0)
            {
                return slug;
            }
        }
        return table[^1].Slug;
    }

    /// <summary>Distinct values; skewed, the first values of the list are much more frequent (region sizes).</summary>
    private List<string> PickDistinct(string[] values, int count, bool skewed = false)
    {
        var picked = new List<string>();
        while (picked.Count < Math.Min(count, values.Length))
        {
            var index = skewed ? (int)(values.Length * Math.Pow(_random.NextDouble(), 2)) : _random.Next(values.Length);
            if (!picked.Contains(values[index]))
            {
                picked.Add(values[index]);
            }
        }
        return picked;
    }

    private Places.Place Commune(string? region)
    {
        var communes = _communes.Value;
        var inRegion = region is null ? communes : communes.Where(c => c.Region == region).ToList();
        var pool = inRegion.Count > 0 ? inRegion : communes;
        return pool[_places.Next(pool.Count)];
    }

    // The larger communes only: their names are unique enough to resolve without ambiguity warnings.
    private static readonly Lazy<List<Places.Place>> _communes = new(() => Places.PlaceGazetteer.Official.Places
        .Where(p => p.Kind == Places.PlaceKind.Commune && p.Population >= 5_000 && !p.Name.Contains(" et ", StringComparison.Ordinal) && Places.PlaceGazetteer.Official.Named(p.Name).Count == 1)
        .ToList());
}
