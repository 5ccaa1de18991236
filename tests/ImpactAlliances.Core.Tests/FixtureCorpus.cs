using System.Globalization;
using System.Text;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Tests;

/// <summary>One fixture case, as data: the files are written from it, and expected counts are computed from it.</summary>
public sealed record FixtureCase(
    string Slug,
    string Title,
    (string Name, string Actor)[] Organisations,
    string[] Domains,
    string Type,
    string Scale,
    string[] Regions,
    string Updated,
    string Body,
    int? Year = null,
    string? Place = null,
    string[]? Keywords = null)
{
    public string[] Actors => Organisations.Select(o => o.Actor).Distinct().ToArray();

    /// <summary>The values of a facet, by API key.</summary>
    public string[] ValuesOf(string facet) => facet switch
    {
        "actors" => Actors,
        "domains" => Domains,
        "partnership_types" => [Type],
        "scales" => [Scale],
        "regions" => Regions.Length == 0 ? ["sans-region"] : Regions,
        // The corpus's cases name no place (a test's own may): only an overseas region gives its one département.
        "departments" => Regions.Select(r => Overseas.GetValueOrDefault(r)).OfType<string>().ToArray(),
        "statuses" => ["publie"],
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    private static readonly Dictionary<string, string> Overseas = new()
    {
        ["guadeloupe"] = "971", ["martinique"] = "972", ["guyane"] = "973", ["la-reunion"] = "974", ["mayotte"] = "976",
    };

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("---");
        text.AppendLine(CultureInfo.InvariantCulture, $"title: \"{Title}\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"summary: \"Résumé du cas {Title}.\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"actors: [{string.Join(", ", Actors)}]");
        text.AppendLine("organisations:");
        foreach (var (name, actor) in Organisations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {{ name: \"{name}\", actor: {actor} }}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"domains: [{string.Join(", ", Domains)}]");
        text.AppendLine(CultureInfo.InvariantCulture, $"partnership_type: {Type}");
        text.AppendLine("territory:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  scale: {Scale}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  regions: [{string.Join(", ", Regions)}]");
        if (Place is { } place)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  place: \"{place}\"");
        }
        if (Year is { } year)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"year: {year}");
        }
        if (Keywords is { } keywords)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"keywords: [{string.Join(", ", keywords.Select(k => $"\"{k}\""))}]");
        }
        text.AppendLine("sources:");
        text.AppendLine("  - { title: \"Source de test\", url: \"https://example.org/source\", publisher: \"Exemple\", accessed: 2026-11-01 }");
        text.AppendLine("  - { title: \"Guide pratique\", seed: \"Guide pratique « Coopérer efficacement », ORSE et Le RAMEAU, 2023\" }");
        text.AppendLine(CultureInfo.InvariantCulture, $"updated: {Updated}");
        text.AppendLine("---");
        text.AppendLine();
        text.AppendLine("## Contexte");
        text.AppendLine();
        text.AppendLine(Body);
        text.AppendLine();
        text.AppendLine("## Enseignements");
        text.AppendLine();
        text.AppendLine("Un partenariat se construit dans la durée.");
        return text.ToString();
    }
}

