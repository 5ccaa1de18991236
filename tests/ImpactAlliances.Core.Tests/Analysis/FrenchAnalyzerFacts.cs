using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Tests.Analysis;

public sealed class FrenchAnalyzerFacts
{
    [Theory]
    [InlineData("mobilité", "Mobilité")]
    [InlineData("mobilité", "MOBILITÉ")]
    [InlineData("mobilité", "mobilite")]
    [InlineData("mobilité", "mobilités")]
    [InlineData("insertion", "l'insertion")]
    [InlineData("insertion", "L’INSERTION")]
    [InlineData("entreprise", "qu'entreprises")]
    [InlineData("économie", "economies")]
    public void Variants_meet_on_one_term(string word, string variant)
    {
        Assert.Equal(Terms(word, stem: true), Terms(variant, stem: true));
    }

    [Theory]
    [InlineData("précaire", "précarité")]
    [InlineData("précaires", "précarités")]
    [InlineData("solidaire", "solidarité")]
    [InlineData("création", "créateurs")]
    [InlineData("associatif", "association")]
    [InlineData("associatives", "associations")]
    [InlineData("agricole", "agriculture")]
    [InlineData("agriculteurs", "agricoles")]
    [InlineData("jeunes", "jeunesse")]
    [InlineData("rurale", "ruralité")]
    [InlineData("énergie", "énergétique")]
    [InlineData("pauvres", "pauvreté")]
    [InlineData("aidant", "aidantes")]
    [InlineData("réfugiés", "réfugiée")]
    [InlineData("collectes", "collecter")]
    [InlineData("collectif", "collectivement")]
    [InlineData("aînés", "aînée")]
    [InlineData("répit", "répits")]
    [InlineData("commission", "commissions")]
    [InlineData("délai", "délais")]
    [InlineData("indicateur", "indicateurs")]
    [InlineData("initiation", "initiations")]
    [InlineData("abordable", "abordables")]
    [InlineData("loyer", "loyers")]
    [InlineData("moyenne", "moyennes")]
    [InlineData("publication", "publications")]
    [InlineData("isolation", "isolations")]
    [InlineData("organique", "organiques")]
    [InlineData("mare", "mares")]
    [InlineData("taxi", "taxis")]
    [InlineData("voirie", "voiries")]
    [InlineData("Martinique", "martiniquais")]
    [InlineData("dons", "donateurs")]
    [InlineData("capitale", "capitales")]
    [InlineData("emploi", "emplois")]
    [InlineData("créant", "création")]
    [InlineData("créent", "créer")]
    [InlineData("habits", "habit")]
    [InlineData("lieu", "lieux")]
    [InlineData("milieu", "milieux")]
    [InlineData("enjeu", "enjeux")]
    [InlineData("jeu", "jeux")]
    [InlineData("feu", "feux")]
    [InlineData("vœu", "vœux")]
    [InlineData("vélo", "vélos")]
    [InlineData("élu", "élus")]
    [InlineData("élues", "élus")]
    [InlineData("revenu", "revenus")]
    [InlineData("essai", "essais")]
    [InlineData("studio", "studios")]
    [InlineData("euro", "euros")]
    [InlineData("abri", "abris")]
    [InlineData("vidéo", "vidéos")]
    [InlineData("photo", "photos")]
    [InlineData("scénario", "scénarios")]
    [InlineData("menu", "menus")]
    [InlineData("invendu", "invendus")]
    [InlineData("tournoi", "tournois")]
    [InlineData("numéro", "numéros")]
    [InlineData("envoi", "envois")]
    [InlineData("appui", "appuis")]
    [InlineData("ami", "amis")]
    [InlineData("kilo", "kilos")]
    [InlineData("radio", "radios")]
    [InlineData("métro", "métros")]
    [InlineData("porteur", "porteuse")]
    [InlineData("porteurs", "porteuses")]
    [InlineData("chercheur", "chercheuse")]
    [InlineData("demandeurs", "demandeuses")]
    [InlineData("travailleur", "travailleuses")]
    [InlineData("employeur", "employeuses")]
    [InlineData("coiffeur", "coiffeuse")]
    [InlineData("hébergeur", "hébergeuse")]
    [InlineData("développeur", "développeuse")]
    [InlineData("port", "ports")]
    [InlineData("ports", "portuaires")]
    [InlineData("port", "portuaire")]
    [InlineData("café", "cafés")]
    [InlineData("mère", "mères")]
    [InlineData("français", "française")]
    [InlineData("françaises", "français")]
    [InlineData("Var", "varoise")]
    [InlineData("gardant", "garder")]
    [InlineData("aire", "aires")]
    [InlineData("vente", "ventes")]
    [InlineData("foyer", "foyers")]
    [InlineData("loisir", "loisirs")]
    [InlineData("usager", "usagers")]
    public void Words_of_a_reviewed_family_meet_both_ways(string one, string other)
    {
        Assert.Equal(Terms(one, stem: true), Terms(other, stem: true));
        Assert.Equal(Terms(other, stem: true), Terms(one, stem: true));
    }

