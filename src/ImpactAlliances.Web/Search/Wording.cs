using System.Globalization;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>The French words for what Core gives as data: why a case is related, what a filter removal removes, what a suggestion is.</summary>
public static class Wording
{
    /// <summary>How a facet's values are named in a sentence: « le domaine » Santé, « les régions » Bretagne ou Corse.</summary>
    internal sealed record FacetWords(string One, string Several, bool Feminine);

    /// <summary>
    /// Each facet's words, by key, for the corrections of misspelt parameters and the filters the search page offers (« Filtrer sur
    /// l'échelle Internationale ? »); a facet without them fails <c>MisspeltParametersFacts</c>.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, FacetWords> Facets = new Dictionary<string, FacetWords>
    {
        [CaseStudySchema.Actors.Key] = new("le profil d'acteur", "les profils d'acteurs", Feminine: false),
        [CaseStudySchema.Domains.Key] = new("le domaine", "les domaines", Feminine: false),
        [CaseStudySchema.PartnershipTypes.Key] = new("le type de partenariat", "les types de partenariat", Feminine: false),
        [CaseStudySchema.Scales.Key] = new("l'échelle", "les échelles", Feminine: true),
        [CaseStudySchema.Regions.Key] = new("la région", "les régions", Feminine: true),
        [CaseStudySchema.Departments.Key] = new("le département", "les départements", Feminine: false),
        [CaseStudySchema.Statuses.Key] = new("le statut", "les statuts", Feminine: false),
    };

    /// <summary>
    /// What the search box shows while empty: on a phone its label and the help under it are hidden, so this is all that
    /// says what to type (the search page's box and the error page's). Short enough to be read whole in a 360 px wide box;
    /// examples of the syntax (« … », numéri*) cut at « mécénat de com » there, and a wide screen has them in the help.
    /// </summary>
    public const string SearchPlaceholder = "Thème, lieu, organisation…";

    /// <summary>The label of a theme page's search box, which searches that theme's cases only (« Rechercher dans « Mobilité » »).</summary>
    public static string SearchInTheme(string theme) => $"Rechercher dans {Formats.Quoted(theme)}";

    /// <summary>
    /// A theme's page shows all its cases: words, other filters or years in its URL (a search's parameters) are not applied
    /// there; the note links to that search with the theme's filter (<see cref="AskedSearchInTheme"/>).
    /// </summary>
    public const string ThemeShowsAll = "La page d'un thème montre tous ses exemples, sans les mots, filtres ou années de l'adresse :";

    /// <summary>The link to the search a theme page's URL asks, the theme's filter kept.</summary>
    public static string AskedSearchInTheme(string theme) => $"faire cette recherche dans {Formats.Quoted(theme)}";

    /// <summary>What the site is, beside its name on a wide screen; on a phone, where the header has no room for it, above the search box of the home page.</summary>
    public const string Tagline = "Exemples inspirants d'alliances entre associations, entreprises, collectivités et acteurs d'intérêt général";

    /// <summary>
    /// The order of the results as the reader sees it: without a word that weighs (<see cref="SearchResult.NothingWeighs"/>),
    /// the default order is the last update's, and the page says why rather than « par pertinence » for cases that tie. Relevance
    /// asked for there is that order too (every case scores the same, ties go to the most recent), and is said as such.
    /// </summary>
    public static string Order(SearchResult result, bool sortAsked)
    {
        var byUpdate = result.Sort == SearchSort.Recent || (result.Sort == SearchSort.Relevance && result.NothingWeighs);
        var saysWhy = byUpdate && (!sortAsked || result.Sort == SearchSort.Relevance);
        return result.Sort switch
        {
            _ when saysWhy && result.OnlyExclusions => "La recherche ne fait qu'exclure : les exemples mis à jour le plus récemment d'abord",
            _ when saysWhy && result.Query.Length == 0 => "Sans recherche, les exemples mis à jour le plus récemment d'abord",
            _ when byUpdate => "Mis à jour le plus récemment d'abord",
            SearchSort.Title => "Par titre, de A à Z",
            SearchSort.Year => "Par année de début, les plus récentes d'abord",
            _ => "Par pertinence",
        };
    }

    /// <summary>
    /// The words a search corrected, as typed and as searched: « « asociations » corrigé en « associations », « Marseile » en
    /// « Marseille » ». The heading above counts the results for the whole query as searched; this names only what changed, each
    /// word typed twice once (« sevices et sevices »).
    /// </summary>
    public static string Corrected(IReadOnlyList<Correction> corrections) =>
        string.Join(", ", corrections.Distinct().Select((c, i) => $"{Formats.Quoted(c.From)}{(i == 0 ? " corrigé" : "")} en {Formats.Quoted(c.To)}")) + ".";

