using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>A snapshot's segments keep where the terms looked up by their text lie, and answer as the segments do.</summary>
public sealed class KeptTermsReaderFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Fact]
    public void A_term_looked_up_once_or_again_is_found_with_the_documents_and_positions_the_segment_gives()
    {
        using var lease = fixture.Index.Acquire();
        var reader = lease.Snapshot.Reader;
        var held = Held(reader, CaseStudySchema.Title, 5).Concat(Held(reader, CaseStudySchema.Summary, 5)).Concat(Held(reader, CaseStudySchema.Body, 5));
        var found = 0;
        foreach (var (field, text) in held.Concat([(CaseStudySchema.Title, "zzqxwv"), (CaseStudySchema.Body, "zzqxwv"), ("no-such-field", "emploi")]))
        {
            foreach (var leaf in reader.Leaves)
            {
                var own = FilterAtomicReader.Unwrap(leaf.AtomicReader);
                Assert.NotSame(own, leaf.AtomicReader);
                var expected = Read(own, field, text);
                // The first look-up walks the dictionary and keeps the state; the next two start from it.
                for (var time = 0; time < 3; time++)
                {
                    Assert.Equal(expected, Read(leaf.AtomicReader, field, text));
                }
                found += expected is null ? 0 : 1;
            }
        }
        Assert.True(found >= 15, "the fixture holds the words looked up");
    }

    /// <summary>
    /// Lucene's contract: after a term is found by its text, the next term is the one after it. Positioned from a kept state,
    /// the segment's enum stepped to the dictionary's first block instead (« intergenerationnel » then « invendu » the first
    /// time, « accompagnent » from the kept state).
    /// </summary>
    [Fact]
    public void The_term_after_one_found_again_is_the_segment_s_next_term()
    {
        using var lease = fixture.Index.Acquire();
        var reader = lease.Snapshot.Reader;
        foreach (var (field, text) in Held(reader, CaseStudySchema.Body, 3, offset: 7))
        {
            var leaf = reader.Leaves[0].AtomicReader;
            var expected = After(FilterAtomicReader.Unwrap(leaf), field, text);
            Assert.NotNull(expected);
            Assert.Equal(expected, After(leaf, field, text));
            Assert.Equal(expected, After(leaf, field, text));
        }
    }

    /// <summary>Made-up words, however many, take no place: a real word looked up after them is still kept.</summary>
    [Fact]
    public void A_word_the_index_holds_is_kept_after_more_absent_words_than_the_cache_holds()
    {
        using var lease = fixture.Index.Acquire();
        var leaf = lease.Snapshot.Reader.Leaves[0].AtomicReader;
        var (field, text) = Held(lease.Snapshot.Reader, CaseStudySchema.Organisations, 1)[0];
        var terms = leaf.GetTerms(field).GetEnumerator();
        for (var i = 0; i <= KeptTermsReader.CapacityPerField; i++)
        {
            Assert.False(terms.SeekExact(new BytesRef($"zzqx{i}")));
        }
        SeekAllocates(leaf, field, text);
        var kept = SeekAllocates(leaf, field, text);
        var walked = SeekAllocates(FilterAtomicReader.Unwrap(leaf), field, text);

        Assert.True(kept * 2 < walked, $"a word found again allocates {kept} bytes, {walked} when it walks the terms dictionary");
    }

    /// <summary>A caller may look a term up through a buffer it writes again: the kept term keeps its own bytes.</summary>
    [Fact]
    public void A_term_looked_up_through_a_buffer_written_again_is_still_kept()
    {
        using var lease = fixture.Index.Acquire();
        var leaf = lease.Snapshot.Reader.Leaves[0].AtomicReader;
        var (field, text) = Held(lease.Snapshot.Reader, CaseStudySchema.Title, 1, offset: 5)[0];
        var buffer = new BytesRef(text);
        Assert.True(leaf.GetTerms(field).GetEnumerator().SeekExact(buffer));
        buffer.Bytes.AsSpan(buffer.Offset, buffer.Length).Fill((byte)'z');
        var kept = SeekAllocates(leaf, field, text);
        var walked = SeekAllocates(FilterAtomicReader.Unwrap(leaf), field, text);

        Assert.True(kept * 2 < walked, $"a word found again allocates {kept} bytes, {walked} when it walks the terms dictionary");
    }

    [Fact]
    public void A_phrase_weighed_again_looks_its_terms_up_from_their_kept_states()
    {
        using var lease = fixture.Index.Acquire();
        var searcher = lease.Snapshot.Searcher;
        var own = new IndexSearcher(FilterAtomicReader.Unwrap(lease.Snapshot.Reader.Leaves[0].AtomicReader)) { Similarity = searcher.Similarity };
        // Two words of the cases' texts within two positions of each other, found through the segment's own reader: the kept
        // reader has not looked them up, so its first weighing walks the dictionary and keeps their states.
        var words = Held(lease.Snapshot.Reader, CaseStudySchema.Body, 60, offset: 3);
        var phrase = words.SelectMany(a => words.Select(b => Phrase(a, b))).First(p => own.Search(p, 1).TotalHits > 0);
        searcher.CreateNormalizedWeight(phrase);
        var again = Allocation.Of(() => searcher.CreateNormalizedWeight(phrase));
        Allocation.Of(() => own.CreateNormalizedWeight(phrase));
        var walked = Allocation.Of(() => own.CreateNormalizedWeight(phrase));

        // Measured: 3,336 bytes again, 12,152 walking (the fixture, one segment).
        Assert.True(again * 2 < walked, $"a phrase weighed again allocates {again} bytes, {walked} when it walks the terms dictionary");
        // The kept states give the same statistics, so the same documents with the same scores.
        Assert.Equal(Scored(own, phrase), Scored(searcher, phrase));
    }

    private static PhraseQuery Phrase((string Field, string Text) first, (string Field, string Text) second)
    {
        var phrase = new PhraseQuery { Slop = 2 };
        phrase.Add(new Term(first.Field, first.Text));
        phrase.Add(new Term(second.Field, second.Text));
        return phrase;
    }

    private static List<(int Doc, float Score)> Scored(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, 50).ScoreDocs.Select(d => (d.Doc, d.Score))];

    /// <summary>Some terms of a field that the index holds, from the first segment's own dictionary: one in every eleven, from <paramref name="offset"/>.</summary>
    private static List<(string Field, string Text)> Held(IndexReader reader, string field, int count, int offset = 0)
    {
        var terms = FilterAtomicReader.Unwrap(reader.Leaves[0].AtomicReader).GetTerms(field).GetEnumerator();
        var held = new List<(string, string)>();
        for (var i = 0; held.Count < count && terms.MoveNext(); i++)
        {
            if (i % 11 == offset)
            {
                held.Add((field, terms.Term.Utf8ToString()));
            }
        }
        return held;
    }

    /// <summary>The term after <paramref name="text"/> in a segment's dictionary, from a fresh enum that found it.</summary>
    private static string? After(AtomicReader reader, string field, string text)
    {
        var terms = reader.GetTerms(field)!.GetEnumerator();
        return terms.SeekExact(new BytesRef(text)) && terms.MoveNext() ? terms.Term.Utf8ToString() : null;
    }

    /// <summary>Whether a segment holds a term, its counts, and each of its documents with its positions.</summary>
    private static string? Read(AtomicReader reader, string field, string text)
    {
        var terms = reader.GetTerms(field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(new BytesRef(text)))
        {
            return null;
        }
        var state = terms.GetTermState();
        var read = $"{terms.Term.Utf8ToString()} {terms.DocFreq} {terms.TotalTermFreq}:";
        var again = reader.GetTerms(field)!.GetEnumerator();
        again.SeekExact(new BytesRef(text), state);
        var postings = again.DocsAndPositions(null, null)!;
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            read += $" {postings.DocID}";
            for (var i = 0; i < postings.Freq; i++)
            {
                read += $"@{postings.NextPosition()}";
            }
        }
        return read;
    }

    /// <summary>What finding a term allocates, on a fresh enum of a segment's field.</summary>
    private static long SeekAllocates(AtomicReader reader, string field, string text)
    {
        var terms = reader.GetTerms(field).GetEnumerator();
        var bytes = new BytesRef(text);
        return Allocation.Of(() => Assert.True(terms.SeekExact(bytes)));
    }
}
