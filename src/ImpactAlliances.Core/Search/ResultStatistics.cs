using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Counts over the cases a search finds (every filter applied): by facet value, by start year, and two
/// cross tables, actor profile × domain and actor pair × partnership type.
/// </summary>
/// <param name="Info">What produced the result set and where it comes from, as an export records it.</param>
/// <param name="Search">
/// The search counted, from the same pass, without its hits: its selected filters, unknown values and years, and how many
/// of its cases hold every term, for the page that shows the statistics to say what it counts as the results page does;
/// null when not asked for (<see cref="ICaseStudySearch.Statistics"/>).
/// </param>
/// <param name="Facets">Per facet, in schema order, every taxonomy value (in taxonomy order) with its number of cases among the results; <see cref="FacetCount.Selected"/> as in the request.</param>
/// <param name="Years">Start years with at least one case, in ascending order.</param>
/// <param name="WithoutYear">Cases whose start year is unknown.</param>
/// <param name="ActorsByDomain">Rows: domains; columns: actor profiles; a cell counts the cases with both.</param>
/// <param name="PairsByType">Rows: actor pairs (see <see cref="CrossRowKind"/>); columns: partnership types.</param>
public sealed record ResultStatistics(
    ExportInfo Info,
    SearchResult? Search,
    IReadOnlyList<FacetResult> Facets,
    IReadOnlyList<YearCount> Years,
    int WithoutYear,
    CrossTable ActorsByDomain,
    CrossTable PairsByType)
{
    /// <summary>The number of cases counted.</summary>
    public int Total => Info.Total;

    /// <summary>The counts of one facet.</summary>
    public FacetResult Facet(string key) => Facets.Single(f => f.Key == key);
}

/// <summary>A start year and its number of cases.</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>A table of counts: each row a combination of values of one facet, each column a value of another.</summary>
/// <param name="RowFacet">The facet key of the rows' values.</param>
/// <param name="ColumnFacet">The facet key of the columns.</param>
/// <param name="Columns">The column values, in taxonomy order.</param>
/// <param name="Rows">The rows with at least one case, most cases first.</param>
public sealed record CrossTable(string RowFacet, string ColumnFacet, IReadOnlyList<FacetLabel> Columns, IReadOnlyList<CrossRow> Rows);

/// <summary>What a row of a cross table holds.</summary>
public enum CrossRowKind
{
    /// <summary>Cases having every one of <see cref="CrossRow.Values"/> (possibly with other values too).</summary>
    Values,
    /// <summary>Cases with a single actor profile (several associations, say); no values.</summary>
    OneProfile,
    /// <summary>Cases with three actor profiles or more; they also count in each of their pairs. No values.</summary>
    ThreeOrMore,
}

/// <summary>One row of a cross table.</summary>
/// <param name="Kind">What the row counts.</param>
/// <param name="Values">The row's values, for <see cref="CrossRowKind.Values"/>.</param>
/// <param name="Counts">Cases per column, in the order of <see cref="CrossTable.Columns"/>.</param>
/// <param name="Cases">Cases of the row, whatever their column.</param>
public sealed record CrossRow(CrossRowKind Kind, IReadOnlyList<FacetLabel> Values, IReadOnlyList<int> Counts, int Cases);

/// <summary>
/// Adds up the statistics of the hits of a <see cref="FacetedCollector"/> pass, from the same
/// per-segment taxonomy positions as the facet counts.
/// </summary>
internal sealed class StatisticsCounter
{
    private readonly int _actors = Dimension(CaseStudySchema.Actors);
    private readonly int _domains = Dimension(CaseStudySchema.Domains);
    private readonly int _types = Dimension(CaseStudySchema.PartnershipTypes);
    private readonly int[][] _facets;
    private readonly Dictionary<int, int> _years = [];
    private int _withoutYear;
    private readonly int[,] _actorDomain;
    private readonly int _actorCount;
    // Per pair of actor positions (a * actors + b, a < b), cases per type; then one profile, three or more.
    private readonly int[,] _pairType;
    private readonly int[] _oneProfile;
    private readonly int[] _threeOrMore;
    private readonly int[] _profiles = new int[64];

    public StatisticsCounter(Taxonomy taxonomy)
    {
        _facets = FacetPresentation.EmptyCounts(taxonomy);
        _actorCount = _facets[_actors].Length;
        _actorDomain = new int[_facets[_domains].Length, _actorCount];
        _pairType = new int[_actorCount * _actorCount, _facets[_types].Length];
        _oneProfile = new int[_facets[_types].Length];
        _threeOrMore = new int[_facets[_types].Length];
    }

