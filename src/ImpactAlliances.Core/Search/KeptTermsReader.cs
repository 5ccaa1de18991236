using ImpactAlliances.Core.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// A snapshot's reader whose segments keep, per field, where each term found by its text lies: a term looked up again is
/// positioned from its kept state without walking the terms dictionary.
/// </summary>
/// <remarks>
/// Lucene's phrase weights look their terms up themselves (<c>TermContext.Build</c>), however often the same words are
/// searched: each pair of neighbouring query words makes two proximity phrases, and a quoted phrase four, in every run of a
/// request (the strict one, the widened one). Those look-ups were 3.4 % of an uncached API request's CPU (BENCHMARKS.md,
/// thirty-sixth session), and no query of ours can hand them the look-ups <see cref="Querying.TermContexts"/> keeps.
/// That cache stays beside this one: it keeps a whole snapshot's look-up, built once, for the queries we make ourselves.
/// Everything else reads through to the segment: postings, doc values and stored fields are the segment's own, and so is
/// term iteration, except that a term positioned from its kept state is sought again by its text before stepping past it.
/// </remarks>
internal sealed class KeptTermsReader(DirectoryReader reader) : FilterDirectoryReader(reader, new Segments())
{
    /// <summary>
    /// Beyond this many terms of one field in one segment (about 290 bytes each: the key's copy, the state's clone, the
    /// dictionary's entry), look-ups are not kept. Only terms the segment holds are kept, so made-up words cannot fill the
    /// place of real ones, and a field keeps at most its dictionary's terms.
    /// </summary>
    internal const int CapacityPerField = 50_000;

    protected override DirectoryReader DoWrapDirectoryReader(DirectoryReader input) => new KeptTermsReader(input);

    private sealed class Segments : SubReaderWrapper
    {
        public override AtomicReader Wrap(AtomicReader reader) => new Segment(reader);
    }

    private sealed class Segment(AtomicReader input) : FilterAtomicReader(input)
    {
        private readonly KeptFields? _fields = input.Fields is { } fields ? new KeptFields(fields) : null;

        public override Fields? Fields
        {
            get
            {
                EnsureOpen();
                return _fields;
            }
        }
    }

    private sealed class KeptFields(Fields input) : FilterAtomicReader.FilterFields(input)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Terms?> _terms = new(StringComparer.Ordinal);

        public override Terms? GetTerms(string field) =>
            _terms.GetOrAdd(field, static (f, fields) => fields.GetTerms(f) is { } terms ? new KeptTerms(terms) : null, m_input);
    }

    private sealed class KeptTerms(Terms input) : FilterAtomicReader.FilterTerms(input)
    {
        /// <summary>Per term's bytes, its state in the segment.</summary>
        private readonly BoundedCache<BytesRef, TermState> _states = new(CapacityPerField);

        public override TermsEnum GetEnumerator() => new KeptTermsEnum(m_input.GetEnumerator(), _states);

        public override TermsEnum GetEnumerator(TermsEnum? reuse) =>
            new KeptTermsEnum(m_input.GetEnumerator(reuse is KeptTermsEnum kept ? kept.Input : null), _states);

        public override TermsEnum Intersect(CompiledAutomaton compiled, BytesRef startTerm) => m_input.Intersect(compiled, startTerm);
    }

    private sealed class KeptTermsEnum(TermsEnum input, BoundedCache<BytesRef, TermState> states) : FilterAtomicReader.FilterTermsEnum(input)
    {
        /// <summary>
        /// Whether the segment's enum was positioned from a kept state: its next term would then be read from the dictionary's
        /// first block (Lucene's <c>Next()</c> ignores such a position), whereas after a seek by text it must be the term after.
        /// </summary>
        private bool _positionedFromState;

        public TermsEnum Input => m_input;

        public override bool SeekExact(BytesRef text)
        {
            if (states.TryGetValue(text, out var state))
            {
                m_input.SeekExact(text, state);
                _positionedFromState = true;
                return true;
            }
            _positionedFromState = false;
            if (!m_input.SeekExact(text))
            {
                return false;
            }
            if (states.HasRoom)
            {
                // The kept key owns its bytes: the caller's may be a buffer it writes again.
                states.Keep(BytesRef.DeepCopyOf(text), m_input.GetTermState());
            }
            return true;
        }

        public override void SeekExact(BytesRef term, TermState state)
        {
            _positionedFromState = false;
            m_input.SeekExact(term, state);
        }

        public override SeekStatus SeekCeil(BytesRef text)
        {
            _positionedFromState = false;
            return m_input.SeekCeil(text);
        }

        public override void SeekExact(long ord)
        {
            _positionedFromState = false;
            m_input.SeekExact(ord);
        }

        public override bool MoveNext()
        {
            if (_positionedFromState)
            {
                _positionedFromState = false;
                m_input.SeekExact(BytesRef.DeepCopyOf(m_input.Term));
            }
            return m_input.MoveNext();
        }

        public override TermState GetTermState() => m_input.GetTermState();
    }
}
