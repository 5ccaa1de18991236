using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>Reads one case file (YAML front matter, then Markdown) into a <see cref="CaseStudy"/>.</summary>
/// <remarks>Every problem of the file is reported, not just the first; the result is null when any is an error.</remarks>
public sealed partial class CaseStudyReader(Taxonomy taxonomy, DateOnly today, SourceHosts? sourceHosts = null)
{
    private const string Fence = "---";

    /// <summary>Reads and checks a case file; the slug is its file name.</summary>
    /// <param name="root">The content folder, which links may point into (<see cref="ContentFile"/>).</param>
    public CaseFile? Read(string path, ICollection<ContentDiagnostic> diagnostics, string? root = null) => Inspect(path, diagnostics, root).File;

    /// <summary>
    /// Reads and checks a case file, keeping what the checks across files need even when it has errors; a
    /// file <see cref="ContentFile"/> refuses to read is reported and gives nothing but its name.
    /// </summary>
    /// <param name="root">The content folder, which links may point into (<see cref="ContentFile"/>).</param>
    public CaseReading Inspect(string path, ICollection<ContentDiagnostic> diagnostics, string? root = null) =>
        ContentFile.ReadText(path, diagnostics, root) is { } text
            ? Check(path, Path.GetFileNameWithoutExtension(path), text, diagnostics)
            : new CaseReading(null, null, 1, [], "");

    /// <summary>Parses and checks case text; <paramref name="path"/> only names it in diagnostics.</summary>
    public CaseFile? Parse(string path, string slug, string text, ICollection<ContentDiagnostic> diagnostics) =>
        Check(path, slug, text, diagnostics).File;

