using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The list of results (<c>&lt;ol class="hits"&gt;</c>) of the search and theme pages, written straight into the response
/// when the page is, as one piece of the view's buffer: written by Razor, each result was some sixty pieces, and each of
/// its chips' links a piece after which the view flushed its writer (a page shows twenty results and about 150 chips).
/// </summary>
/// <param name="hits">The results of the page.</param>
/// <param name="links">
/// The links of the search the results belong to (<see cref="SearchState.Links"/>): a chip adds its value to it. A page makes
/// one writer for its facets and its results.
/// </param>
/// <param name="start">The rank of the first result.</param>
/// <param name="counted">
/// How many results of a widened search hold enough of the words and are counted (they come first): the list breaks
/// after them and says that those below hold only some of the words. Zero when every result is counted.
/// </param>
/// <param name="partial">How many results hold only some of the words, in all pages: the note says one or several.</param>
/// <param name="years">
/// Whether each result says its start year, before its organisations (<see cref="Wording.StartYear"/>): the results sorted by
/// that year showed none of them, so the order could not be read.
/// </param>
internal sealed class HitList(IReadOnlyList<SearchHit> hits, SearchState.LinkWriter links, int start, int counted = 0, int partial = 0, bool years = false) : IHtmlContent
{
    /// <summary>Said between the results counted and those that hold only some of the words, several or one.</summary>
    public static string PartialNote(int partial) => partial == 1
        ? "L'exemple suivant ne contient qu'une partie de ces mots :"
        : "Les exemples suivants ne contiennent qu'une partie de ces mots :";