    /// <summary>Counts one hit: document <paramref name="doc"/> of <paramref name="segment"/>, with its start year (0 when unknown).</summary>
    public void Add(SegmentFacets segment, int doc, long year)
    {
        for (var d = 0; d < _facets.Length; d++)
        {
            foreach (var value in segment.ValuesOf(d, doc))
            {
                _facets[d][value]++;
            }
        }
        if (year == 0)
        {
            _withoutYear++;
        }
        else
        {
            _years[(int)year] = _years.GetValueOrDefault((int)year) + 1;
        }
        var actors = segment.ValuesOf(_actors, doc);
        foreach (var domain in segment.ValuesOf(_domains, doc))
        {
            foreach (var actor in actors)
            {
                _actorDomain[domain, actor]++;
            }
        }
        // Distinct profiles in taxonomy order, so that a pair has one index whatever the order in the file.
        var profiles = _profiles.AsSpan(0, Distinct(actors, _profiles));
        foreach (var type in segment.ValuesOf(_types, doc))
        {
            if (profiles.Length == 1)
            {
                _oneProfile[type]++;
            }
            else if (profiles.Length >= 3)
            {
                _threeOrMore[type]++;
            }
            for (var i = 0; i < profiles.Length; i++)
            {
                for (var j = i + 1; j < profiles.Length; j++)
                {
                    _pairType[profiles[i] * _actorCount + profiles[j], type]++;
                }
            }
        }
    }

    private static int Distinct(ReadOnlySpan<int> values, int[] into)
    {
        var count = 0;
        foreach (var value in values)
        {
            if (count < into.Length && !into.AsSpan(0, count).Contains(value))
            {
                into[count++] = value;
            }
        }
        into.AsSpan(0, count).Sort();
        return count;
    }

    /// <summary>The statistics counted, labelled from the taxonomy.</summary>
    public ResultStatistics ToStatistics(ExportInfo info, SearchResult? search, Taxonomy taxonomy, bool[]?[] selected)
    {
        var facets = CaseStudySchema.Facets.Select((f, d) =>
        {
            var facet = taxonomy[f.Key];
            return new FacetResult(facet.Key, facet.Label,
                facet.Values.Select((v, i) => new FacetCount(v.Slug, v.Label, _facets[d][i], selected[d]?[i] ?? false)).ToList());
        }).ToList();
        var actors = Labels(taxonomy[CaseStudySchema.Actors.Key]);
        var domains = Labels(taxonomy[CaseStudySchema.Domains.Key]);
        var types = Labels(taxonomy[CaseStudySchema.PartnershipTypes.Key]);
        var byDomain = domains
            .Select((domain, d) => new CrossRow(CrossRowKind.Values, [domain], Row(_actorDomain, d), _facets[_domains][d]))
            .Where(r => r.Cases > 0);
        var pairs = new List<CrossRow>();
        for (var a = 0; a < _actorCount; a++)
        {
            for (var b = a + 1; b < _actorCount; b++)
            {
                var counts = Row(_pairType, a * _actorCount + b);
                pairs.Add(new CrossRow(CrossRowKind.Values, [actors[a], actors[b]], counts, counts.Sum()));
            }
        }
        var rows = pairs.Where(r => r.Cases > 0).OrderByDescending(r => r.Cases)
            .Append(new CrossRow(CrossRowKind.OneProfile, [], _oneProfile, _oneProfile.Sum()))
            .Append(new CrossRow(CrossRowKind.ThreeOrMore, [], _threeOrMore, _threeOrMore.Sum()))
            .Where(r => r.Cases > 0);
        return new ResultStatistics(
            info,
            search,
            facets,
            _years.OrderBy(y => y.Key).Select(y => new YearCount(y.Key, y.Value)).ToList(),
            _withoutYear,
            new CrossTable(CaseStudySchema.Domains.Key, CaseStudySchema.Actors.Key, actors, byDomain.OrderByDescending(r => r.Cases).ToList()),
            new CrossTable(CaseStudySchema.Actors.Key, CaseStudySchema.PartnershipTypes.Key, types, rows.ToList()));
    }

    private static int Dimension(FacetDimension facet) => CaseStudySchema.Facets.Select((f, d) => (f, d)).Single(p => p.f == facet).d;

    private static List<FacetLabel> Labels(TaxonomyFacet facet) => facet.Values.Select(v => new FacetLabel(v.Slug, v.Label)).ToList();

    private static int[] Row(int[,] table, int row) => Enumerable.Range(0, table.GetLength(1)).Select(c => table[row, c]).ToArray();
}
