using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// The field's acronyms on the real content: a case that only spells a name out is found by its acronym, and a case
/// that only gives the acronym by the name spelt out, both ways, as <c>content/synonyms.yml</c> declares. Which
/// case holds which form is read from the files (accents aside, as the analysis folds them), not from the engine. The
/// acronyms the file does not list are those the cases define themselves (<see cref="ImpactAlliances.Core.Content.AcronymTable"/>).
/// </summary>
public sealed class AcronymFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Theory]
    [InlineData("CDI", "contrat à durée indéterminée", "contrats? a duree indeterminee")]
    [InlineData("CFA", "centre de formation d'apprentis", "centres? de formation d'apprentis")]
    [InlineData("CDC", "Caisse des dépôts", "caisse des depots")]
    [InlineData("OFB", "Office français de la biodiversité", "office francais de la biodiversite")]
    [InlineData("TEPOS", "territoire à énergie positive", "territoires? a energie positive")]
    [InlineData("LPO", "Ligue pour la protection des oiseaux", "ligue pour la protection des oiseaux")]
    [InlineData("E2C", "école de la deuxième chance", "ecoles? de la deuxieme chance")]
    [InlineData("MSAP", "maison de services au public", "maisons? de services au public")]
    [InlineData("SEML", "société d'économie mixte", "societes? d'economie mixte")]
    [InlineData("OPH", "office public de l'habitat", "offices? publics? de l'habitat")]
    // Not in the file: the cases define them (« la Protection judiciaire de la jeunesse (PJJ) »), AcronymTable.
    [InlineData("PJJ", "protection judiciaire de la jeunesse", "protection judiciaire de la jeunesse")]
    [InlineData("ANDES", "Association nationale de développement des épiceries solidaires", "association nationale de developpement des epiceries solidaires")]
    [InlineData("CLS", "contrat local de santé", "contrats? loca(l|ux) de sante")]
    // A name with a comma in it (quoted in the file, where YAML would cut it in two).
    [InlineData("DDETS", "direction départementale de l'emploi, du travail et des solidarités", "direction departementale de l'emploi, du travail et des solidarites")]
    public void An_acronym_and_its_name_find_the_cases_of_either(string acronym, string name, string foldedNamePattern)
    {
        var byAcronym = Found(acronym);
        var byName = Found(name);
        var withAcronym = CasesHolding($@"\b{acronym}\b", RegexOptions.None);
        var withName = CasesHolding($@"\b{foldedNamePattern}\b", RegexOptions.IgnoreCase);

        // Some case holds one form and not the other, or the test says nothing.
        Assert.NotEmpty(withName.Except(withAcronym).Concat(withAcronym.Except(withName)));
        Assert.Empty(withName.Except(byAcronym));
        Assert.Empty(withAcronym.Except(byName));
    }

    // The field's words, not acronyms: a case that only names the thing another way is found by the common name.
    [Theory]
    [InlineData("déserts médicaux", @"\bdesertification medicale\b")]
    [InlineData("déserts médicaux", @"\bmedicobus\b")]
    [InlineData("création d'entreprise", @"\bcooperatives? d'activites? et d'emploi\b")]
    // A one-way entry holds for the equivalents of its key: « gaspillage alimentaire » and « SIAE » are keys.
    [InlineData("gaspillage de nourriture", @"\binvendus\b")]
    [InlineData("IAE", @"\bchantiers? d'insertion\b")]
    // Two names of one policy, hyponyms of a general name, a trade and its adjective (session 15, helper C).
    [InlineData("renouvellement urbain", @"\brenovation urbaine\b")]
    [InlineData("catastrophe naturelle", @"\bcyclones?\b")]
    [InlineData("orientation professionnelle", @"\bstages? de (3e|troisieme)\b")]
    [InlineData("portuaire", @"\bgrands? ports? maritimes?\b")]
    // One way: the CPAM's network, and the body that is the CPAM overseas; pupils; the MSAP's successors.
    [InlineData("CPAM", @"\bassurance maladie\b")]
    [InlineData("CPAM", @"\bCGSS\b")]
    [InlineData("collégiens", @"\beleves d(e|u|es) colleges?\b")]
    [InlineData("MSAP", @"\bfrance services\b")]
    // The fire and rescue service by its general name, which Corsica's two services bear (SIS 2A, SIS 2B; session 43).
    [InlineData("SDIS", @"\bservices? d'incendie et de secours\b")]
    // Help with schoolwork outside class, by any of its names (session 22).
    [InlineData("soutien scolaire", @"\baide aux devoirs\b")]
    [InlineData("aide aux devoirs", @"\bsoutien scolaire\b")]
    // One way: the police by its services and the gendarmerie, the courts, the schools (session 24).
    [InlineData("police", @"\bgendarmerie\b")]
    [InlineData("police", @"\bcommissariats?\b")]
    [InlineData("justice", @"\btribunal\b")]
    [InlineData("établissements scolaires", @"\blycees?\b")]
    // Staying at home by the field's name and by people's (session 24).
    [InlineData("maintien à domicile", @"\b(rester|vivre|vieillir) chez (soi|eux|elles)\b")]
    [InlineData("rester chez soi", @"\bmaintien a domicile\b")]
    // One way: the children the cases call disadvantaged by their milieu or their school (session 25).
    [InlineData("défavorisés", @"\bmilieux modestes\b")]
    [InlineData("élèves défavorisés", @"(?s)^(?=.*\beleves\b)(?=.*\beducation prioritaire\b)")]
    // One way: the public of the RSA by its predecessor and its family, the people far from work as job seekers (session 26).
    [InlineData("RSA", @"\bRMI\b")]
    [InlineData("allocataires du RSA", @"\bminima sociaux\b")]
    [InlineData("personnes éloignées de l'emploi", @"\bpersonnes privees d'emploi\b")]
    // Bodies by their names before and after a renaming, both ways (session 27): the département's council (2015), the
    // State's regional and departmental services (2021), the CGET become the ANCT (2020).
    [InlineData("conseil général", @"\bconseil departemental\b")]
    [InlineData("conseil départemental", @"\bconseil general\b")]
    [InlineData("DIRECCTE", @"\bDREETS\b")]
    [InlineData("DREETS", @"\bDIRECCTE\b")]
    [InlineData("DDETS", @"\bDDCS(PP)?\b")]
    [InlineData("CGET", @"\bANCT\b")]
    [InlineData("ANCT", @"\bCGET\b")]
    // The field's words for one thing (session 27): a spelling, public buying and its contracts, the local authorities, an
    // intercommunal body.
    [InlineData("coconstruction", @"\bco-construction\b")]
    [InlineData("co-construction", @"\bcoconstruction\b")]
    [InlineData("marchés publics", @"\bcommande publique\b")]
    [InlineData("commande publique", @"\bmarches publics\b")]
    [InlineData("collectivités locales", @"\bcollectivites territoriales\b")]
    [InlineData("collectivités territoriales", @"\bcollectivites locales\b")]
    [InlineData("intercommunalité", @"\bcommunautes? urbaines?\b")]
    // The third place by the librarians' name; the coast by its commoner word; detainees by their release and, one way, the
    // prison (session 41).
    [InlineData("tiers-lieu", @"\btroisiemes? lieux?\b")]
    [InlineData("côtier", @"\blittoral\b")]
    // The coast by what the cases write of it, one way: the beach, the marine environment (session 44, rel44b). The beach only:
    // a one-word entry also finds the « plages horaires » and « plages dédiées » of the supermarkets' quiet hours and
    // Fort-de-France's Volga Plage, which no row asks for, so that narrowing the entry to the coast one day is not failed here.
    [InlineData("littoral", @"(?-i:\bplages?\b)(?! horaires| dediees)")]
    [InlineData("côtier", @"\bmilieux? marins?\b")]
    // The mutual insurers by their federation, whose regional unions run their prevention; one way (session 44, rel44b).
    [InlineData("mutuelle", @"\bmutualite francaise\b")]
    // Artistic practice and arts education by the art practised, one way (session 44, rel44b). Music practised only: the
    // quiet hours' music turned down and « la musique de la langue » of a reading contest are found too, and not asked for.
    [InlineData("pratiques artistiques", @"\btheatre\b")]
    [InlineData("éducation artistique", @"\bmusique\b(?!(,| et) (les )?annonces| de la langue)")]
    // Emergency shelter by the sheltering and the night reception that lead to it, one way (session 44, rel44b).
    [InlineData("hébergement d'urgence", @"\bmises? a l'abri\b")]
    [InlineData("hébergement d'urgence", @"\bveille sociale\b")]
    [InlineData("détenus", @"\bsortants? de prison\b")]
    [InlineData("détenus", @"\bprison\b")]
    [InlineData("détenus", @"\bsous main de justice\b")]
    // A company's anchoring in its territory, by its two names and, one way, by the local patronage that makes it (session 41).
    [InlineData("ancrage territorial", @"\bancrage local\b")]
    [InlineData("ancrage territorial", @"\bmecenat (territorial|de proximite)\b")]
    // Local producers, one way, by the farmers the cases name, and still by the short circuits they sell in (session 41).
    [InlineData("producteurs locaux", @"\bagriculteurs\b")]
    [InlineData("vente directe", @"\bproducteurs locaux\b")]
    // Session 42: « à la campagne » is the countryside (its « à la » typed: « campagne » alone is a campaign).
    [InlineData("à la campagne", @"\bmilieu rural\b")]
    // The ecological transition answers the loss of biodiversity too; a social innovation scales by swarming (session 42).
    [InlineData("transition écologique", @"\bbiodiversite\b")]
    [InlineData("essaimage", @"\bchangement d.echelle\b")]
    // Employees' engagement by the names of those who give their time (session 42).
    [InlineData("mécénat de compétences", @"\bsalaries (benevoles|volontaires)\b")]
    // Inclusive purchasing is bought from the sheltered and adapted sector, which the cases name so (session 42, rel42c).
    [InlineData("achats inclusifs", @"\bsecteur (protege|adapte)\b")]
    // The experiment in law is that of the Territoires zéro chômeur (RELEVANCE.md, session 43).
    [InlineData("expérimentation territoriale contre le chômage de longue durée", @"\bterritoires? zero chomeurs?\b")]
    // The researchers' notions by what the cases write of them, one way (session 45, thes45): the non-take-up of rights by
    // access to rights and the renouncing of care, reaching out by street rounds and mobile teams, empowerment by the power to act.
    [InlineData("non-recours", @"\bacces aux droits\b")]
    [InlineData("non-recours", @"\brenoncement aux soins\b")]
    [InlineData("aller-vers", @"\bmaraudes?\b")]
    [InlineData("aller-vers", @"\bequipes? mobiles?\b")]
    [InlineData("empowerment", @"\bpouvoir d'agir\b")]
    // The practitioners' words by what the cases write (session 45, thes45b): bees among the pollinators, beekeeping for
    // the bees, the beekeeper for beekeeping, the hedges of the bocage, one way.
    [InlineData("pollinisateurs", @"\babeilles?\b")]
    [InlineData("abeilles", @"\bapicult")]
    [InlineData("apiculture", @"\bapiculteurs?\b")]
    [InlineData("bocage", @"\bhaies?\b")]
    public void A_name_of_the_field_finds_the_cases_of_its_equivalents(string query, string foldedPattern)
    {
        var holding = CasesHolding(foldedPattern, RegexOptions.IgnoreCase);

        Assert.NotEmpty(holding);
        Assert.Empty(holding.Except(Found(query)));
    }

    /// <summary>
    /// A name of two words whose equivalents share one of them or none: asked with every word required (a case holding one
    /// of the two is found anyway by the half rule), it finds the cases writing an equivalent only through the entry
    /// (RELEVANCE.md, session 42).
    /// </summary>
    [Theory]
    [InlineData("gouvernance partagée", @"\bgouvernance (concertee|participative)\b")]
    [InlineData("biodiversité marine", @"\bmilieux? marins?\b")]
    // The researchers' notions by what the cases write of them (session 45, thes45): digital mediation by the digital advisers,
    // banking inclusion by personal microcredit, impact evaluation by its measure and its studies.
    [InlineData("médiation numérique", @"\bconseillers? numeriques?\b")]
    [InlineData("inclusion bancaire", @"\bmicrocredits? personnels?\b")]
    [InlineData("inclusion bancaire", @"\bpoints? passerelle\b")]
    [InlineData("évaluation d'impact", @"\bmesures? d'impact\b")]
    [InlineData("mesure d'impact", @"\bevaluations? d'impact\b")]
    [InlineData("évaluation d'impact", @"\betudes? d'impact\b")]
    // The practitioners' words (session 45, thes45b): environmental education by awareness-raising and education for
    // sustainable development, one way; shared and collective gardens, both ways.
    [InlineData("éducation à l'environnement", @"\bsensibilisation a l.environnement\b|\beducation au developpement durable\b")]
    [InlineData("jardins partagés", @"\bjardins? collectifs?\b")]
    [InlineData("jardins collectifs", @"\bjardins? partages?\b")]
    public void Every_word_of_a_name_of_the_field_finds_the_cases_of_its_equivalents(string query, string foldedPattern)
    {
        var holding = CasesHolding(foldedPattern, RegexOptions.IgnoreCase);

        Assert.NotEmpty(holding);
        Assert.Empty(holding.Except(Found(query, allWords: true)));
    }

    /// <summary>
    /// A notion whose own words find the cases of its equivalents anyway (« mécénat » and « nature » are both in every case
    /// writing « don en nature ») or find every case (« SROI », which no case writes, is searched as nothing): the entry then
    /// says which come first, and the named case, which writes an equivalent, is among the first ten only through it
    /// (RELEVANCE.md, session 45, thes45).
    /// </summary>
    [Theory]
    [InlineData("mécénat en nature", @"\bdons? en nature\b", "leroy-merlin-associations-mal-logement-dons-produits")]
    [InlineData("mécénat en nature", @"\bdons? en nature\b", "bnp-paribas-crepi-hauts-de-france-ordinateurs-associations-insertion")]
    [InlineData("SROI", @"\bretour social sur investissement\b", "essec-ville-de-drancy-une-grande-ecole-pourquoi-pas-moi")]
    public void A_notion_whose_words_find_its_equivalents_anyway_puts_them_first(string query, string foldedPattern, string slug)
    {
        var firstTen = content.Served.Search(new SearchRequest { Query = query, Size = 10 }).Hits.Select(h => h.Slug);

        Assert.Contains(slug, CasesHolding(foldedPattern, RegexOptions.IgnoreCase));
        Assert.Contains(slug, firstTen);
    }

    /// <summary>
    /// « projet », left out as a word for what every case is (RELEVANCE.md, session 42, rel42), is kept where it names an
    /// instrument of the field: « projet de territoire » searched « territoire » alone, held by nearly every case, and « appel à
    /// projets » « appel », which « faire appel à » holds. The word family as the analysis joins it: « se projeter » is « projet ».
    /// </summary>
    [Theory]
    [InlineData("projet de territoire", @"\bprojet")]
    [InlineData("appel à projets", @"\bprojet|\bappels? a (candidatures|manifestation)")]
    public void An_instrument_named_with_project_is_searched_with_it(string query, string foldedPattern)
    {
        var found = Found(query);

        Assert.NotEmpty(found);
        Assert.Empty(found.Except(CasesHolding(foldedPattern, RegexOptions.IgnoreCase)));
    }

    private HashSet<string> Found(string query, bool allWords = false) =>
        RealContentIndex.AllFound(content.Served, new SearchRequest { Query = query, AllWords = allWords });

    private HashSet<string> CasesHolding(string pattern, RegexOptions options) =>
        content.Cases.Where(c => Regex.IsMatch(FrenchAnalyzer.FoldAccents(TextOf(c)), pattern, options)).Select(c => c.Slug).ToHashSet();

    // What a case is searched by: its text and its index terms.
    private static string TextOf(CaseStudy c) =>
        $"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}\n{string.Join('\n', c.Keywords)}\n{c.Body}";
}