    /// <summary>
    /// The words offered for words of French that no case writes (<see cref="SearchResult.Offered"/>, each typed word once),
    /// after <see cref="DidYouMean"/>: « « quantité » et « phonique » », the text of one link that searches them all.
    /// </summary>
    public static string Offered(IReadOnlyList<Correction> offered) => string.Join(" et ", offered.Select(o => Formats.Quoted(o.To)));

    /// <summary>The link that searches the words as typed, after <see cref="Corrected"/>.</summary>
    public const string SearchUncorrected = "Rechercher sans correction";

    /// <summary>The way back from a page about a search (its map, its statistics, a case opened from it) to its results.</summary>
    public const string BackToResults = "Retour aux résultats";

    /// <summary>The way back from a case opened from a theme's page to that page.</summary>
    public const string BackToTheme = "Retour au thème";

    /// <summary>The results a page speaks of, by their number: « ces 4 exemples », and « cet exemple », not « ces 1 exemple ».</summary>
    public static string These(int count) => count == 1 ? "cet exemple" : $"ces {Formats.Cases(count)}";

    /// <summary>
    /// After a widened search's count and words (« 1 125 exemples pour « … » »): how many of the cases listed hold the
    /// essential words, « , dont 15 qui en réunissent l'essentiel », in the heading and the title alike, so that the count
    /// said first is the list's (« 21–40 » under « 15 exemples » read as a contradiction) and the one the filters' counts
    /// and the export keep is named beside it. Empty when the search was not widened.
    /// </summary>
    public static string OfWhichEssential(SearchResult result) => result.Partial == 0 ? "" : result.Counted switch
    {
        1 => ", dont un qui en réunit l'essentiel",
        _ => $", dont {Formats.Number(result.Counted)} qui en réunissent l'essentiel",
    };

    /// <summary>
    /// Beside the filters' counts of a widened search: they count the cases holding the essential words, not the whole list
    /// (« Les nombres comptent les 15 exemples qui réunissent l'essentiel des mots. »). Empty when the search was not widened.
    /// </summary>
    public static string FacetCountsOfWidened(SearchResult result) => result.Partial == 0 ? ""
        : $"Les nombres comptent {TheCounted(result.Counted)}.";

    /// <summary>
    /// On the statistics and map pages of a widened search, which count only the cases holding the essential words while the
    /// results page lists them all: « Seuls sont comptés les 15 exemples qui réunissent l'essentiel des mots ; les 1 110 autres
    /// résultats n'en contiennent qu'une partie. ». Empty when the search was not widened.
    /// </summary>
    public static string OnlyTheCounted(SearchResult result) => result.Partial == 0 ? ""
        : (result.Counted == 1 ? "Seul est compté " : "Seuls sont comptés ") + TheCounted(result.Counted)
            + (result.Partial == 1 ? " ; l'autre résultat n'en contient qu'une partie." : $" ; les {Formats.Number(result.Partial)} autres résultats n'en contiennent qu'une partie.");

    /// <summary>What a widened search exports, its cases counted: « les 15 exemples qui réunissent l'essentiel des mots ».</summary>
    public static string TheCounted(int counted) => counted switch
    {
        0 => These(counted),
        1 => "l'exemple qui réunit l'essentiel des mots",
        _ => $"les {Formats.Cases(counted)} qui réunissent l'essentiel des mots",
    };

    /// <summary>
    /// The number a link to a search promises, said as what it counts: « 12 exemples », and in a widened search, where every
    /// count (a statistic's bar or cell, an area of the map) is of the cases holding the essential words while the page it
    /// opens heads with all it lists (« 44 exemples …, dont 12 qui en réunissent l'essentiel »), « 12 exemples qui réunissent
    /// l'essentiel des mots »: the one rule for every such link, so that it says which of the page's numbers it is. A place
    /// offered on the results page says it as a part of the note beside it (<see cref="OfThoseCounted"/>).
    /// </summary>
    public static string Promised(int count, bool widened) => (count, widened) switch
    {
        (_, false) => count == 0 ? "aucun exemple" : Formats.Cases(count),
        (1, true) => "1 exemple qui réunit l'essentiel des mots",
        _ => $"{Formats.Cases(count)} qui réunissent l'essentiel des mots",
    };