    [Theory]
    [InlineData("environnement", "environ")]
    [InlineData("formation", "forme")]
    [InlineData("département", "départ")]
    [InlineData("coopération", "copie")]
    [InlineData("aidants", "aide")]
    [InlineData("réfugiés", "refuges")]
    [InlineData("communication", "communes")]
    [InlineData("communs", "communes")]
    [InlineData("collecte", "collectif")]
    [InlineData("enseignants", "enseignes")]
    [InlineData("enseignants", "enseignements")]
    [InlineData("équipements", "équipes")]
    [InlineData("alternance", "alternative")]
    [InlineData("concerts", "concertation")]
    [InlineData("généralistes", "général")]
    [InlineData("génie", "gens")]
    [InlineData("Greta", "Gret")]
    [InlineData("fonds", "fondé")]
    [InlineData("Gers", "gère")]
    [InlineData("Gard", "garde")]
    [InlineData("Ain", "aînés")]
    [InlineData("répit", "repas")]
    [InlineData("REP", "repas")]
    [InlineData("habits", "habitants")]
    [InlineData("commission", "comme")]
    [InlineData("délais", "delà")]
    [InlineData("indicateurs", "indique")]
    [InlineData("initiation", "initiative")]
    [InlineData("abordable", "abord")]
    [InlineData("loyer", "loi")]
    [InlineData("moyenne", "moyens")]
    [InlineData("notes", "notamment")]
    [InlineData("publications", "publique")]
    [InlineData("opéra", "opération")]
    [InlineData("CIAS", "ci")]
    [InlineData("CAE", "ça")]
    [InlineData("isolation", "isolement")]
    [InlineData("organiques", "organismes")]
    [InlineData("port", "porte")]
    [InlineData("ports", "portes")]
    [InlineData("port", "porté")]
    [InlineData("ports", "portées")]
    [InlineData("marais", "mars")]
    [InlineData("mares", "mars")]
    [InlineData("mares", "marées")]
    [InlineData("taxi", "taxe")]
    [InlineData("voirie", "voire")]
    [InlineData("Martinique", "Martin")]
    [InlineData("dons", "donne")]
    [InlineData("capitale", "capital")]
    [InlineData("tennis", "tenir")]
    [InlineData("via", "vie")]
    [InlineData("relais", "relié")]
    [InlineData("employeuses", "emploi")]
    [InlineData("demandeuses", "demande")]
    [InlineData("travailleuses", "travailler")]
    [InlineData("développeuse", "développement")]
    [InlineData("hébergeuse", "hébergement")]
    [InlineData("café", "CAF")]
    [InlineData("cafés", "CAF")]
    [InlineData("mère", "mer")]
    [InlineData("mères", "mer")]
    [InlineData("français", "France")]
    [InlineData("Seine", "sein")]
    [InlineData("Var", "variés")]
    [InlineData("gardant", "Gard")]
    [InlineData("aire", "air")]
    [InlineData("aires", "air")]
    [InlineData("parce", "parc")]
    [InlineData("vente", "vent")]
    [InlineData("ventes", "vents")]
    [InlineData("foyer", "foi")]
    [InlineData("loisir", "lois")]
    [InlineData("usager", "usage")]
    public void Words_the_stemmer_would_join_stay_apart(string word, string other)
    {
        Assert.NotEqual(Terms(word, stem: true), Terms(other, stem: true));
    }

    [Fact]
    public void Every_form_of_the_families_file_belongs_to_one_family()
    {
        Assert.True(WordFamilies.Stems.Count > 100);
        Assert.All(WordFamilies.Stems.Keys, form => Assert.Equal(FrenchAnalyzer.FoldLower(form), form));
    }

    [Fact]
    public void Stop_words_are_dropped_with_or_without_accents()
    {
        Assert.Equal(["alliance", "territoire"], Terms("l'alliance à le territoire", stem: false));
    }

    [Fact]
    public void The_exact_variant_folds_but_keeps_whole_words()
    {
        Assert.Equal(["numerique", "mecenat"], Terms("Numérique MÉCÉNAT", stem: false));
    }

    private static List<string> Terms(string text, bool stem)
    {
        using var analyzer = new FrenchAnalyzer(stem);
        return TokenTerms.Of(analyzer.GetTokenStream("f", text));
    }
}
