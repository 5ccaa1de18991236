using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Schema;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;

namespace ImpactAlliances.Web.Search;

// The state written as a URL: its own, and each link's that changes it by one value.
public sealed partial record SearchState
{
    /// <summary>The URL of the search page in this state; defaults are left out to keep links short.</summary>
    public string ToUrl() => Url(html: false).ToString();

    /// <summary>
    /// Writes <see cref="ToUrl"/> into <paramref name="writer"/> already encoded for an HTML attribute, as <see cref="ToggleHref"/>
    /// is: the pager's links (<see cref="ResultPager"/>).
    /// </summary>
    internal void WriteHref(TextWriter writer) => Url(html: true).WriteTo(writer);

    /// <summary>
    /// The <c>href</c> of <see cref="Toggle"/>: the URL of that state, written without making it, already encoded for
    /// an HTML attribute (the one character to encode is the pairs' <c>&amp;</c>: values are percent-encoded).
    /// </summary>
    public IHtmlContent ToggleHref(string facet, string value) => new Href(this, facet, value);

    /// <summary>Writes the <c>href</c> of <see cref="ToggleHref"/> into <paramref name="writer"/>: a facet value's link (<see cref="FacetValueList"/>).</summary>
    internal void WriteToggleHref(TextWriter writer, string facet, string value) => Url(html: true, firstPage: true, facet, value).WriteTo(writer);

    /// <summary>
    /// Writes the <c>href</c> of <see cref="With"/>, as <see cref="ToggleHref"/> does: a result's chip when the link writer
    /// cannot write it from its kept pair (<see cref="LinkWriter"/>).
    /// </summary>
    internal void WriteWithHref(TextWriter writer, string facet, string value) =>
        Url(html: true, firstPage: true, facet, IsSelected(facet, value) ? null : value).WriteTo(writer);

    /// <summary>
    /// The links of a page's lists (a result list's chips, the facets' values), each this state with one value toggled: the
    /// text, the filters and the options are percent-encoded once, not again for each link.
    /// </summary>
    internal LinkWriter Links() => new(this);

    /// <summary>
    /// A link of <see cref="ToggleHref"/>, written only when the page is: into the response's writer, with no string of
    /// its own. The facet values' and the chips' links, about 250 a page, are written by the code that writes their
    /// lists (<see cref="FacetValueList"/>, <see cref="HitList"/>): the view flushes its writer after each such piece.
    /// </summary>
    private sealed class Href(SearchState state, string facet, string value) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => state.WriteToggleHref(writer, facet, value);

        public override string ToString() => state.Url(html: true, firstPage: true, facet, value).ToString();
    }

    /// <summary>
    /// The options a URL writes after the filters and before the page, in their order (an empty value is left out): the one
    /// list <see cref="Url"/> and <see cref="LinkWriter"/> read, so that an option added here is in every link.
    /// </summary>
    private static readonly (string Key, Func<SearchState, string> Value)[] Options =
    [
        (YearFromKey, s => Number(s.YearFrom)), (YearToKey, s => Number(s.YearTo)), (UndatedKey, s => s.IncludeUndated ? "" : "0"),
        (LiteralKey, s => s.Literal ? "1" : ""), (AllWordsKey, s => s.AllWords ? "1" : ""),
        (SortKey, s => s.Sort?.ToString().ToLowerInvariant() ?? ""), (SizeKey, s => Number(s.Size)),
    ];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <remarks>
    /// A result page writes a link for every facet value and every chip, about 250 of them: each is written straight
    /// into one builder kept per thread, values encoded as <see cref="QueryHelpers.AddQueryString(string, string, string)"/>
    /// does, with <paramref name="toggled"/> selected or deselected in <paramref name="facet"/> instead of a copy of the
    /// state with its filters.
    /// </remarks>
    private UrlBuilder Url(bool html, bool firstPage = false, string? facet = null, string? toggled = null)
    {
        var own = Path.IndexOf('?', StringComparison.Ordinal);
        var url = UrlBuilder.Start(own < 0 ? Path : Path[..own], html);
        url.Add(QueryKey, Query);
        var removes = toggled is not null && IsSelected(facet!, toggled);
        // Indexed loops: a foreach over these read-only lists would allocate an enumerator each, twice per link. A search
        // with no filter, or none requiring all its values (all of the mix), looks no facet up: a page writes 250 links.
        var facets = CaseStudySchema.Facets;
        var anyFilter = Filters.Count > 0;
        for (var d = 0; d < facets.Count; d++)
        {
            var key = facets[d].Key;
            var isToggled = toggled is not null && key == facet;
            if (anyFilter && Filters.TryGetValue(key, out var values))
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (!(isToggled && removes && values[i] == toggled))
                    {
                        url.Add(key, values[i]);
                    }
                }
            }
            if (isToggled && !removes)
            {
                url.Add(key, toggled!);
            }
        }
        for (var d = 0; d < facets.Count && AllOf.Count > 0; d++)
        {
            var key = facets[d].Key;
            var selected = (Filters.GetValueOrDefault(key)?.Count ?? 0) + (toggled is not null && key == facet ? (removes ? -1 : 1) : 0);
            if (AllOf.Contains(key) && selected > 0)
            {
                url.Add(AllKey, key);
            }
        }
        for (var o = 0; o < Options.Length; o++)
        {
            url.Add(Options[o].Key, Options[o].Value(this));
        }
        url.Add(PageKey, Page > 1 && !firstPage ? Page : null);
        if (own >= 0)
        {
            url.AddEncoded(Path.AsSpan(own + 1));
        }
        return url;
    }

    /// <summary>
    /// A query string written pair by pair into a builder kept per thread, values percent-encoded into it without
    /// a string of their own; empty values are left out.
    /// </summary>
    private readonly struct UrlBuilder
    {
        [ThreadStatic]
        private static StringWriter? t_cached;

        private readonly StringWriter _writer;
        private readonly int _pathLength;
        private readonly string _separator;

        private UrlBuilder(StringWriter writer, int pathLength, string separator) => (_writer, _pathLength, _separator) = (writer, pathLength, separator);

        private StringBuilder Text => _writer.GetStringBuilder();

        public static UrlBuilder Start(string path, bool html)
        {
            var writer = t_cached ?? new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
            t_cached = null;
            writer.GetStringBuilder().Clear().Append(path);
            return new UrlBuilder(writer, path.Length, html ? "&amp;" : "&");
        }

        public void Add(string key, string value)
        {
            if (value.Length > 0)
            {
                Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(key).Append('=');
                UrlEncoder.Default.Encode(_writer, value);
            }
        }

        /// <summary>A pair already encoded (<c>niveau=departements</c>), as it is.</summary>
        public void AddEncoded(ReadOnlySpan<char> pair) => Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(pair);

        public void Add(string key, int? value)
        {
            if (value is { } number)
            {
                Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(key).Append('=').Append(CultureInfo.InvariantCulture, $"{number}");
            }
        }

        public override string ToString()
        {
            var url = Text.ToString();
            Release();
            return url;
        }

        /// <summary>Writes the URL without making a string of it.</summary>
        public void WriteTo(TextWriter writer)
        {
            foreach (var chunk in Text.GetChunks())
            {
                writer.Write(chunk.Span);
            }
            Release();
        }

        private void Release()
        {
            if (Text.Capacity <= 1024)
            {
                t_cached = _writer;
            }
        }
    }
}
