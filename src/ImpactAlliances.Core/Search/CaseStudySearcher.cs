using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The search service: takes a lease on the served snapshot for each call and hands the work to the class of
/// its job (<see cref="SearchRunner"/> for results, exports and statistics, <see cref="CasePages"/> for a case,
/// the snapshot's <see cref="SuggestionIndex"/> for suggestions).
/// </summary>
public sealed class CaseStudySearcher(CaseStudyIndex index, IOptions<SearchIndexOptions> options, SynonymProvider? synonyms = null)
    : ICaseStudySearch, IDisposable
{
    private readonly SearchIndexOptions _options = options.Value;
    private readonly Analyzer _analyzer = CaseStudySchema.CreateAnalyzer();

    private SynonymSet Synonyms => synonyms?.Current ?? SynonymSet.Empty;

    /// <summary>The fingerprint of the synonyms searches use now: answers change with it as with the index version.</summary>
    internal string SynonymsFingerprint => Synonyms.Fingerprint;

    /// <inheritdoc />
    public SearchResult Search(SearchRequest request)
    {
        using var lease = index.Acquire();
        var result = Runner(lease.Snapshot).Search(request);
        lease.Snapshot.Searched();
        return result;
    }

    private SearchRunner Runner(IndexSnapshot snapshot) => new(snapshot, _analyzer, Synonyms, _options);

    /// <inheritdoc />
    public CaseExport Export(SearchRequest request, TimeProvider? clock = null)
    {
        var lease = index.Acquire();
        try
        {
            var (run, info) = Runner(lease.Snapshot).CollectAll(request, SearchIndexOptions.MaxResultWindow, clock);
            return new CaseExport(lease, run.Top.BestFirst().Select(e => e.Doc).ToList(), info);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ResultStatistics Statistics(SearchRequest request, TimeProvider? clock = null, bool heading = true)
    {
        using var lease = index.Acquire();
        return Runner(lease.Snapshot).Statistics(request, clock, heading);
    }

    /// <inheritdoc />
    public CasePage? GetCase(string slug)
    {
        using var lease = index.Acquire();
        return CasePages.Read(lease.Snapshot, _analyzer, slug);
    }

    /// <inheritdoc />
    public IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > UserQuery.MaxLength)
        {
            return [];
        }
        using var lease = index.Acquire();
        return lease.Snapshot.Suggestions.Suggest(typed, Math.Clamp(limit, 1, 20));
    }

    /// <inheritdoc />
    public ServedIndex Served
    {
        get
        {
            using var lease = index.Acquire();
            var snapshot = lease.Snapshot;
            return new ServedIndex(snapshot.Version.Name, snapshot.Manifest.ContentCommit, snapshot.Manifest.BuiltAt, snapshot.Manifest.Cases)
            {
                Synonyms = SynonymsFingerprint,
                EarliestYear = snapshot.EarliestYear,
            };
        }
    }

    /// <inheritdoc />
    public Taxonomy Taxonomy
    {
        get
        {
            using var lease = index.Acquire();
            return lease.Snapshot.Taxonomy;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _analyzer.Dispose();
}