    /// <summary>
    /// A place offered on a widened search's page, in the notes' box after « Ces 15 exemples réunissent l'essentiel de ces
    /// mots »: its count as a part of those, « 12 de ces 15 exemples ». Said as <see cref="Promised"/> says it, the offer
    /// repeated « qui réunissent l'essentiel des mots » twice in a sentence and pushed a phone's first result off its screen.
    /// When the place holds them all, « ces 8 exemples » (« 8 de ces 8 exemples » read as a slip).
    /// </summary>
    public static string OfThoseCounted(int count, int counted) => (count, counted) switch
    {
        (_, 1) => "cet exemple",
        _ when count == counted => $"ces {Formats.Cases(counted)}",
        _ => $"{Formats.Number(count)} de ces {Formats.Cases(counted)}",
    };

    /// <summary>A result's start year, shown when the results are sorted by it: « Début : 2012 », or that it is not known.</summary>
    public static string StartYear(int? year) => year is { } known ? $"Début : {known.ToString(CultureInfo.InvariantCulture)}" : "Début : année inconnue";

    /// <summary>A number of results at the start of a sentence: « Aucun exemple », not « 0 exemple »; « 1 exemple », « 12 exemples ».</summary>
    public static string Count(int count) => count == 0 ? "Aucun exemple" : Formats.Cases(count);

    /// <summary>The statistics page's heading: « Statistiques de 12 exemples », « Statistiques d'un exemple », « Statistiques : aucun exemple ».</summary>
    public static string StatisticsOf(int count) => count switch
    {
        0 => "Statistiques : aucun exemple",
        1 => "Statistiques d'un exemple",
        _ => $"Statistiques de {Formats.Cases(count)}",
    };

    /// <summary>The link that keeps only the cases holding every term (« ne voir que ces 4 exemples »).</summary>
    public static string OnlyThoseHoldingAll(int count) => $"ne voir que {These(count)}";

    /// <summary>
    /// What the year filter's box says of the results' start years (« 3 exemples de cette recherche n'ont pas d'année de
    /// début connue. »), of one result as of one: « Cet exemple a une année de début. », not « Tous ces exemples ».
    /// </summary>
    public static string UndatedNote(int undated, int counted) => (undated, counted) switch
    {
        (0, 1) => "Cet exemple a une année de début.",
        (0, _) => "Tous ces exemples ont une année de début.",
        (1, 1) => "Cet exemple n'a pas d'année de début connue.",
        (1, _) => "1 exemple de cette recherche n'a pas d'année de début connue.",
        _ => $"{Formats.Cases(undated)} de cette recherche n'ont pas d'année de début connue.",
    };

    /// <summary>
    /// What the cases counted, none of which holds every term, lack: the terms none of them holds (« Aucun de ces exemples ne
    /// contient « covoiturage ». »), or, when each term is in one of them, that none holds them all.
    /// </summary>
    public static string NoneHoldsAll(IReadOnlyList<string> termsHeldByNone, int counted)
    {
        var terms = string.Join(" ni ", termsHeldByNone.Select(Formats.Quoted));
        return (counted, termsHeldByNone.Count) switch
        {
            (1, 0) => "Cet exemple ne contient pas tous les termes de la recherche.",
            (_, 0) => "Aucun de ces exemples ne contient tous les termes de la recherche.",
            (1, 1) => $"Cet exemple ne contient pas {terms}.",
            (1, _) => $"Cet exemple ne contient ni {terms}.",
            _ => $"Aucun de ces exemples ne contient {terms}.",
        };
    }

    /// <summary>How many cases hold every term of the query once the filters are removed (« 10 exemples contiennent tous les termes »).</summary>
    public static string HoldingAll(int count) =>
        $"{Formats.Cases(count)} {(count == 1 ? "contient" : "contiennent")} tous les termes";

    /// <summary>
    /// The facets whose values an unknown one is followed by, all of them, when no value is close to it (« Valeurs possibles :
    /// Locale, Départementale… »): few enough to read in a sentence. The others link to the list of every value (/themes).
    /// </summary>
    public const int ValuesListed = 8;

    /// <summary>Why a filter of the URL is not applied (« Régions : « bretgne » n'existe pas, ce filtre n'est pas appliqué. »).</summary>
    public static string UnknownFilter(UnknownFilter unknown) =>
        $"{unknown.FacetLabel} : {Formats.Quoted(unknown.Value)} n'existe pas, ce filtre n'est pas appliqué.";

