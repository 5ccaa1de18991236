using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>Each kind of error is reported as path:line: message, on the line of the offending key or value.</summary>
public sealed class CaseStudyReaderFacts
{
    private static readonly Taxonomy Taxonomy = LoadTaxonomy();
    private static readonly DateOnly Today = new(2026, 11, 23);

    private const string Valid = """
        ---
        title: "Wimoov et Renault : une offre de mobilité solidaire"
        summary: "Une plateforme de mobilité et des garages solidaires."
        actors: [association, entreprise]
        organisations:
          - { name: "Wimoov", actor: association }
          - { name: "Renault", actor: entreprise }
        domains: [mobilite, emploi-insertion]
        partnership_type: innovation-societale
        territory:
          scale: national
          regions: []
          place: ""
        year: 2012
        sdgs: [8, 10, 17]
        sources:
          - { title: "Guide pratique Coopérer efficacement, ORSE et Le RAMEAU, 2023", url: "https://example.org/guide" }
          - { title: "Wimoov et Renault", url: "https://example.org/wimoov-renault", publisher: "Renault Group", date: 2021-05-03, accessed: 2026-11-20 }
        updated: 2026-11-23
        ---

        ## Contexte

        La mobilité est un frein à l'emploi.

        ## Le partenariat

        Voir aussi [un autre cas](/exemples/autre-cas).
        """;

    [Fact]
    public void A_valid_file_becomes_a_typed_case()
    {
        var (file, diagnostics) = Parse(Valid);

        Assert.Empty(diagnostics);
        var c = file!.Case;
        Assert.Equal("wimoov-renault", c.Slug);
        Assert.Equal(["association", "entreprise"], c.Actors);
        Assert.Equal(new Organisation("Renault", "entreprise"), c.Organisations[1]);
        Assert.Equal("innovation-societale", c.PartnershipType);
        Assert.Equal(("national", (string?)null), (c.Territory.Scale, c.Territory.Place));
        Assert.Empty(c.Territory.Regions);
        Assert.Empty(c.Territory.PlaceCodes);
        Assert.Equal(2012, c.Year);
        Assert.Equal([8, 10, 17], c.Sdgs);
        Assert.Equal(new DateOnly(2026, 11, 23), c.Updated);
        Assert.StartsWith("## Contexte", c.Body);
        Assert.Equal([new CaseLink("autre-cas", 28)], file.Links);
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("title: \"Wimoov et Renault : une offre de mobilité solidaire\"\n", ""));