/// <summary>
/// Twenty small cases spread over the facets, written to a temporary content folder with the real
/// taxonomy. Synthetic: for tests only, never in content/.
/// </summary>
public static class FixtureCorpus
{
    public static readonly IReadOnlyList<FixtureCase> Cases =
    [
        new("mobilite-solidaire-garages", "Garages solidaires et mobilité", [("Asso Mobile", "association"), ("Auto SA", "entreprise")], ["mobilite", "emploi-insertion"], "innovation-societale", "national", [], "2026-01-10",
            "La mobilité est un frein à l'emploi. Des garages solidaires réparent les voitures des personnes en insertion.", 2012),
        new("velo-ecole-quartiers", "Vélo-école dans les quartiers", [("Vélo Pour Tous", "association"), ("Ville de Lille", "collectivite")], ["mobilite", "lien-social"], "mecenat", "local", ["hauts-de-france"], "2025-06-01",
            "Une vélo-école apprend la mobilité douce aux habitants. Les mobilités actives créent du lien.", 2018),
        new("insertion-par-activite-economique", "Insertion par l'activité économique dans le bâtiment", [("Chantier École", "association"), ("BTP Ouest", "entreprise")], ["emploi-insertion"], "cooperation-economique", "regional", ["bretagne"], "2024-03-15",
            "L'insertion par l'activité économique ouvre des chantiers aux personnes éloignées de l'emploi. Des clauses sociales dans les marchés publics.", 2005),
        new("numerique-inclusif-seniors", "Numérique inclusif pour les seniors", [("Connect Seniors", "association"), ("Telco France", "entreprise"), ("Fondation Lien", "fondation")], ["numerique", "vieillissement"], "mecenat", "national", [], "2026-02-20",
            "Des ateliers numériques accompagnent les personnes âgées. La fracture numérique isole les aînés.", 2020),
        new("energie-citoyenne-village", "Énergie citoyenne au village", [("Habitants du Plateau", "citoyens"), ("Commune de Saint-Clair", "collectivite")], ["transition-energetique"], "innovation-societale", "local", ["auvergne-rhone-alpes"], "2023-09-09",
            "Des citoyens financent une centrale solaire sur le toit de l'école. La transition énergétique devient locale.", 2016),
        new("biodiversite-carrieres", "Biodiversité dans les carrières", [("Oiseaux Nature", "association"), ("Carrières du Sud", "entreprise")], ["biodiversite", "environnement"], "pratiques-responsables", "regional", ["occitanie", "provence-alpes-cote-d-azur"], "2025-11-30",
            "Les carrières accueillent des espèces protégées. Un plan de gestion de la biodiversité est suivi par des naturalistes."),
        new("aide-alimentaire-ccas", "Aide alimentaire avec le CCAS", [("Banque Solidaire", "association"), ("CCAS de Brest", "collectivite"), ("Super Marché", "entreprise")], ["pauvrete-exclusion"], "cooperation-economique", "local", ["bretagne"], "2026-05-05",
            "Les invendus alimentaires sont redistribués aux familles en précarité. Le CCAS oriente les bénéficiaires."),
        new("logement-intergenerationnel", "Logement intergénérationnel", [("Toit Partagé", "association"), ("Métropole de Lyon", "collectivite")], ["logement", "vieillissement", "lien-social"], "innovation-societale", "local", ["auvergne-rhone-alpes"], "2022-04-12",
            "Des étudiants logent chez des personnes âgées. La cohabitation intergénérationnelle rompt l'isolement.", 2010),
        new("handicap-recrutement-inclusif", "Recrutement inclusif et handicap", [("Emploi Handicap", "association"), ("Grande Distribution", "entreprise")], ["handicap-diversite", "emploi-insertion"], "pratiques-responsables", "national", [], "2025-01-20",
            "Une démarche de recrutement inclusif ouvre des postes aux personnes handicapées. Les managers sont formés."),
        new("sante-prevention-seniors", "Prévention santé des seniors", [("Activité Physique", "association"), ("Nutrition SA", "entreprise")], ["sante", "vieillissement"], "innovation-societale", "national", [], "2024-10-10",
            "L'activité physique adaptée prévient la perte d'autonomie. Un programme de prévention santé est co-construit."),
        new("education-decrochage-scolaire", "Décrochage scolaire et mentorat", [("Mentor Jeunes", "association"), ("Université de Lille", "academique"), ("Rectorat", "etat")], ["education"], "mecenat", "regional", ["hauts-de-france"], "2026-03-03",
            "Des étudiants mentorent des collégiens pour prévenir le décrochage scolaire. L'université valorise l'engagement."),
        new("culture-orchestre-rural", "Orchestre en milieu rural", [("Musique Partout", "association"), ("Communauté de communes", "collectivite"), ("Fondation Arts", "fondation")], ["culture-loisirs", "education"], "mecenat", "local", ["bretagne"], "2023-12-01",
            "Des enfants jouent dans un orchestre. La culture se diffuse dans les territoires ruraux."),
        new("securite-routiere-entreprises", "Sécurité routière en entreprise", [("Prévention Route", "association"), ("Transports Rhône", "entreprise"), ("Préfecture", "etat")], ["securite", "mobilite"], "pratiques-responsables", "departemental", ["auvergne-rhone-alpes"], "2025-08-08",
            "Les entreprises forment leurs salariés à la sécurité routière. Le risque routier professionnel baisse."),
        new("reemploi-dechetteries", "Réemploi en déchetteries", [("Ressourcerie", "association"), ("Syndicat de collecte", "collectivite")], ["environnement", "pollution", "emploi-insertion"], "cooperation-economique", "local", ["normandie"], "2024-07-07",
            "Les objets déposés en déchetterie sont réemployés. Moins de déchets, plus d'emplois en insertion."),
        new("microcredit-outre-mer", "Microcrédit en outre-mer", [("Crédit Solidaire", "association"), ("Banque Océan", "entreprise")], ["developpement-economique", "emploi-insertion"], "cooperation-economique", "departemental", ["mayotte"], "2026-04-14",
            "Le microcrédit finance des créateurs d'entreprise exclus du crédit bancaire à Mayotte."),
        new("pouvoir-achat-epicerie", "Épicerie solidaire et pouvoir d'achat", [("Épicerie Pour Tous", "association"), ("Grossiste Nord", "entreprise")], ["pouvoir-achat", "pauvrete-exclusion"], "cooperation-economique", "local", ["hauts-de-france"], "2025-02-02",
            "Une épicerie solidaire vend à prix réduit. Le pouvoir d'achat des familles modestes progresse."),
        new("ingenierie-alliance-territoire", "Ingénierie d'alliance territoriale", [("Catalyseur Territorial", "ingenierie"), ("Département du Gers", "collectivite"), ("Mutuelle Locale", "entreprise")], ["developpement-economique", "lien-social"], "innovation-societale", "departemental", ["occitanie"], "2024-01-01",
            "Un catalyseur territorial anime une alliance entre acteurs du territoire. L'économie sociale et solidaire se structure."),
        new("solaire-ecoles-afrique", "Lampes solaires pour les écoles", [("Électriciens Solidaires", "association"), ("Lumière SAS", "entreprise")], ["transition-energetique", "education"], "cooperation-economique", "international", [], "2023-05-05",
            "Des lampes solaires éclairent des écoles sans électricité. Les élèves révisent le soir."),
        new("ocean-microplastiques", "Recherche sur les microplastiques", [("Fondation Océan", "fondation"), ("Laboratoire Marin", "academique")], ["pollution", "biodiversite"], "innovation-societale", "international", [], "2022-09-15",
            "Une expédition scientifique mesure les microplastiques en mer. La pollution plastique menace la biodiversité."),
        new("mecenat-competences-associations", "Mécénat de compétences pour les associations", [("Pro Bono", "ingenierie"), ("Conseil SA", "entreprise"), ("Petites Associations", "association")], ["lien-social", "developpement-economique"], "mecenat", "regional", ["ile-de-france"], "2026-06-30",
            "Des salariés offrent leur expertise aux associations : c'est le mécénat de compétences. L'engagement des collaborateurs se développe."),
    ];

    /// <summary>The fixture's synonyms file.</summary>
    public const string Synonyms = """
        - [ESS, économie sociale et solidaire]
        - [IAE, SIAE, insertion par l'activité économique]
        - [seniors, personnes âgées]
        """;

    /// <summary>Writes the corpus (or other cases and synonyms), the real taxonomy and the content licence to a new temporary content folder.</summary>
    public static string WriteTo(string folder, IReadOnlyList<FixtureCase>? cases = null, string? synonyms = null)
    {
        var casesFolder = Path.Combine(folder, "cases");
        Directory.CreateDirectory(casesFolder);
        File.Copy(RepositoryPaths.Resolve("content/taxonomy.yml"), Path.Combine(folder, "taxonomy.yml"), overwrite: true);
        File.Copy(RepositoryPaths.Resolve("content/LICENSE"), Path.Combine(folder, "LICENSE"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "synonyms.yml"), synonyms ?? Synonyms);
        foreach (var c in cases ?? Cases)
        {
            File.WriteAllText(Path.Combine(casesFolder, c.Slug + ".md"), c.ToMarkdown());
        }
        return folder;
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ia-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
