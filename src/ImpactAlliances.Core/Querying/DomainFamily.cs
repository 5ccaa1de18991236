using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// The family a domain is named like (<see cref="QueryVocabulary.FamilyNamedBy"/>): the family's other domains, the domains
/// outside it, and the cases tagged with none of those outside.
/// </summary>
/// <param name="Family">The family's domains but the one named.</param>
/// <param name="Outside">The domains of the other families, and those of none.</param>
internal sealed record DomainFamily(string[] Family, string[] Outside)
{
    /// <summary>
    /// The cases tagged with no domain outside the family, read once per segment and kept: as a clause excluding each
    /// outside domain beside each of the family's, they were three times fifteen term scorers per query naming the family,
    /// which doubled the time and memory of « protection de l'environnement » (BENCHMARKS.md, session 43).
    /// </summary>
    public Filter WithoutOutside { get; } = new CachingWrapperFilter(new QueryWrapperFilter(NoneOf(Outside)));

    private static BooleanQuery NoneOf(string[] domains)
    {
        var none = new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var domain in domains)
        {
            none.Add(new TermQuery(new Term(CaseStudySchema.Domains.Key, domain)), Occur.MUST_NOT);
        }
        return none;
    }
}
