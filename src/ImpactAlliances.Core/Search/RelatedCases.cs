using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>Cases close to a given one: similar text (MoreLikeThis) and shared facet values.</summary>
internal static class RelatedCases
{
    /// <summary>How many related cases a page shows.</summary>
    public const int Count = 4;

    public static Query Query(IndexReader reader, Analyzer analyzer, CaseStudy c, string text)
    {
        var similar = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            FieldNames = [CaseStudySchema.Title, CaseStudySchema.Summary, CaseStudySchema.Keywords, CaseStudySchema.Body],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
        };
        var query = new BooleanQuery
        {
            { similar.Like(new StringReader($"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Keywords)}\n{text}"), CaseStudySchema.Body), Occur.SHOULD },
            { new TermQuery(new Term(CaseStudySchema.Slug, c.Slug)), Occur.MUST_NOT },
        };
        AddFacet(query, CaseStudySchema.Domains.Key, c.Domains, 2f);
        AddFacet(query, CaseStudySchema.PartnershipTypes.Key, [c.PartnershipType], 1f);
        AddFacet(query, CaseStudySchema.Actors.Key, c.Actors, 0.5f);
        return query;
    }

    private static void AddFacet(BooleanQuery query, string key, IEnumerable<string> values, float boost)
    {
        foreach (var value in values)
        {
            query.Add(new TermQuery(new Term(key, value)) { Boost = boost }, Occur.SHOULD);
        }
    }
}