        Assert.Contains("case.md:2: champ obligatoire manquant : title", Messages(diagnostics));
    }

    [Fact]
    public void An_unknown_taxonomy_value_is_reported_on_its_line_with_a_suggestion()
    {
        var (file, diagnostics) = Parse(Valid.Replace("domains: [mobilite, emploi-insertion]", "domains: [mobilite, emploi-insersion]"));

        Assert.Null(file);
        var message = Assert.Single(Messages(diagnostics));
        Assert.Equal("case.md:8: valeur inconnue « emploi-insersion » dans domains ; vouliez-vous dire « emploi-insertion » ?", message);
    }

    // CONTRIBUTING: in a region of one département (the five overseas ones), a whole-territory action is departemental.
    [Theory]
    [InlineData("martinique", "Fort-de-France (Martinique)", "Martinique")]
    [InlineData("la-reunion", "", "La Réunion")]
    [InlineData("corse", "", null)]
    [InlineData("bretagne", "", null)]
    public void Regional_scale_in_a_region_of_one_departement_is_a_warning(string region, string place, string? warnedFor)
    {
        var (_, diagnostics) = Parse(Valid.Replace("scale: national", "scale: regional").Replace("regions: []", $"regions: [{region}]").Replace("place: \"\"", $"place: \"{place}\""));

        Assert.Equal(
            warnedFor is null ? [] : [$"case.md:11: avertissement : échelle « regional » pour la seule région {warnedFor}, qui n'a qu'un département : une action sur tout le territoire y est « departemental », dans quelques communes nommées « local » ; « regional » couvre plusieurs territoires voisins"],
            diagnostics.Select(d => d.ToString()));
    }

    // CONTRIBUTING: a local case names its communes; its département follows from them and, written beside them, only
    // repeats one (« Courrières (Pas-de-Calais), Pas-de-Calais » on the case's page).
    [Theory]
    [InlineData("local", "Courrières (Pas-de-Calais), Pas-de-Calais", "Pas-de-Calais", "Courrières")]
    [InlineData("local", "Finistère, Quimper (Finistère)", "Finistère", "Quimper")]
    [InlineData("local", "Courrières (Pas-de-Calais), Nord", null, null)]
    [InlineData("local", "Courrières (Pas-de-Calais)", null, null)]
    [InlineData("departemental", "Pas-de-Calais, Courrières (Pas-de-Calais)", null, null)]
    public void A_local_case_naming_the_departement_of_one_of_its_communes_is_warned(string scale, string place, string? department, string? commune)
    {
        var (file, diagnostics) = Parse(Valid.Replace("scale: national", $"scale: {scale}").Replace("regions: []", "regions: [hauts-de-france, bretagne]").Replace("place: \"\"", $"place: \"{place}\""));

        Assert.NotNull(file);
        Assert.Equal(
            department is null ? [] : [$"case.md:13: avertissement : « {department} » répète le département d'une commune déjà nommée ({commune}) : un cas « local » nomme ses communes seules, le département s'en déduit"],
            diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    // A domain word, a term of a value, a word of its slug: the value it belongs to, with its label.
    [InlineData("domains: [mobilite, pauvreté]", "case.md:8: valeur inconnue « pauvreté » dans domains ; vouliez-vous dire « pauvrete-exclusion » (Pauvreté et exclusion) ?")]
    [InlineData("domains: [mobilite, précarité]", "case.md:8: valeur inconnue « précarité » dans domains ; vouliez-vous dire « pauvrete-exclusion » (Pauvreté et exclusion) ?")]
    [InlineData("domains: [mobilite, insertion]", "case.md:8: valeur inconnue « insertion » dans domains ; vouliez-vous dire « emploi-insertion » (Emploi et insertion) ?")]
    [InlineData("domains: [mobilite, Santé]", "case.md:8: valeur inconnue « Santé » dans domains ; vouliez-vous dire « sante » ?")]
    [InlineData("actors: [association, mairie]", "case.md:4: valeur inconnue « mairie » dans actors ; vouliez-vous dire « collectivite » (Collectivité territoriale) ?")]
    // Places in regions: a former region gives the region it merged into; a département or a commune, its region.
    [InlineData("regions: [Rhône-Alpes]", "case.md:12: valeur inconnue « Rhône-Alpes » dans territory.regions ; ancienne région, fusionnée en 2016 dans la région Auvergne-Rhône-Alpes : vouliez-vous dire « auvergne-rhone-alpes » ?")]
    [InlineData("regions: [nord-pas-de-calais]", "case.md:12: valeur inconnue « nord-pas-de-calais » dans territory.regions ; ancienne région, fusionnée en 2016 dans la région Hauts-de-France : vouliez-vous dire « hauts-de-france » ?")]
    [InlineData("regions: [Région parisienne]", "case.md:12: valeur inconnue « Région parisienne » dans territory.regions ; « Région parisienne » désigne la région Île-de-France : vouliez-vous dire « ile-de-france » ?")]
    [InlineData("regions: [Antilles]", "case.md:12: valeur inconnue « Antilles » dans territory.regions ; « Antilles » recouvre plusieurs régions : écrivez celles où l'alliance agit, parmi « guadeloupe », « martinique »")]
    [InlineData("regions: [Gironde]", "case.md:12: valeur inconnue « Gironde » dans territory.regions ; « Gironde » est un département de la région Nouvelle-Aquitaine (un département s'écrit dans territory.place) : vouliez-vous dire « nouvelle-aquitaine » ?")]
    [InlineData("regions: [Marseille]", "case.md:12: valeur inconnue « Marseille » dans territory.regions ; « Marseille » est une commune de la région Provence-Alpes-Côte d'Azur (une commune s'écrit dans territory.place) : vouliez-vous dire « provence-alpes-cote-d-azur » ?")]
    // Nothing near: the values to choose from.
    [InlineData("domains: [mobilite, astronomie]", "case.md:8: valeur inconnue « astronomie » dans domains ; valeurs possibles : emploi-insertion, developpement-economique, pouvoir-achat, pauvrete-exclusion, logement, handicap-diversite, vieillissement, lien-social, education, sante, securite, mobilite, numerique, culture-loisirs, environnement, pollution, biodiversite, transition-energetique")]
    public void An_unknown_value_that_names_a_value_otherwise_is_reported_with_that_value(string line, string expected)
    {
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var text = Valid.Split('\n').Select(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) ? l[..(l.Length - l.TrimStart().Length)] + line : l);

        var (file, diagnostics) = Parse(string.Join('\n', text));

        Assert.Null(file);
        Assert.Equal(expected, Assert.Single(Messages(diagnostics)));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("year: 2012", "year: vingt"));

        Assert.Equal(["case.md:14: year doit être un nombre entier, pas « vingt »"], Messages(diagnostics));
    }

    [Fact]
    public void Index_terms_are_read_trimmed_in_their_order()
    {
        var (file, diagnostics) = Parse(Valid.Replace("sdgs: [8, 10, 17]", "sdgs: [8, 10, 17]\nkeywords: [\"garage solidaire\", \" mobilité inclusive \"]"));

        Assert.Empty(diagnostics);
        Assert.Equal(["garage solidaire", "mobilité inclusive"], file!.Case.Keywords);
        Assert.Empty(Parse(Valid).File!.Case.Keywords);
    }

    /// <summary>An index term is a few words on one line, given once, holding a word the search meets; a list of them is a few terms.</summary>
    [Theory]
    [InlineData("keywords: garage solidaire", "keywords doit être une liste, par exemple keywords: [a, b]")]
    [InlineData("keywords: [\"garage solidaire\", [mobilité]]", "un mot-clé est un texte, pas une liste : keywords: [\"garage solidaire\", \"tiers-lieu\"]")]
    [InlineData("keywords: [\"garage solidaire\", \" \"]", "un mot-clé est vide")]
    [InlineData("keywords: [\"x\"]", "le mot-clé « x » fait 1 caractère ; 2 au moins")]
    [InlineData("keywords: [\"garage\\tsolidaire\"]", "un mot-clé tient sur une ligne, ses mots séparés par des espaces simples")]
    [InlineData("keywords: [\"garage\\nsolidaire\"]", "un mot-clé tient sur une ligne, ses mots séparés par des espaces simples")]
    [InlineData("keywords: [\"garage\u00a0solidaire\"]", "un mot-clé tient sur une ligne, ses mots séparés par des espaces simples")]
    [InlineData("keywords: [true]", "« true » n'est pas lu comme un texte : mettez le mot-clé entre guillemets")]
    [InlineData("keywords: [null]", "« null » n'est pas lu comme un texte : mettez le mot-clé entre guillemets")]
    [InlineData("keywords: [2020]", "« 2020 » n'est pas lu comme un texte : mettez le mot-clé entre guillemets")]
    [InlineData("keywords: ['le \"bon\" garage']", "le mot-clé « le \"bon\" garage » contient des guillemets droits : écrivez « … »")]
    [InlineData("keywords: [\"de la\"]", "le mot-clé « de la » n'a aucun mot que la recherche retienne")]
    [InlineData("keywords: [\"Garage solidaire\", \"garage  solidaire\"]", "le mot-clé « garage solidaire » est déjà donné")]
    [InlineData("keywords: [\"tiers-lieu\", \"tiers lieu\"]", "le mot-clé « tiers lieu » est déjà donné")]
    [InlineData("keywords: [a1, a2, a3, a4, a5, a6, a7, a8, a9, b1, b2, b3, b4]", "keywords a 13 mots-clés ; 12 au plus : gardez les plus précis")]
    public void A_wrong_index_term_is_reported_on_its_line(string line, string expected)
    {
        var (file, diagnostics) = Parse(Valid.Replace("sdgs: [8, 10, 17]", "sdgs: [8, 10, 17]\n" + line));

        Assert.Null(file);
        Assert.Equal($"case.md:16: {expected}", Assert.Single(Messages(diagnostics)));
    }

    /// <summary>« REP » and « REP+ » are two programmes: terms that differ by more than case, accents, hyphens and spaces are two terms.</summary>
    [Fact]
    public void Terms_that_differ_by_a_sign_are_two_terms() =>
        Assert.Equal(["REP", "REP+"], Parse(Valid.Replace("sdgs: [8, 10, 17]", "sdgs: [8, 10, 17]\nkeywords: [\"REP\", \"REP+\"]")).File!.Case.Keywords);

    /// <summary>In a block list, each term's fault is on its own line; 2 and 60 characters are allowed, 61 are not.</summary>
    [Fact]
    public void A_wrong_index_term_of_a_block_list_is_reported_on_its_own_line()
    {
        var longest = new string('a', 60);
        var (file, diagnostics) = Parse(Valid.Replace("sdgs: [8, 10, 17]", $"sdgs: [8, 10, 17]\nkeywords:\n  - \"ok\"\n  - \"{longest}\"\n  - \"{longest}b\""));

        Assert.Null(file);
        Assert.Equal([$"case.md:19: le mot-clé « {longest}b » fait 61 caractères ; 60 au plus"], Messages(diagnostics));
    }

    /// <summary>Each wrong value of a list is told apart by its value, though they share a line.</summary>
    [Fact]
    public void Each_wrong_value_of_a_list_is_named()
    {
        var (_, diagnostics) = Parse(Valid.Replace("sdgs: [8, 10, 17]", "sdgs: [x, 18, y, [4]]"));

        Assert.Equal(["sdgs doit être un nombre entier, pas « x »", "sdgs doit être entre 1 et 17, pas 18",
            "sdgs doit être un nombre entier, pas « y »", "sdgs doit être un nombre entier"],
            Messages(diagnostics).Select(m => m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void A_list_written_as_text_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("domains: [mobilite, emploi-insertion]", "domains: mobilite"));

        Assert.Equal(["case.md:8: domains doit être une liste, par exemple domains: [a, b]"], Messages(diagnostics));
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var (file, diagnostics) = Parse(Valid.Replace("partnership_type: innovation-societale", "partnership_type: [innovation-societale"));

        Assert.Null(file);
        var message = Assert.Single(Messages(diagnostics));
        Assert.Equal("case.md:9: liste non fermée : fermez par ] la liste ouverte par [ sur cette ligne (colonne 19)", message);
    }

    [Theory]
    [InlineData("une offre de mobilité solidaire\"", "une offre de mobilité solidaire",
        "case.md:2: guillemet non fermé : la valeur qui commence ici doit se terminer par le même guillemet, sur la même ligne (colonne 8)")]
    [InlineData("  regions: []", "    regions: []",
        "case.md:12: indentation incorrecte : cette ligne est plus décalée que la précédente ; alignez-la sur les autres champs du même niveau (colonne 12)")]
    [InlineData("  place: \"\"", " place: \"\"",
        "case.md:13: indentation incorrecte : alignez cette ligne sur les autres champs du même niveau (colonne 2)")]
    [InlineData("\"Une plateforme de mobilité et des garages solidaires.\"", "Une plateforme : mobilité",
        "case.md:3: deux-points dans une valeur : mettez toute la valeur entre guillemets, par exemple title: \"Wimoov et Renault : une offre\" (colonne 25)")]
    [InlineData("year: 2012", "year: 2012\nyear: 2013",
        "case.md:15: champ « year » écrit deux fois : gardez une seule ligne year: (colonne 1)")]
    [InlineData("  scale: national", "\tscale: national",
        "case.md:11: caractère de tabulation : indentez avec des espaces uniquement (colonne 1)")]
    [InlineData("\"Wimoov et Renault : une offre de mobilité solidaire\"", "\"Wimoov et \"Renault\" : une offre\"",
        "case.md:2: guillemet en trop : la valeur s'arrête au deuxième guillemet droit ; à l'intérieur d'une valeur entre \"…\", utilisez les guillemets français « … » (colonne 29)")]
    [InlineData("year: 2012", "year 2012",
        "case.md:14: deux-points manquant : chaque ligne s'écrit « champ: valeur » (colonne 1)")]
    [InlineData("{ name: \"Wimoov\", actor", "{ name: \"Wimoov\" actor",
        "case.md:6: virgule manquante : écrivez { champ: valeur, champ: valeur } sur une seule ligne (colonne 22)")]
    [InlineData("partnership_type: innovation-societale", "partnership_type: [innovation-societale",
        "case.md:9: liste non fermée : fermez par ] la liste ouverte par [ sur cette ligne (colonne 19)")]
    [InlineData("\"Une plateforme", "\"Une \\plateforme",
        "case.md:3: barre oblique inverse \\ inattendue entre guillemets : retirez-la ou doublez-la (\\\\) (colonne 10)")]
    [InlineData("\"Une plateforme de mobilité et des garages solidaires.\"", "*plateforme",
        "case.md:3: une valeur ne peut pas commencer par * ou & : mettez-la entre guillemets (colonne 10)")]
    public void A_yaml_syntax_error_is_explained_in_french_with_its_line_and_column(string from, string to, string expected)
    {
        Assert.Contains(from, Valid, StringComparison.Ordinal);

        var (file, diagnostics) = Parse(Valid.Replace(from, to, StringComparison.Ordinal));

        Assert.Null(file);
        Assert.Equal([expected], Messages(diagnostics));
    }

    [Fact]
    public void A_yaml_error_that_fits_no_explanation_keeps_the_parser_text_as_a_detail()
    {
        var (_, diagnostics) = Parse(Valid.Replace("year: 2012", "year: !<tag 2012", StringComparison.Ordinal));

        var message = Assert.Single(Messages(diagnostics));
        Assert.StartsWith("case.md:14: syntaxe YAML incorrecte (détail : While scanning a tag", message);
        Assert.EndsWith("(colonne 7)", message);
    }

    [Fact]
    public void A_broken_front_matter_does_not_hide_the_body_problems()
    {
        var (_, diagnostics) = Parse(Valid
            .Replace("year: 2012", "year 2012", StringComparison.Ordinal)
            .Replace("La mobilité est un frein à l'emploi.", "", StringComparison.Ordinal));

        Assert.Equal(
            ["case.md:22: section « Contexte » vide : écrivez son texte", "case.md:14: deux-points manquant : chaque ligne s'écrit « champ: valeur » (colonne 1)"],
            Messages(diagnostics));
    }

    [Fact]
    public void A_missing_front_matter_is_reported()
    {
        var (_, diagnostics) = Parse("# Juste un titre\n\nDu texte.");

        Assert.Equal(["case.md:1: en-tête manquant : le fichier commence par une ligne ---, puis les champs, puis une ligne ---"], Messages(diagnostics));
    }

    [Fact]
    public void An_empty_body_is_reported()
    {
        var text = Valid[..(Valid.IndexOf("---\n\n## Contexte", StringComparison.Ordinal) + 4)];

        var (_, diagnostics) = Parse(text);

        Assert.Equal(["case.md:20: texte du cas vide : écrivez le cas sous l'en-tête, avec ses cinq sections"], Messages(diagnostics));
    }

    [Fact]
    public void An_empty_section_is_reported_at_its_heading()
    {
        var (_, diagnostics) = Parse(Valid.Replace("La mobilité est un frein à l'emploi.", ""));

        Assert.Equal(["case.md:22: section « Contexte » vide : écrivez son texte"], Messages(diagnostics));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_run()
    {
        var text = Valid
            .Replace("summary: \"Une plateforme de mobilité et des garages solidaires.\"\n", "")
            .Replace("scale: national", "scale: planetaire")
            .Replace("sdgs: [8, 10, 17]", "sdgs: [8, 18]")
            .Replace("updated: 2026-11-23", "updated: 2030-01-01")
            .Replace("year: 2012", "year: 2012\nauthor: moi");

        var (file, diagnostics) = Parse(text);

        Assert.Null(file);
        var messages = Messages(diagnostics);
        Assert.Contains("case.md:2: champ obligatoire manquant : summary", messages);
        Assert.Contains("case.md:10: valeur inconnue « planetaire » dans territory.scale ; valeurs possibles : local, departemental, regional, national, international", messages);
        Assert.Contains("case.md:14: champ inconnu « author »", messages);
        Assert.Contains("case.md:15: sdgs doit être entre 1 et 17, pas 18", messages);
        Assert.Contains("case.md:19: updated est dans le futur (2030-01-01) : mettez la date de la modification", messages);
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public void An_organisation_whose_actor_is_not_listed_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("actor: entreprise }", "actor: fondation }"));

        Assert.Contains("case.md:7: l'organisation « Renault » est de type « fondation », absent de actors : ajoutez-le à actors", Messages(diagnostics));
        Assert.Contains("case.md:4: « entreprise » figure dans actors mais aucune organisation n'est de ce type", Messages(diagnostics));
    }

    [Fact]
    public void A_case_without_sources_is_refused_and_one_with_a_single_source_warned()
    {
        var secondSource = "  - { title: \"Wimoov et Renault\", url: \"https://example.org/wimoov-renault\", publisher: \"Renault Group\", date: 2021-05-03, accessed: 2026-11-20 }\n";
        var (_, none) = Parse(Valid.Replace("  - { title: \"Guide pratique Coopérer efficacement, ORSE et Le RAMEAU, 2023\", url: \"https://example.org/guide\" }\n", "").Replace(secondSource, "").Replace("sources:\n", "sources: []\n"));
        var (file, single) = Parse(Valid.Replace(secondSource, ""));

        Assert.Equal(["case.md:16: sources est vide : chaque fait d'un cas vient d'une source citée"], Messages(none));
        Assert.NotNull(file);
        Assert.Empty(Messages(single));
        Assert.Equal("case.md:17: avertissement : une seule source : citez-en au moins 2, dont une qui nomme les partenaires ensemble", Assert.Single(single).ToString());
    }

    [Fact]
    public void A_source_has_an_address_or_names_a_seed_document_and_seeds_alone_are_refused()
    {
        var (file, _) = Parse(Valid);
        var (_, empty) = Parse(Valid.Replace("url: \"https://example.org/guide\"", "url: \"\""));
        var (_, both) = Parse(Valid.Replace("url: \"https://example.org/guide\"", "url: \"https://example.org/guide\", seed: \"Guide\""));
        var (_, seedsOnly) = Parse(Valid
            .Replace("url: \"https://example.org/guide\"", "seed: \"Guide pratique\"")
            .Replace("url: \"https://example.org/wimoov-renault\", publisher: \"Renault Group\", date: 2021-05-03, accessed: 2026-11-20", "seed: \"Bilan de la feuille de route\""));

        var source = file!.Case.Sources[1];
        Assert.Equal(("Renault Group", new DateOnly(2021, 5, 3), new DateOnly(2026, 11, 20)), (source.Publisher!, source.Date!.Value, source.Accessed!.Value));
        Assert.Equal(["case.md:17: une source a une adresse (url: \"https://…\") ou, pour un document d'origine du projet, seed: \"nom du document\""], Messages(empty));
        Assert.Equal(["case.md:17: une source a une adresse ou un nom de document d'origine (seed), pas les deux"], Messages(both));
        Assert.Equal(["case.md:17: aucune source n'a d'adresse : citez au moins une page publique qui nomme les partenaires, pas seulement un document d'origine (seed)"], Messages(seedsOnly));
    }

    [Theory]
    [InlineData("https://fr.readkong.com/page/x", "fr.readkong.com", "miroir de documents")]
    [InlineData("https://www.staging.libe.io/a", "www.staging.libe.io", "serveur de préproduction")]
    [InlineData("https://preprodsite.example.fr/a", "preprodsite.example.fr", "serveur de préproduction")]
    public void A_source_on_a_rejected_host_is_refused_with_the_reason(string url, string host, string reason)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var list = Path.Combine(Path.GetTempPath(), $"hosts-{Guid.NewGuid():N}.yml");
        File.WriteAllText(list, """
            rejected:
              - { host: readkong.com, reason: "miroir de documents" }
              - { label: staging, reason: "serveur de préproduction" }
              - { label: preprod, reason: "serveur de préproduction" }
            """);
        var hosts = SourceHosts.Read(list, diagnostics);
        File.Delete(list);
        var text = Valid.Replace("https://example.org/guide", url).ReplaceLineEndings("\n");

        new CaseStudyReader(Taxonomy, Today, hosts).Parse("case.md", "wimoov-renault", text, diagnostics);

        Assert.Equal([$"case.md:17: l'hôte {host} n'est pas accepté ({reason}) : citez la page de l'éditeur d'origine (content/source-hosts.yml)"], Messages(diagnostics));
        Assert.Null(hosts.Rejection(new Uri("https://www.readkong.community/x")));
    }

    [Fact]
    public void Status_reviewed_and_ended_are_read_and_an_archived_case_needs_its_end()
    {
        var withStatus = Valid.Replace("updated: 2026-11-23", "status: verifie\nreviewed: 2026-11-20\nupdated: 2026-11-23");
        var (file, _) = Parse(withStatus);
        var (archived, _) = Parse(Valid.Replace("updated: 2026-11-23", "status: archive\nended: 2019\nupdated: 2026-11-23"));
        var (_, noEnd) = Parse(Valid.Replace("updated: 2026-11-23", "status: archive\nupdated: 2026-11-23"));
        var (_, unknown) = Parse(Valid.Replace("updated: 2026-11-23", "status: publié\nupdated: 2026-11-23"));
        var (defaulted, _) = Parse(Valid);

        Assert.Equal((CaseStatus.Verified, new DateOnly(2026, 11, 20)), (file!.Case.Status, file.Case.Reviewed!.Value));
        Assert.Equal((CaseStatus.Archived, 2019), (archived!.Case.Status, archived.Case.Ended!.Value));
        Assert.Equal(["case.md:19: un cas archivé est une alliance terminée : donnez l'année de fin, ended: AAAA"], Messages(noEnd));
        Assert.Equal("case.md:19: valeur inconnue « publié » dans status ; vouliez-vous dire « publie » ?", Assert.Single(Messages(unknown)));
        Assert.Equal(CaseStatus.Published, defaulted!.Case.Status);
    }

    [Fact]
    public void A_file_name_that_is_not_a_slug_is_reported()
    {
        var diagnostics = new List<ContentDiagnostic>();
        new CaseStudyReader(Taxonomy, Today).Parse("Cas Été.md", "Cas Été", Valid, diagnostics);

        Assert.Equal("Cas Été.md:1: nom de fichier « Cas Été » invalide : lettres minuscules sans accent, chiffres et tirets simples, 80 caractères au plus ; renommez-le par exemple cas-ete.md", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void A_section_holding_only_a_comment_is_empty()
    {
        var (_, diagnostics) = Parse(Valid.Replace("La mobilité est un frein à l'emploi.", "<!-- Le besoin, la fragilité traitée. -->"));

        Assert.Equal(["case.md:22: section « Contexte » vide : écrivez son texte"], Messages(diagnostics));
    }

    [Fact]
    public void A_source_without_title_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("title: \"Guide pratique Coopérer efficacement, ORSE et Le RAMEAU, 2023\", ", ""));

        Assert.Equal(["case.md:17: champ obligatoire manquant : sources.title"], Messages(diagnostics));
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        var (_, diagnostics) = Parse(Valid.Replace("domains:", "domain:"));

        Assert.Contains("case.md:8: champ inconnu « domain » ; vouliez-vous dire « domains » ?", Messages(diagnostics));
    }

    [Fact]
    public void An_unknown_key_of_the_territory_or_of_an_organisation_is_reported_not_dropped_with_its_value()
    {
        // A misspelt regions or place was dropped without a word: the case validated, placed nowhere.
        var (file, diagnostics) = Parse(Valid
            .Replace("  regions: []", "  regoins: [bretagne]")
            .Replace("{ name: \"Renault\", actor: entreprise }", "{ name: \"Renault\", actor: entreprise, role: mecene }"));

        Assert.Null(file);
        Assert.Equal(
            ["case.md:7: champ inconnu « organisations.role »", "case.md:12: champ inconnu « territory.regoins » ; vouliez-vous dire « regions » ?"],
            Messages(diagnostics));
    }

    [Fact]
    public void A_date_written_as_asked_that_the_calendar_lacks_is_said_to_be_so()
    {
        // « 2026-02-30 » is written AAAA-MM-JJ: being told to write it so sent the editor looking for a wrong digit or dash.
        var (_, diagnostics) = Parse(Valid
            .Replace("date: 2021-05-03", "date: 2021-13-03")
            .Replace("accessed: 2026-11-20", "accessed: 20/11/2026")
            .Replace("updated: 2026-11-23", "updated: 2026-02-30"));

        Assert.Equal(
            [
                "case.md:18: sources.date vaut 2021-13-03 : cette date n'existe pas ; le mois va de 01 à 12, le jour de 01 au dernier jour du mois",
                "case.md:18: sources.accessed doit être une date au format AAAA-MM-JJ, par exemple 2026-12-01",
                "case.md:19: updated vaut 2026-02-30 : cette date n'existe pas ; le mois va de 01 à 12, le jour de 01 au dernier jour du mois",
            ],
            Messages(diagnostics));
    }

    [Fact]
    public void A_front_matter_never_closed_is_said_to_be_so_not_missing()
    {
        var (file, diagnostics) = Parse(Valid.Replace("updated: 2026-11-23\n---\n", "updated: 2026-11-23\n"));

        Assert.Null(file);
        Assert.Equal(["case.md:1: en-tête non fermé : ajoutez une ligne --- après le dernier champ, avant le texte du cas"], Messages(diagnostics));
    }

    [Fact]
    public void A_summary_over_the_limit_is_reported()
    {
        var (_, diagnostics) = Parse(Valid.Replace("Une plateforme de mobilité et des garages solidaires.", new string('a', 401)));

        Assert.Equal(["case.md:3: summary fait 401 caractères ; 400 au plus"], Messages(diagnostics));
    }

    private static (CaseFile? File, List<ContentDiagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var file = new CaseStudyReader(Taxonomy, Today).Parse("case.md", "wimoov-renault", text.ReplaceLineEndings("\n"), diagnostics);
        return (file, diagnostics);
    }

    private static List<string> Messages(IEnumerable<ContentDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    private static Taxonomy LoadTaxonomy()
    {
        var diagnostics = new List<ContentDiagnostic>();
        return TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics));
    }
}