    /// <summary>A list of the results of a search that writes its own links (a theme's page).</summary>
    public HitList(IReadOnlyList<SearchHit> hits, SearchState state, int start, int counted = 0, int partial = 0)
        : this(hits, state.Links(), start, counted, partial)
    {
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        // Where on this page the first result holding only some of the words stands, if it does.
        var partialAt = counted > 0 ? counted + 1 - start : -1;
        if (partialAt != 0 || hits.Count == 0)
        {
            WriteStart(writer, start, labelled: false);
        }
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            if (h == partialAt)
            {
                if (h > 0)
                {
                    writer.Write("</ol>\n");
                }
                // The note names the list that follows, for a screen reader going from list to list.
                writer.Write("<p class=\"hits-partial\" id=\"hits-partial\">");
                encoder.Encode(writer, PartialNote(partial));
                writer.Write("</p>\n");
                WriteStart(writer, start + h, labelled: true);
            }
            // What the result shows of its case, encoded once per case: only the snippet and the chips' links are this search's.
            var kept = Kept.Of(hit, encoder);
            writer.Write(kept.Head);
            if (years)
            {
                writer.Write("<span class=\"hit-year\">");
                encoder.Encode(writer, Wording.StartYear(hit.Year));
                writer.Write(hit.Organisations.Count > 0 ? "</span> · " : "</span>");
            }
            writer.Write(kept.Organisations);
            // The snippet is built from HTML-encoded text with only <mark> added (SnippetBuilder).
            writer.Write(hit.Snippet ?? kept.Summary);
            // A chip adds its value to the search the result belongs to.
            writer.Write("</p>\n    <ul class=\"badges\" aria-label=\"Ajouter un filtre\">\n");
            for (var c = 0; c < kept.Chips.Length; c++)
            {
                var chip = kept.Chips[c];
                var selected = links.State.IsSelected(chip.Added.Facet, chip.Added.Value);
                writer.Write(chip.Start);
                writer.Write(selected ? " is-selected\" href=\"" : "\" href=\"");
                links.WriteWithHref(writer, chip.Added);
                writer.Write(selected ? "\" aria-current=\"true\">" : "\">");
                writer.Write(chip.End);
            }
            writer.Write("    </ul>\n</article></li>\n");
        }
        writer.Write("</ol>\n");
    }

    /// <summary>
    /// A result's markup that is its case's own, HTML-encoded once per case: the title and its link, the organisations, the
    /// summary, each chip's class and label. A page writes twenty results and about 150 chips, and encoding them again for
    /// each page was about a third of the list's own cost. Kept by the hit's facet labels, which the snapshot keeps once per
    /// case (as the API's <c>KeptHitsConverter</c> does), so that it lives as long as the snapshot; used only for the same
    /// case and encoder.
    /// </summary>
    private sealed class Kept
    {
        private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>>, Kept> ByCase = new();

        // What the markup was made from, and is compared with the next hit of its case (Shows).
        private readonly string _slug, _title, _summary;
        private readonly IReadOnlyList<string> _organisations;
        private readonly HtmlEncoder _encoder;

        /// <summary>From the list item's start to the organisations' paragraph, opened.</summary>
        public string Head { get; }

        /// <summary>The organisations, to the snippet's paragraph, opened.</summary>
        public string Organisations { get; }

        /// <summary>The summary, shown when the search made no snippet.</summary>
        public string Summary { get; }

        /// <summary>The chips, in <see cref="Badges.Order"/>.</summary>
        public Chip[] Chips { get; }

        private Kept(SearchHit hit, HtmlEncoder encoder)
        {
            // Not the hit itself: its snippet and score are this search's, which a case's kept markup must not hold for the snapshot's life.
            (_slug, _title, _summary, _organisations, _encoder) = (hit.Slug, hit.Title, hit.Summary, hit.Organisations, encoder);
            var head = new StringWriter(CultureInfo.InvariantCulture);
            // The anchor the case page's way back to this list lands on (js/back.js), rather than the top of the list.
            head.Write("<li><article class=\"hit\" id=\"cas-");
            encoder.Encode(head, hit.Slug);
            head.Write("\">\n    <h2 class=\"hit-title\"><a href=\"/exemples/");
            encoder.Encode(head, hit.Slug);
            head.Write("\">");
            encoder.Encode(head, hit.Title);
            head.Write("</a></h2>\n    <p class=\"hit-orgs\">");
            Head = head.ToString();
            head.GetStringBuilder().Clear();
            for (var i = 0; i < hit.Organisations.Count; i++)
            {
                if (i > 0)
                {
                    head.Write(" · ");
                }
                encoder.Encode(head, hit.Organisations[i]);
            }
            head.Write("</p>\n        <p class=\"hit-snippet\">");
            Organisations = head.ToString();
            Summary = encoder.Encode(hit.Summary);
            var chips = new List<Chip>();
            foreach (var key in Badges.Order)
            {
                foreach (var value in hit.Facets.GetValueOrDefault(key) ?? [])
                {
                    chips.Add(new(new(key, value.Value),
                        "                <li><a class=\"badge badge-" + encoder.Encode(key), encoder.Encode(value.Label) + "</a></li>\n"));
                }
            }
            Chips = [.. chips];
        }

        public static Kept Of(SearchHit hit, HtmlEncoder encoder)
        {
            if (ByCase.TryGetValue(hit.Facets, out var kept) && kept.Shows(hit, encoder))
            {
                return kept;
            }
            kept = new Kept(hit, encoder);
            ByCase.AddOrUpdate(hit.Facets, kept);
            return kept;
        }

        // The snapshot keeps one hit per case, whose lists a page's hits share: the strings are compared only when they differ.
        private bool Shows(SearchHit hit, HtmlEncoder encoder) => ReferenceEquals(_encoder, encoder)
            && _slug == hit.Slug && _title == hit.Title && _summary == hit.Summary
            && ReferenceEquals(_organisations, hit.Organisations);
    }

    /// <summary>
    /// A chip: its facet and value with the pair its link adds (percent-encoded once per case, not per link), its markup up to
    /// its class's end, and from its label on.
    /// </summary>
    private sealed record Chip(SearchState.LinkWriter.EncodedValue Added, string Start, string End);

    private static void WriteStart(TextWriter writer, int rank, bool labelled)
    {
        writer.Write("<ol class=\"hits\" start=\"");
        writer.Write(rank.ToString(CultureInfo.InvariantCulture));
        writer.Write(labelled ? "\" aria-labelledby=\"hits-partial\">\n" : "\">\n");
    }
}
