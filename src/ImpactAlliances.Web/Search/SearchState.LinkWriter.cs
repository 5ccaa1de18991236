using System.Text.Encodings.Web;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Search;

public sealed partial record SearchState
{
    /// <summary>
    /// Writes the <c>href</c>s of <see cref="WriteToggleHref"/> and <see cref="WriteWithHref"/> for many values of one
    /// state, the same bytes: the pairs that do not depend on the value toggled are encoded when the list starts,
    /// then copied into each link. A list of links writes about ninety (the facets) or a hundred and fifty (the chips),
    /// and encoding the text again for each was most of their cost. A state whose facets require all their values
    /// (<c>all=</c>, whose pairs depend on the value toggled) writes each link as <see cref="Url"/> does.
    /// </summary>
    internal sealed class LinkWriter
    {
        private readonly SearchState _state;
        private readonly bool _writesEachUrl;
        // The path and the text's pair: what every link starts with.
        private readonly string _head = "";
        private readonly bool _headHasPair;
        // By facet of CaseStudySchema.Facets: the selected values' pairs (null for an empty value), or null when none.
        private readonly Pair?[]?[] _selected = [];
        // By facet: the start of a pair of the facet, its value to be encoded after it.
        private readonly Pair[] _toggled = [];
        // The pairs after the facets' on a first page: years, options, order, size, the path's own pairs.
        private readonly Pair[] _options = [];

        /// <summary>A pair as it is written first (after <c>?</c>) or after another (after <c>&amp;amp;</c>): one piece each.</summary>
        internal sealed record Pair(string First, string Next)
        {
            public static Pair Of(string text) => new("?" + text, "&amp;" + text);
        }

        /// <summary>
        /// A facet's value and its pair as a link adds it, percent-encoded once (null for an empty value, which a link leaves
        /// out): a result's chip, kept with its case's markup (<see cref="HitList"/>). Made only from the value, so the pair
        /// a link writes is always the value's.
        /// </summary>
        internal sealed class EncodedValue(string facet, string value)
        {
            public string Facet { get; } = facet;

            public string Value { get; } = value;

            public Pair? Pair { get; } = Encoded(facet, value) is { } pair ? Pair.Of(pair) : null;
        }

        /// <summary>The state whose links this writes.</summary>
        public SearchState State => _state;

        public LinkWriter(SearchState state)
        {
            _state = state;
            _writesEachUrl = state.AllOf.Count > 0;
            if (_writesEachUrl)
            {
                return;
            }
            var own = state.Path.IndexOf('?', StringComparison.Ordinal);
            var path = own < 0 ? state.Path : state.Path[..own];
            var query = Encoded(QueryKey, state.Query);
            (_head, _headHasPair) = query is null ? (path, false) : (path + "?" + query, true);
            var facets = CaseStudySchema.Facets;
            _selected = new Pair?[]?[facets.Count];
            _toggled = new Pair[facets.Count];
            for (var d = 0; d < facets.Count; d++)
            {
                var key = facets[d].Key;
                _toggled[d] = Pair.Of(key + "=");
                if (state.Filters.Count > 0 && state.Filters.TryGetValue(key, out var values))
                {
                    _selected[d] = [.. values.Select(v => Encoded(key, v) is { } pair ? Pair.Of(pair) : null)];
                }
            }
            // As Url writes them, in its order: the options, then the path's own pairs.
            _options = [.. Options.Select(o => Encoded(o.Key, o.Value(state)))
                .Append(own >= 0 ? state.Path[(own + 1)..] : null).OfType<string>().Select(Pair.Of)];
        }

        /// <summary>As <see cref="WriteToggleHref"/>.</summary>
        public void WriteToggleHref(TextWriter writer, string facet, string value)
        {
            if (_writesEachUrl)
            {
                _state.WriteToggleHref(writer, facet, value);
                return;
            }
            Write(writer, facet, value, _state.IsSelected(facet, value));
        }

        /// <summary>
        /// As <see cref="SearchState.WriteWithHref"/>, the value's pair encoded already: a result's chips, whose values are
        /// encoded once per case (<see cref="HitList"/>). Whether the state selects the value, the writer asks its state.
        /// </summary>
        public void WriteWithHref(TextWriter writer, EncodedValue value)
        {
            if (_writesEachUrl)
            {
                _state.WriteWithHref(writer, value.Facet, value.Value);
            }
            else if (!_state.IsSelected(value.Facet, value.Value))
            {
                Write(writer, value.Facet, value.Value, removes: false, value.Pair);
            }
            else
            {
                Write(writer, value.Facet, toggled: null, removes: false);
            }
        }

        // The link with toggled added to the facet, or removed from it when it is selected (removes); no value changed when null.
        private void Write(TextWriter writer, string facet, string? toggled, bool removes, Pair? toggledPair = null)
        {
            var written = _headHasPair;
            writer.Write(_head);
            var facets = CaseStudySchema.Facets;
            for (var d = 0; d < facets.Count; d++)
            {
                var key = facets[d].Key;
                var isToggled = toggled is not null && key == facet;
                if (_selected[d] is { } pairs)
                {
                    var values = _state.Filters[key];
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        if (!(isToggled && removes && values[i] == toggled))
                        {
                            Write(writer, pairs[i], ref written);
                        }
                    }
                }
                if (isToggled && !removes && toggled!.Length > 0)
                {
                    if (toggledPair is not null)
                    {
                        Write(writer, toggledPair, ref written);
                    }
                    else
                    {
                        Write(writer, _toggled[d], ref written);
                        UrlEncoder.Default.Encode(writer, toggled);
                    }
                }
            }
            for (var i = 0; i < _options.Length; i++)
            {
                Write(writer, _options[i], ref written);
            }
        }

        private static void Write(TextWriter writer, Pair? pair, ref bool written)
        {
            if (pair is not null)
            {
                writer.Write(written ? pair.Next : pair.First);
                written = true;
            }
        }

        private static string? Encoded(string key, string value) => value.Length > 0 ? key + "=" + UrlEncoder.Default.Encode(value) : null;
    }
}
