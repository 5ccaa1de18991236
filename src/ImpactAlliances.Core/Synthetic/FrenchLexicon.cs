namespace ImpactAlliances.Core.Synthetic;

/// <summary>A French noun with its gender; the plural is regular unless given.</summary>
internal sealed record Noun(string Singular, bool Feminine, string? IrregularPlural = null)
{
    public string Plural => IrregularPlural ?? PluralOf(Singular);

    // "fracture numérique" → "fractures numériques"; "demandeur d'emploi" → "demandeurs d'emploi".
    private static string PluralOf(string words)
    {
        var parts = words.Split(' ');
        parts[0] = PluralOfWord(parts[0]);
        if (parts.Length == 2 && !parts[1].StartsWith("d'", StringComparison.Ordinal))
        {
            parts[1] = PluralOfWord(parts[1]);
        }
        return string.Join(' ', parts);
    }

    private static string PluralOfWord(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.Contains('-', StringComparison.Ordinal) ? word
        : word.EndsWith("al", StringComparison.Ordinal) ? word[..^2] + "aux"
        : word.EndsWith("eau", StringComparison.Ordinal) ? word + "x" : word + "s";

    /// <summary>Whether "le/la" becomes "l'" before it.</summary>
    public bool Elides => FrenchLexicon.Elides(Singular);

    /// <summary>Parses "f:association" or "m:partenariat".</summary>
    public static Noun Parse(string spec) => new(spec[2..], spec[0] == 'f');
}

/// <summary>An adjective's masculine and feminine forms.</summary>
internal sealed record Adjective(string Masculine, string Feminine)
{
    public string For(bool feminine, bool plural)
    {
        var form = feminine ? Feminine : Masculine;
        return !plural || form.EndsWith('s') || form.EndsWith('x') ? form
            : form.EndsWith("al", StringComparison.Ordinal) ? form[..^2] + "aux" : form + "s";
    }

    public static Adjective Parse(string spec) => spec.Split('|') is [var m, var f] ? new(m, f) : new(spec, spec);
}

/// <summary>
/// The word lists synthetic cases are written from: a common vocabulary of partnerships, words specific
/// to each domain (so that text and facets agree), and parts from which place and organisation names are made.
/// </summary>
internal static class FrenchLexicon
{
    /// <summary>Whether "le", "la" or "de" before this word becomes "l'" or "d'".</summary>
    public static bool Elides(string word) => "aeéèêiîoôuyh".Contains(word[0], StringComparison.Ordinal);

    public static readonly Noun[] Common = Parse(
        "m:partenariat", "f:association", "f:entreprise", "m:projet", "m:territoire", "f:collectivité", "m:dispositif",
        "f:action", "m:public", "m:habitant", "f:structure", "m:bénévole", "m:salarié", "f:convention", "m:réseau",
        "f:démarche", "m:programme", "m:acteur", "f:commune", "m:quartier", "f:famille", "m:jeune", "f:formation",
        "m:accompagnement", "f:expérimentation", "m:financement", "m:comité", "f:charte", "m:besoin", "f:solution",
        "m:service", "f:ressource", "m:outil", "m:atelier", "f:rencontre", "m:diagnostic", "f:gouvernance",
        "m:engagement", "f:coopération", "m:mécénat", "m:bilan", "f:évaluation", "m:collaborateur", "f:filière",
        "m:local", "f:plateforme", "m:lieu", "f:mission", "m:partenaire", "f:fondation", "m:élu", "f:intercommunalité",
        "m:emploi", "f:mobilisation", "m:impact", "f:initiative", "m:modèle", "f:méthode", "m:savoir-faire", "f:équipe");

    public static readonly Adjective[] Adjectives = Array.ConvertAll([
        "local|locale", "solidaire", "durable", "social|sociale", "innovant|innovante", "partagé|partagée", "collectif|collective",
        "public|publique", "territorial|territoriale", "inclusif|inclusive", "concret|concrète", "régional|régionale",
        "nouveau|nouvelle", "fragile", "économique", "accessible", "commun|commune", "pérenne", "rural|rurale", "urbain|urbaine",
        "associatif|associative", "volontaire", "original|originale", "modeste", "ambitieux|ambitieuse", "éloigné|éloignée",
    ], Adjective.Parse);

    /// <summary>Verbs as (infinitive, 3rd person singular, 3rd person plural, past participle).</summary>
    public static readonly (string Infinitive, string Singular, string Plural, string Participle)[] Verbs =
    [
        ("accompagner", "accompagne", "accompagnent", "accompagné"), ("soutenir", "soutient", "soutiennent", "soutenu"),
        ("financer", "finance", "financent", "financé"), ("mobiliser", "mobilise", "mobilisent", "mobilisé"),
        ("développer", "développe", "développent", "développé"), ("organiser", "organise", "organisent", "organisé"),
        ("former", "forme", "forment", "formé"), ("renforcer", "renforce", "renforcent", "renforcé"),
        ("créer", "crée", "créent", "créé"), ("animer", "anime", "animent", "animé"), ("réunir", "réunit", "réunissent", "réuni"),
        ("proposer", "propose", "proposent", "proposé"), ("expérimenter", "expérimente", "expérimentent", "expérimenté"),
        ("construire", "construit", "construisent", "construit"), ("favoriser", "favorise", "favorisent", "favorisé"),
        ("améliorer", "améliore", "améliorent", "amélioré"), ("repérer", "repère", "repèrent", "repéré"),
        ("orienter", "oriente", "orientent", "orienté"), ("équiper", "équipe", "équipent", "équipé"),
        ("sensibiliser", "sensibilise", "sensibilisent", "sensibilisé"),
    ];