    /// <summary>
    /// Parses and checks case text, every part that can be read: a front matter with errors does not keep
    /// the body's links from being collected, so that one run reports every kind of problem.
    /// </summary>
    public CaseReading Check(string path, string slug, string text, ICollection<ContentDiagnostic> diagnostics)
    {
        var errorsBefore = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (!CaseStudyRules.IsValidSlug(slug))
        {
            var suggestion = CaseStudyRules.SlugFromTitle(slug);
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error,
                $"nom de fichier « {slug} » invalide : lettres minuscules sans accent, chiffres et tirets simples, {CaseStudyRules.MaxSlugLength} caractères au plus"
                + (suggestion.Length > 0 ? $" ; renommez-le par exemple {suggestion}.md" : "")));
        }
        var close = FindClosingFence(lines);
        if (lines[0].TrimEnd() != Fence || close < 0)
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, lines[0].TrimEnd() == Fence
                ? "en-tête non fermé : ajoutez une ligne --- après le dernier champ, avant le texte du cas"
                : "en-tête manquant : le fichier commence par une ligne ---, puis les champs, puis une ligne ---"));
            return new CaseReading(null, null, 1, [], "");
        }
        var body = string.Join('\n', lines[(close + 1)..]);
        var links = new BodyChecker(path, close + 2, diagnostics).Check(lines[(close + 1)..]);
        var yaml = string.Join('\n', lines[1..close]);
        var root = YamlNodes.LoadMapping(path, yaml, lineOffset: 1, diagnostics);
        if (root is null)
        {
            return new CaseReading(null, null, 1, links, body);
        }
        var mapper = new FrontMatterMapper(path, 1, taxonomy, diagnostics);
        mapper.CheckKeys(root);
        var caseStudy = Map(mapper, root, slug, body);
        var titleNode = FrontMatterMapper.Get(root, "title");
        var title = (titleNode as YamlScalarNode)?.Value?.Trim();
        var titleLine = titleNode is null ? 1 : mapper.LineOf(titleNode);

        var hasErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore;
        var file = hasErrors || caseStudy is null ? null : new CaseFile(caseStudy, path, titleLine, links);
        return new CaseReading(file, string.IsNullOrEmpty(title) ? null : title, titleLine, links, body);
    }

    private static int FindClosingFence(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is Fence or "...")
            {
                return i;
            }
        }
        return -1;
    }

    private CaseStudy? Map(FrontMatterMapper m, YamlMappingNode root, string slug, string body)
    {
        var title = m.Text(root, "title", required: true);
        if (title is not null && title.Length > CaseStudyRules.MaxTitleLength)
        {
            m.Error(FrontMatterMapper.Get(root, "title")!, $"title fait {title.Length} caractères ; {CaseStudyRules.MaxTitleLength} au plus");
        }
        var summary = m.Text(root, "summary", required: true);
        if (summary is not null && summary.Length > CaseStudyRules.MaxSummaryLength)
        {
            m.Error(FrontMatterMapper.Get(root, "summary")!, $"summary fait {summary.Length} caractères ; {CaseStudyRules.MaxSummaryLength} au plus");
        }
        var actors = m.Slugs(root, CaseStudySchema.Actors, required: true);
        if (FrontMatterMapper.Get(root, CaseStudySchema.Actors) is YamlSequenceNode { Children.Count: 0 } emptyActors)
        {
            m.Error(emptyActors, "actors doit avoir au moins une valeur");
        }
        var organisations = OrganisationsOf(m, root, actors);
        var domains = DomainsOf(m, root);
        var type = FrontMatterMapper.Get(root, CaseStudySchema.PartnershipTypes) is { } typeNode
            ? m.Slug(typeNode, "partnership_type", CaseStudySchema.PartnershipTypes)
            : Missing(m, root, "partnership_type");
        var territory = TerritoryOf(m, root);
        var year = FrontMatterMapper.Get(root, "year") is { } yearNode ? m.Integer(yearNode, "year", CaseStudyRules.MinYear, today.Year) : null;
        var sdgs = SdgsOf(m, root);
        var keywords = KeywordsOf(m, root);
        var sources = SourcesOf(m, root);
        var statusNode = FrontMatterMapper.Get(root, CaseStudySchema.Statuses);
        // A case without a status is published: the field matters for drafts, checked and ended cases.
        var status = statusNode is not null ? m.Slug(statusNode, "status", CaseStudySchema.Statuses) : CaseStatus.Published;
        var reviewed = NotInFuture(m, root, "reviewed", m.Date(root, "reviewed", required: false));
        var ended = FrontMatterMapper.Get(root, "ended") is { } endedNode ? m.Integer(endedNode, "ended", year ?? CaseStudyRules.MinYear, today.Year) : null;
        if (status == CaseStatus.Archived && ended is null && FrontMatterMapper.Get(root, "ended") is null)
        {
            m.Error(statusNode!, "un cas archivé est une alliance terminée : donnez l'année de fin, ended: AAAA");
        }
        var updated = NotInFuture(m, root, "updated", m.Date(root, "updated"));

        if (title is null || summary is null || type is null || territory is null || updated is null || status is null)
        {
            return null;
        }
        return new CaseStudy
        {
            Slug = slug, Title = title, Summary = summary, Actors = actors, Organisations = organisations,
            Domains = domains, PartnershipType = type, Territory = territory, Year = year, Sdgs = sdgs, Keywords = keywords,
            Sources = sources, Status = status, Reviewed = reviewed, Ended = ended, Updated = updated.Value, Body = body.Trim(),
        };
    }

    private DateOnly? NotInFuture(FrontMatterMapper m, YamlMappingNode map, string key, DateOnly? date, string owner = "")
    {
        if (date > today)
        {
            m.Error(FrontMatterMapper.Get(map, key)!, $"{owner}{key} est dans le futur ({date:yyyy-MM-dd}) : mettez la date de la modification");
        }
        return date;
    }

    private static string? Missing(FrontMatterMapper m, YamlMappingNode root, string key)
    {
        m.Missing(root, key);
        return null;
    }

    private static List<Organisation> OrganisationsOf(FrontMatterMapper m, YamlMappingNode root, List<string> actors)
    {
        var result = new List<Organisation>();
        // When 'actors' itself has a bad value, its consistency with the organisations is not worth a second error.
        var actorsNode = FrontMatterMapper.Get(root, CaseStudySchema.Actors);
        var actorsUsable = actorsNode is YamlSequenceNode listed && listed.Children.Count == actors.Count;
        var list = m.NonEmptyList(root, "organisations", "organisations doit avoir au moins une organisation");
        foreach (var org in m.Mappings(list, "chaque organisation s'écrit { name: \"…\", actor: … }"))
        {
            m.CheckKeys(org, OrganisationKeys, "organisations.");
            var name = m.Text(org, "name", required: true, owner: "organisations.");
            var actor = FrontMatterMapper.Get(org, "actor") is { } actorNode ? m.Slug(actorNode, "organisations.actor", CaseStudySchema.Actors) : null;
            if (FrontMatterMapper.Get(org, "actor") is null)
            {
                m.Missing(org, "actor", "organisations.");
            }
            if (name is null || actor is null)
            {
                continue;
            }
            if (actorsUsable && !actors.Contains(actor))
            {
                m.Error(org, $"l'organisation « {name} » est de type « {actor} », absent de actors : ajoutez-le à actors");
            }
            result.Add(new Organisation(name, actor));
        }
        if (list is not null && actorsUsable)
        {
            foreach (var unused in actors.Where(a => result.Count > 0 && result.All(o => o.Actor != a)))
            {
                m.Error(actorsNode!, $"« {unused} » figure dans actors mais aucune organisation n'est de ce type");
            }
        }
        return result;
    }

    private static List<string> DomainsOf(FrontMatterMapper m, YamlMappingNode root)
    {
        var domains = m.Slugs(root, CaseStudySchema.Domains, required: true);
        if (FrontMatterMapper.Get(root, CaseStudySchema.Domains) is YamlSequenceNode node
            && (node.Children.Count < CaseStudyRules.MinDomains || node.Children.Count > CaseStudyRules.MaxDomains))
        {
            m.Error(node, $"domains doit avoir de {CaseStudyRules.MinDomains} à {CaseStudyRules.MaxDomains} valeurs, pas {node.Children.Count}");
        }
        return domains;
    }

    private Territory? TerritoryOf(FrontMatterMapper m, YamlMappingNode root)
    {
        var node = FrontMatterMapper.Get(root, "territory");
        if (node is not YamlMappingNode territory)
        {
            if (node is null)
            {
                m.Missing(root, "territory");
            }
            else
            {
                m.Error(node, "territory contient les champs scale, regions et place, chacun sur sa ligne, décalés de deux espaces");
            }
            return null;
        }
        m.CheckKeys(territory, TerritoryKeys, "territory.");
        var scaleNode = FrontMatterMapper.Get(territory, CaseStudySchema.Scales);
        var scale = scaleNode is not null
            ? m.Slug(scaleNode, "territory.scale", CaseStudySchema.Scales)
            : Missing(m, territory, "territory.scale");
        var regions = m.Slugs(territory, CaseStudySchema.Regions, required: false, owner: "territory.");
        var place = m.Text(territory, "place", required: false, owner: "territory.");
        var codes = PlaceCodes(m, territory, place, regions, scale);
        if (scale == "regional" && scaleNode is not null)
        {
            WarnRegionalInOneDepartment(m, scaleNode, regions);
        }
        return scale is null ? null : new Territory(scale, regions, string.IsNullOrEmpty(place) ? null : place) { PlaceCodes = codes };
    }

    /// <summary>
    /// A local case names its communes; its département follows from them, for the filters and the map alike. Written beside
    /// them, it only repeats one (« Courrières (Pas-de-Calais), Pas-de-Calais » on the case's page) and reads as if the
    /// alliance covered the whole département, which its scale denies.
    /// </summary>
    private static void WarnDepartmentBesideItsCommunes(FrontMatterMapper m, YamlNode placeNode, IReadOnlyList<Place> places)
    {
        foreach (var department in places.Where(p => p.Kind == PlaceKind.Department))
        {
            if (places.FirstOrDefault(p => p.Kind == PlaceKind.Commune && p.Department == department.Code) is { } commune)
            {
                m.Warning(placeNode,
                    $"« {department.Name} » répète le département d'une commune déjà nommée ({commune.Name}) : un cas « local » nomme ses communes seules, le département s'en déduit");
            }
        }
    }

    /// <summary>
    /// A regional scale for the only region of a one-département territory (the five overseas ones) is a warning: there the
    /// region and the département are one territory, so that a whole-territory action is departemental as on a département of
    /// the Hexagon, and « regional » is kept for an action over several neighbouring territories (CONTRIBUTING).
    /// </summary>
    private static void WarnRegionalInOneDepartment(FrontMatterMapper m, YamlNode scaleNode, List<string> regions)
    {
        if (regions is [var region] && PlaceGazetteer.Official.SoleDepartmentOf(region) is { } department)
        {
            m.Warning(scaleNode,
                $"échelle « regional » pour la seule région {department.Name}, qui n'a qu'un département : une action sur tout le territoire y est « departemental », dans quelques communes nommées « local » ; « regional » couvre plusieurs territoires voisins");
        }
    }

    /// <summary>
    /// Resolves the place against the official split; an unknown name, a region left out, or a local case's département
    /// named beside its own communes is a warning.
    /// </summary>
    private List<string> PlaceCodes(FrontMatterMapper m, YamlMappingNode territory, string? place, List<string> regions, string? scale)
    {
        var resolution = PlaceResolver.Resolve(place, PlaceGazetteer.Official, regions);
        var placeNode = FrontMatterMapper.Get(territory, "place");
        // Places abroad are not in the split: an international case names them freely.
        foreach (var (part, suggestion) in scale == "international" ? [] : resolution.Unknown)
        {
            m.Warning(placeNode!, suggestion is null
                ? $"lieu inconnu : « {part} » n'est ni une commune, ni un département, ni une région ; écrivez « Commune (Département) »"
                : $"lieu inconnu : « {part} » ; vouliez-vous dire « {suggestion} » ?");
        }
        var missing = resolution.Places.Select(p => p.Region).Where(r => taxonomy[CaseStudySchema.Regions.Key].Contains(r) && !regions.Contains(r)).Distinct().ToList();
        if (missing.Count > 0)
        {
            m.Warning(placeNode!, $"« {place} » est en {string.Join(", ", missing)} : ajoutez cette région à territory.regions");
        }
        if (scale == "local")
        {
            WarnDepartmentBesideItsCommunes(m, placeNode!, resolution.Places);
        }
        return resolution.Places.SelectMany(p => p.IndexCodes())
            .Where(code => !code.StartsWith("r:", StringComparison.Ordinal) || taxonomy[CaseStudySchema.Regions.Key].Contains(code[2..]))
            .Concat(regions.Select(Place.RegionCode))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<int> SdgsOf(FrontMatterMapper m, YamlMappingNode root)
    {
        var result = new List<int>();
        foreach (var item in m.List(root, "sdgs", required: false)?.Children ?? [])
        {
            if (m.Integer(item, "sdgs", 1, 17) is { } sdg && !result.Contains(sdg))
            {
                result.Add(sdg);
            }
        }
        return result;
    }

    /// <summary>
    /// The index terms: texts of a few words on one line, each holding a word the search meets, none given twice (case, accents,
    /// hyphens and spaces aside: « Tiers-lieu » and « tiers lieu » are the same term; « REP » and « REP+ » are not).
    /// </summary>
    private static List<string> KeywordsOf(FrontMatterMapper m, YamlMappingNode root)
    {
        var result = new List<string>();
        var list = m.List(root, "keywords", required: false);
        if (list is { Children.Count: > CaseStudyRules.MaxKeywords })
        {
            m.Error(list, $"keywords a {list.Children.Count} mots-clés ; {CaseStudyRules.MaxKeywords} au plus : gardez les plus précis");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list?.Children ?? [])
        {
            if (KeywordOf(m, item) is not { } term)
            {
                continue;
            }
            if (!seen.Add(string.Join(' ', FrenchAnalyzer.FoldLower(term).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))))
            {
                m.Error(item, $"le mot-clé « {term} » est déjà donné");
                continue;
            }
            result.Add(term);
        }
        return result;
    }

    private static string? KeywordOf(FrontMatterMapper m, YamlNode item)
    {
        if (item is not YamlScalarNode { Value: var value } scalar)
        {
            m.Error(item, $"un mot-clé est un texte, pas {FrontMatterMapper.Describe(item)} : keywords: [\"garage solidaire\", \"tiers-lieu\"]");
            return null;
        }
        var term = (value ?? "").Normalize(System.Text.NormalizationForm.FormC).Trim();
        string? fault = term switch
        {
            "" => "un mot-clé est vide",
            _ when term.Any(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' '))
                => "un mot-clé tient sur une ligne, ses mots séparés par des espaces simples",
            _ when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (term is "~" || bool.TryParse(term, out _) || term.Equals("null", StringComparison.OrdinalIgnoreCase)
                || double.TryParse(term, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                => $"« {term} » n'est pas lu comme un texte : mettez le mot-clé entre guillemets",
            _ when term.Contains('"') => $"le mot-clé « {term} » contient des guillemets droits : écrivez « … »",
            // The exports join a case's terms with « | ».
            _ when term.Contains('|') => $"le mot-clé « {term} » contient « | », qui sépare les mots-clés dans les exports",
            _ when term.Length < CaseStudyRules.MinKeywordLength => $"le mot-clé « {term} » fait {term.Length} caractère ; {CaseStudyRules.MinKeywordLength} au moins",
            _ when term.Length > CaseStudyRules.MaxKeywordLength => $"le mot-clé « {term} » fait {term.Length} caractères ; {CaseStudyRules.MaxKeywordLength} au plus",
            _ when TermAnalysis.Terms(MatchingAnalyzer, term).Length == 0 => $"le mot-clé « {term} » n'a aucun mot que la recherche retienne",
            _ => null,
        };
        if (fault is not null)
        {
            m.Error(item, fault);
            return null;
        }
        return string.Join(' ', term.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // The analysis the search gives a text: a term must hold a word of it.
    private static readonly Lucene.Net.Analysis.Analyzer MatchingAnalyzer = CaseStudySchema.CreateAnalyzer();

    /// <summary>A case needs this many sources: one page rarely supports every claim, and two let a reader cross-check.</summary>
    public const int MinSources = 2;

    private List<Source> SourcesOf(FrontMatterMapper m, YamlMappingNode root)
    {
        var result = new List<Source>();
        var list = m.NonEmptyList(root, "sources", "sources est vide : chaque fait d'un cas vient d'une source citée");
        foreach (var source in m.Mappings(list, "chaque source s'écrit { title: \"…\", url: \"https://…\" }"))
        {
            if (SourceOf(m, source) is { } read)
            {
                result.Add(read);
            }
        }
        if (list is { Children.Count: > 0 } && result.Count > 0)
        {
            if (result.All(s => s.Url is null))
            {
                m.Error(list, "aucune source n'a d'adresse : citez au moins une page publique qui nomme les partenaires, pas seulement un document d'origine (seed)");
            }
            else if (list.Children.Count < MinSources)
            {
                m.Warning(list, $"une seule source : citez-en au moins {MinSources}, dont une qui nomme les partenaires ensemble");
            }
        }
        return result;
    }

    private Source? SourceOf(FrontMatterMapper m, YamlMappingNode source)
    {
        var title = m.Text(source, "title", required: true, owner: "sources.");
        var url = m.Text(source, "url", required: false, owner: "sources.");
        var seed = m.Text(source, "seed", required: false, owner: "sources.");
        var publisher = m.Text(source, "publisher", required: false, owner: "sources.");
        var date = NotInFuture(m, source, "date", m.Date(source, "date", required: false, owner: "sources."), "sources.");
        var accessed = NotInFuture(m, source, "accessed", m.Date(source, "accessed", required: false, owner: "sources."), "sources.");
        m.CheckKeys(source, SourceKeys, "sources.");
        var urlNode = FrontMatterMapper.Get(source, "url");
        if (string.IsNullOrEmpty(url) == string.IsNullOrEmpty(seed))
        {
            m.Error(urlNode ?? source, string.IsNullOrEmpty(url)
                ? "une source a une adresse (url: \"https://…\") ou, pour un document d'origine du projet, seed: \"nom du document\""
                : "une source a une adresse ou un nom de document d'origine (seed), pas les deux");
        }
        else if (!string.IsNullOrEmpty(url))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.Host.Contains('.', StringComparison.Ordinal))
            {
                m.Error(urlNode!, $"adresse de source invalide « {url} » : écrivez l'adresse complète, qui commence par https:// ou http://");
            }
            else if ((sourceHosts ?? SourceHosts.None).Rejection(uri) is { } reason)
            {
                m.Error(urlNode!, $"l'hôte {uri.Host} n'est pas accepté ({reason}) : citez la page de l'éditeur d'origine (content/{SourceHosts.FileName})");
            }
        }
        return title is null ? null : new Source(title, string.IsNullOrEmpty(url) ? null : url)
        {
            Publisher = string.IsNullOrEmpty(publisher) ? null : publisher,
            Date = date,
            Accessed = accessed,
            Seed = string.IsNullOrEmpty(seed) ? null : seed,
        };
    }

    private static readonly string[] SourceKeys = ["title", "url", "seed", "publisher", "date", "accessed"];

    private static readonly string[] OrganisationKeys = ["name", "actor"];

    private static readonly string[] TerritoryKeys = [CaseStudySchema.Scales.FrontMatterKey!, CaseStudySchema.Regions.FrontMatterKey!, "place"];

    /// <summary>Checks the Markdown body: not empty, no empty section, and collects links to other cases.</summary>
    private sealed partial class BodyChecker(string path, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        public List<CaseLink> Check(string[] lines)
        {
            var links = new List<CaseLink>();
            if (lines.All(string.IsNullOrWhiteSpace))
            {
                diagnostics.Add(new(path, firstLine - 1, DiagnosticSeverity.Error, "texte du cas vide : écrivez le cas sous l'en-tête, avec ses cinq sections"));
                return links;
            }
            var headingLine = -1;
            var sectionHasText = true;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    ReportEmptySection(headingLine, sectionHasText, lines);
                    (headingLine, sectionHasText) = (i, false);
                }
                // Once its section has text, a line is only looked at for links, and only where it could hold one:
                // every line of every case passes here.
                else if (!sectionHasText && !string.IsNullOrWhiteSpace(line) && !(line.Contains("<!--", StringComparison.Ordinal) && CommentLine().IsMatch(line)))
                {
                    sectionHasText = true;
                }
                if (line.Contains(CaseLinkStart, StringComparison.Ordinal))
                {
                    foreach (Match match in CaseLinkPattern().Matches(line))
                    {
                        links.Add(new CaseLink(match.Groups[1].Value, firstLine + i));
                    }
                }
            }
            ReportEmptySection(headingLine, sectionHasText, lines);
            return links;
        }

        private void ReportEmptySection(int headingIndex, bool hasText, string[] lines)
        {
            if (headingIndex >= 0 && !hasText)
            {
                diagnostics.Add(new(path, firstLine + headingIndex, DiagnosticSeverity.Error,
                    $"section « {lines[headingIndex][3..].Trim()} » vide : écrivez son texte"));
            }
        }

        // The template's guidance is written as HTML comments; a section holding only those is empty.
        [GeneratedRegex(@"^\s*<!--.*-->\s*$")]
        private static partial Regex CommentLine();

        private const string CaseLinkStart = "](/exemples/";

        [GeneratedRegex(@"\]\(/exemples/([^)\s#?]+)")]
        private static partial Regex CaseLinkPattern();
    }
}