    /// <summary>
    /// Why a parameter of the URL is not applied as given (<see cref="SearchState.Unread"/>): « Années, jusqu'à : « 1 » n'est
    /// pas une année de quatre chiffres, ce filtre n'est pas appliqué. » The value is shown as given, its start only when long.
    /// A misspelt name's line is followed by a link to the search it meant (<see cref="DidYouMean"/>, <see cref="MisspeltParameters.CorrectedUrl"/>, <see cref="MisspeltParameters.Meaning"/>).
    /// </summary>
    public static string Unread(UnreadParameter unread)
    {
        var given = Formats.Quoted(Formats.Start(unread.Value));
        return unread.Key switch
        {
            _ when unread.Meant is { } meant =>
                $"{Formats.Quoted(unread.Key)} n'est pas un paramètre de recherche, il n'est pas appliqué.",
            SearchState.QueryKey => $"Recherche : seuls ses {Formats.Number(UserQuery.MaxLength)} premiers caractères sont cherchés.",
            SearchState.YearFromKey when unread.Latest is { } latest =>
                $"Années, à partir de : {given} est une année à venir (nous sommes en {latest}), ce filtre n'est pas appliqué.",
            SearchState.YearFromKey => $"Années, à partir de : {given} n'est pas une année de quatre chiffres, ce filtre n'est pas appliqué.",
            SearchState.YearToKey => $"Années, jusqu'à : {given} n'est pas une année de quatre chiffres, ce filtre n'est pas appliqué.",
            SearchState.PageKey => $"Page : {given} n'est pas un numéro de page, voici la première.",
            SearchState.SizeKey => $"Résultats par page : {given} n'est pas un nombre de résultats, la page en montre le nombre habituel.",
            SearchState.AllKey => $"Toutes les valeurs à la fois ({Formats.Quoted(unread.Key)}) : {given} n'est pas une facette ({string.Join(", ", CaseStudySchema.FacetKeys)}), ce paramètre n'est pas appliqué.",
            SearchState.UndatedKey => $"Cas sans année ({Formats.Quoted(unread.Key)}) : {given} n'est pas une valeur possible (0 ou 1), ils sont gardés.",
            SearchState.LiteralKey => $"Sans correction ({Formats.Quoted(unread.Key)}) : {given} n'est pas une valeur possible (0 ou 1), les mots mal orthographiés sont corrigés.",
            SearchState.AllWordsKey => $"Tous les termes ({Formats.Quoted(unread.Key)}) : {given} n'est pas une valeur possible (0 ou 1), un exemple peut n'en contenir qu'une partie.",
            _ => $"Tri : {given} n'existe pas, les résultats sont dans l'ordre par défaut.",
        };
    }

    /// <summary>
    /// Why a page shows fewer results than its URL's <c>size</c> asks: a page holds at most <paramref name="most"/>; the export
    /// gives every result of a search at once.
    /// </summary>
    public static string SizeCapped(int asked, int most) =>
        $"Résultats par page : {Formats.Number(asked)} dépasse le maximum, la page en montre {Formats.Number(most)} ; l'export donne tous les résultats d'un coup :";

    /// <summary>
    /// Why a year range running backwards is not applied (<see cref="SearchState.YearsInverted"/>); the page offers the
    /// range the right way round after it (<see cref="SwappedYears"/>).
    /// </summary>
    public static string YearsInverted(int from, int to) =>
        $"Années : la période est inversée (de {from} à {to}), ce filtre n'est pas appliqué.";

    /// <summary>The text of the link to a year range the right way round, which the page offers after <see cref="DidYouMean"/>.</summary>
    public static string SwappedYears(int from, int to) => $"de {to} à {from}";

    /// <summary>What the page asks before a link to what was likely meant (a filter value, a year range, a parameter's name): « Vouliez-vous dire … ? ».</summary>
    public const string DidYouMean = "Vouliez-vous dire";

    /// <summary>What the page says of a question in English (<see cref="SearchResult.QueryInEnglish"/>), searched as typed.</summary>
    public const string WrittenInFrench = "Les exemples sont rédigés en français : les mots en anglais sont cherchés tels quels, sans correction.";

    /// <summary>
    /// A change of a case's history, in French: what the commit did to the file. Its subject is not shown: commit
    /// messages are in English by project rule, and those that added or checked cases in batches speak of other cases too.
    /// </summary>
    public static string HistoryChange(HistoryChange? change) => change switch
    {
        Core.Indexing.HistoryChange.Added => "Ajout du cas",
        Core.Indexing.HistoryChange.Renamed => "Nouveau nom de fichier",
        Core.Indexing.HistoryChange.RenamedAndModified => "Modification du cas et nouveau nom de fichier",
        Core.Indexing.HistoryChange.Deleted => "Retrait du cas",
        // Indexes built before the change was kept say only that there was one.
        _ => "Modification du cas",
    };

