using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Indexer;

/// <summary>
/// One case as a row of an open-data release: the one definition of the columns that the JSON Lines,
/// CSV and Parquet files and the release's schema.md all follow. Lists that belong together (an
/// organisation and its profile, a source's title, address, publisher and dates) are parallel lists of
/// the same length, with an empty string where a source gives no value.
/// </summary>
public sealed class ReleaseRecord
{
    [JsonPropertyName("slug"), Description("Identifiant stable du cas ; son adresse est /exemples/<slug>.")]
    public string Slug { get; set; } = "";

    [JsonPropertyName("title"), Description("Titre.")]
    public string Title { get; set; } = "";

    [JsonPropertyName("summary"), Description("Résumé d'une ou deux phrases.")]
    public string Summary { get; set; } = "";

    [JsonPropertyName("actors"), Description("Profils d'acteurs présents (taxonomie actors).")]
    public List<string> Actors { get; set; } = [];

    [JsonPropertyName("organisations"), Description("Noms des organisations de l'alliance.")]
    public List<string> Organisations { get; set; } = [];

    [JsonPropertyName("organisation_actors"), Description("Profil de chaque organisation, dans l'ordre de organisations (taxonomie actors).")]
    public List<string> OrganisationActors { get; set; } = [];

    [JsonPropertyName("domains"), Description("Domaines, de 1 à 4 (taxonomie domains).")]
    public List<string> Domains { get; set; } = [];

    [JsonPropertyName("partnership_type"), Description("Type de partenariat (taxonomie partnership_types).")]
    public string PartnershipType { get; set; } = "";

    [JsonPropertyName("scale"), Description("Échelle d'action (taxonomie scales).")]
    public string Scale { get; set; } = "";

    [JsonPropertyName("regions"), Description("Régions concernées (taxonomie regions) ; vide pour un cas national ou international.")]
    public List<string> Regions { get; set; } = [];

    [JsonPropertyName("place"), Description("Communes, départements ou régions nommés par l'éditeur ; absent si non renseigné.")]
    public string? Place { get; set; }

    [JsonPropertyName("year"), Description("Année de début de l'alliance, quand une source la donne.")]
    public int? Year { get; set; }

    [JsonPropertyName("ended"), Description("Année de fin, pour une alliance terminée (statut archive).")]
    public int? Ended { get; set; }

    [JsonPropertyName("sdgs"), Description("Objectifs de développement durable concernés, de 1 à 17.")]
    public List<int> Sdgs { get; set; } = [];

    [JsonPropertyName("keywords"), Description("Mots-clés du cas : les mots du métier pour ce qu'il est (nature des partenaires, forme, démarche, public), vérifiés contre son texte.")]
    public List<string> Keywords { get; set; } = [];

    [JsonPropertyName("status"), Description("Statut éditorial : publie, verifie (vérifié affirmation par affirmation) ou archive (taxonomie statuses).")]
    public string Status { get; set; } = "";

    [JsonPropertyName("reviewed"), Description("Date de la dernière vérification affirmation par affirmation.")]
    public DateOnly? Reviewed { get; set; }

    [JsonPropertyName("updated"), Description("Date de la dernière modification éditoriale (dernier commit qui a modifié le fichier).")]
    public DateOnly Updated { get; set; }

    [JsonPropertyName("source_titles"), Description("Titre de chaque source citée.")]
    public List<string> SourceTitles { get; set; } = [];

    [JsonPropertyName("source_urls"), Description("Adresse de chaque source, dans l'ordre de source_titles ; chaîne vide pour un document d'origine du projet.")]
    public List<string> SourceUrls { get; set; } = [];

    [JsonPropertyName("source_publishers"), Description("Éditeur de chaque source, dans l'ordre de source_titles ; chaîne vide si inconnu.")]
    public List<string> SourcePublishers { get; set; } = [];

    [JsonPropertyName("source_dates"), Description("Date de publication de chaque source (AAAA-MM-JJ), dans l'ordre de source_titles ; chaîne vide si inconnue.")]
    public List<string> SourceDates { get; set; } = [];

    [JsonPropertyName("source_accessed"), Description("Date de consultation de chaque source (AAAA-MM-JJ), dans l'ordre de source_titles ; chaîne vide si inconnue.")]
    public List<string> SourceAccessed { get; set; } = [];

    [JsonPropertyName("body"), Description("Texte du cas, en Markdown.")]
    public string Body { get; set; } = "";

    /// <summary>The row of a case.</summary>
    public static ReleaseRecord Of(CaseStudy c) => new()
    {
        Slug = c.Slug,
        Title = c.Title,
        Summary = c.Summary,
        Actors = [.. c.Actors],
        Organisations = [.. c.Organisations.Select(o => o.Name)],
        OrganisationActors = [.. c.Organisations.Select(o => o.Actor)],
        Domains = [.. c.Domains],
        PartnershipType = c.PartnershipType,
        Scale = c.Territory.Scale,
        Regions = [.. c.Territory.Regions],
        Place = c.Territory.Place,
        Year = c.Year,
        Ended = c.Ended,
        Sdgs = [.. c.Sdgs],
        Keywords = [.. c.Keywords],
        Status = c.Status,
        Reviewed = c.Reviewed,
        Updated = c.Updated,
        SourceTitles = [.. c.Sources.Select(s => s.Title)],
        SourceUrls = [.. c.Sources.Select(s => s.Url ?? "")],
        SourcePublishers = [.. c.Sources.Select(s => s.Publisher ?? "")],
        SourceDates = [.. c.Sources.Select(s => Date(s.Date))],
        SourceAccessed = [.. c.Sources.Select(s => Date(s.Accessed))],
        Body = c.Body,
    };

    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<ReleaseColumn> Columns = [.. typeof(ReleaseRecord)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .OrderBy(p => p.MetadataToken)
        .Select(p => new ReleaseColumn(p))];

    /// <summary>The separator of list elements in the CSV file.</summary>
    public const string CsvListSeparator = " | ";

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A column of <see cref="ReleaseRecord"/>: its name, type and description, and its value as CSV text.</summary>
public sealed class ReleaseColumn(PropertyInfo property)
{
    /// <summary>The column's name in every format.</summary>
    public string Name { get; } = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;

    /// <summary>What it holds, in French.</summary>
    public string Description { get; } = property.GetCustomAttribute<DescriptionAttribute>()!.Description;

    /// <summary>Its type in each format, in French.</summary>
    public string Type => property.PropertyType switch
    {
        var t when t == typeof(string) => new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable
            ? "texte, absent si non renseigné" : "texte",
        var t when t == typeof(int?) => "entier (INT32), absent si inconnu",
        var t when t == typeof(DateOnly) => "date (AAAA-MM-JJ ; Parquet DATE)",
        var t when t == typeof(DateOnly?) => "date (AAAA-MM-JJ ; Parquet DATE), absente si aucune",
        var t when t == typeof(List<string>) => "liste de textes",
        var t when t == typeof(List<int>) => "liste d'entiers (INT32)",
        var t => t.Name,
    };

    /// <summary>The value of a row as CSV text: lists joined with <see cref="ReleaseRecord.CsvListSeparator"/>, nothing for a missing value.</summary>
    public string CsvValue(ReleaseRecord record) => property.GetValue(record) switch
    {
        null => "",
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => ReleaseRecord.Date(date),
        List<string> list => string.Join(ReleaseRecord.CsvListSeparator, list),
        List<int> list => string.Join(ReleaseRecord.CsvListSeparator, list.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        var other => throw new InvalidOperationException($"No CSV form for {other.GetType()}"),
    };
}
