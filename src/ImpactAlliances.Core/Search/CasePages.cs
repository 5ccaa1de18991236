using System.Globalization;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>One case as its page shows it: the stored case, its facet labels, and the cases related to it.</summary>
internal static class CasePages
{
    /// <summary>The case of this slug, or null.</summary>
    public static CasePage? Read(IndexSnapshot snapshot, Analyzer analyzer, string slug)
    {
        var top = snapshot.Searcher.Search(new TermQuery(new Term(CaseStudySchema.Slug, slug)), 1);
        if (top.TotalHits == 0)
        {
            return null;
        }
        var doc = top.ScoreDocs[0].Doc;
        var indexed = CaseStudyDocumentMapper.ToIndexedCase(snapshot.Searcher.Doc(doc));
        var taxonomy = snapshot.Taxonomy;
        var sdgs = taxonomy["sdgs"];
        var facets = FacetPresentation.Labels(taxonomy, CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.ValuesOf(indexed.Case).ToList()));
        return new CasePage(
            indexed,
            facets,
            CaseStudySchema.Facets.ToDictionary(f => f.Key, f => taxonomy[f.Key].Label),
            indexed.Case.Sdgs.Select(n => n.ToString(CultureInfo.InvariantCulture)).Select(n => new FacetLabel(n, sdgs.Find(n)?.Label ?? "")).ToList(),
            Related(snapshot, analyzer, doc, indexed.Case).Select(h => new RelatedCase(h, Affinity.Between(facets, h.Facets))).ToList());
    }

    private static List<SearchHit> Related(IndexSnapshot snapshot, Analyzer analyzer, int doc, CaseStudy c)
    {
        var query = RelatedCases.Query(snapshot.Reader, analyzer, c, snapshot.SnippetText(doc));
        return snapshot.Searcher.Search(query, RelatedCases.Count).ScoreDocs
            .Select(d => snapshot.Hit(d.Doc) with { Score = d.Score })
            .ToList();
    }
}