    /// <summary>Words of each domain, so that a case's text speaks of its domains.</summary>
    public static readonly IReadOnlyDictionary<string, Noun[]> Domains = new Dictionary<string, Noun[]>
    {
        ["emploi-insertion"] = Parse("f:insertion", "m:chantier", "m:demandeur d'emploi", "m:recrutement", "f:qualification", "m:parcours", "f:clause sociale", "m:contrat aidé"),
        ["developpement-economique"] = Parse("f:création d'activité", "m:commerce", "m:entrepreneur", "f:filière locale", "m:tiers-lieu", "f:revitalisation", "m:artisan", "m:marché"),
        ["pouvoir-achat"] = Parse("m:budget", "f:dépense", "m:prix", "f:épicerie solidaire", "m:tarif social", "f:aide", "m:reste à vivre", "f:facture"),
        ["pauvrete-exclusion"] = Parse("f:précarité", "f:pauvreté", "f:exclusion", "f:aide alimentaire", "m:sans-abri", "m:accès aux droits", "f:maraude", "m:colis"),
        ["logement"] = Parse("m:logement", "m:hébergement", "m:bailleur", "f:rénovation", "m:locataire", "f:colocation", "m:habitat", "m:loyer"),
        ["handicap-diversite"] = Parse("m:handicap", "f:accessibilité", "f:diversité", "f:discrimination", "m:aidant", "f:inclusion", "m:fauteuil", "m:travailleur handicapé"),
        ["vieillissement"] = Parse("f:personne âgée", "m:aîné", "f:autonomie", "m:isolement", "f:visite", "m:senior", "m:domicile", "f:retraite"),
        ["lien-social"] = Parse("m:lien social", "m:voisin", "f:convivialité", "m:bénévolat", "f:fête", "m:centre social", "f:solidarité", "m:échange"),
        ["education"] = Parse("m:élève", "m:collège", "m:décrochage", "m:tutorat", "f:orientation", "f:réussite", "m:enseignant", "m:mentor"),
        ["sante"] = Parse("f:santé", "f:prévention", "m:soin", "m:médecin", "m:dépistage", "f:mutuelle", "m:hôpital", "f:nutrition"),
        ["securite"] = Parse("f:sécurité", "m:risque", "f:route", "m:accident", "f:prévention routière", "f:violence", "m:secours", "f:délinquance"),
        ["mobilite"] = Parse("f:mobilité", "m:transport", "m:vélo", "m:covoiturage", "m:permis", "m:garage", "m:trajet", "f:voiture"),
        ["numerique"] = Parse("m:numérique", "m:ordinateur", "f:fracture numérique", "m:usage", "m:code", "f:donnée", "m:smartphone", "m:atelier numérique"),
        ["culture-loisirs"] = Parse("f:culture", "m:spectacle", "m:musée", "m:sport", "f:musique", "m:festival", "m:patrimoine", "f:lecture"),
        ["environnement"] = Parse("m:déchet", "m:réemploi", "f:ressourcerie", "m:recyclage", "f:économie circulaire", "m:compost", "f:eau", "m:jardin"),
        ["pollution"] = Parse("f:pollution", "m:plastique", "f:qualité de l'air", "m:sol", "m:polluant", "f:nuisance", "m:rejet", "f:dépollution"),
        ["biodiversite"] = Parse("f:biodiversité", "f:espèce", "f:haie", "m:oiseau", "f:zone humide", "m:pollinisateur", "f:forêt", "m:inventaire"),
        ["transition-energetique"] = Parse("f:énergie", "m:panneau solaire", "f:rénovation énergétique", "f:centrale", "m:climat", "f:sobriété", "f:éolienne", "f:précarité énergétique"),
    };

    public static readonly string[] Syllables =
        ["ber", "ville", "mont", "lac", "roche", "val", "cour", "bois", "fon", "tal", "gan", "mar", "sel", "lin", "dor", "ric", "say", "veu", "nan", "pel", "gri", "mou", "quer", "bré", "lé", "ta", "ro", "na", "vi", "sau"];

    public static readonly string[] FirstNames = ["Claire", "Marc", "Sophie", "Karim", "Léa", "Thomas", "Amina", "Julien", "Hélène", "Yves", "Nadia", "Pierre", "Inès", "Olivier", "Fatou", "Étienne"];

    private static Noun[] Parse(params string[] specs) => Array.ConvertAll(specs, Noun.Parse);
}