    /// <summary>
    /// What a count is « pour »: the text searched, and whether only the cases holding all its terms were kept
    /// (« pour « santé mentale des jeunes » (tous les termes) »); empty without text.
    /// </summary>
    public static string ForQuery(SearchState state) => state.Query.Length == 0 ? "" : $" pour {Searched(state)}";

    /// <summary>The text searched, quoted, and whether only the cases holding all its terms were kept (« « vélo » (tous les termes) »).</summary>
    public static string Searched(SearchState state) => $"{Formats.Quoted(state.Query)}{(state.AllWords ? " (tous les termes)" : "")}";

    /// <summary>What a related case shares with the case shown (« Même domaine (Mobilité) et mêmes types d'acteurs, autre région »).</summary>
    public static string RelatedReason(Affinity shared)
    {
        var parts = new List<string>();
        if (shared.Domains.Count > 0)
        {
            parts.Add(shared.Domains.Count == 1 ? $"même domaine ({shared.Domains[0]})" : $"mêmes domaines ({string.Join(", ", shared.Domains)})");
        }
        if (shared.PartnershipType is { } type)
        {
            parts.Add($"même type de partenariat ({type})");
        }
        if (shared.SameActors)
        {
            parts.Add("mêmes types d'acteurs");
        }
        var territory = shared.Regions.Count > 0 ? $"même région ({string.Join(", ", shared.Regions)})"
            : shared.RegionsDiffer ? "autre région"
            : null;
        var reason = parts.Count == 0 ? "contenu proche" : Series(parts);
        return Capitalise(territory is null ? reason : $"{reason}, {territory}");
    }

    /// <summary>Items in a sentence: « a », « a et b », « a, b et c »; or joined by « ou ».</summary>
    public static string Series(IReadOnlyList<string> items, string conjunction = "et") =>
        items.Count < 2 ? string.Concat(items) : $"{string.Join(", ", items.SkipLast(1))} {conjunction} {items[^1]}";

    /// <summary>
    /// What the themes page classes the cases by: its sections, the facets' labels in the sentence (« acteurs, domaines, …,
    /// départements et statut éditorial »), so that a section added to the page is named there too.
    /// </summary>
    public static string ThemeSections(IEnumerable<string> labels) =>
        Series([.. labels.Select(l => string.Concat(l[..1].ToLower(Formats.French), l[1..]))]);

    /// <summary>The label of a filter to remove: the facet's, or the words for the year range and for every filter.</summary>
    public static string FilterLabel(FilterRemoval removal) => removal.Label ?? removal.Key switch
    {
        FilterRemoval.Years => "Années",
        FilterRemoval.All => "tous les filtres",
        _ => removal.Key,
    };

    /// <summary>
    /// What a suggestion shows: its label, and a commune's département when another commune of its name is suggested
    /// (« Saint-Denis (La Réunion) »). Beside the detail, which does not wrap, it would not fit a phone's width.
    /// </summary>
    public static string SuggestionLabel(Suggestion suggestion) =>
        suggestion.Within is { } department ? $"{suggestion.Label} ({department})" : suggestion.Label;

    /// <summary>
    /// What a suggestion as you type is, beside it: « Régions · 12 exemples », « Organisation · 1 exemple », « Expression · 24
    /// exemples », « Exemple ». A commune counts the cases placed in it, « situés », not those its name finds: chosen, it is
    /// searched as a word, and « Marseille · 32 exemples » led to 61 results, the cases that only name the city among them.
    /// </summary>
    public static string SuggestionDetail(Suggestion suggestion) => suggestion.Kind switch
    {
        SuggestionKind.Case => "Exemple",
        SuggestionKind.Organisation => $"Organisation · {Formats.Cases(suggestion.Count)}",
        SuggestionKind.Commune => $"Commune · {Formats.Cases(suggestion.Count)} {(suggestion.Count > 1 ? "situés" : "situé")}",
        SuggestionKind.Phrase => $"Expression · {(suggestion.Estimated ? "environ " : "")}{Formats.Cases(suggestion.Count)}",
        _ => $"{suggestion.Facet} · {Formats.Cases(suggestion.Count)}",
    };

    /// <summary>
    /// « de » before a word, elided before a vowel: « de régions », « d'acteurs », « d'échelles ». A word starting
    /// with h is not elided: whether it is depends on the word (« d'habitants », « de hameaux »), and no label needs it.
    /// </summary>
    public static string Of(string word) =>
        word.Length > 0 && "aàâäeéèêëiîïoôöuùûüyÿœæ".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) ? $"d'{word}" : $"de {word}";

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
