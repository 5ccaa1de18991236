using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Core.Synthetic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// The snapshot's searcher searches a query's groups with <see cref="GroupDisjunction"/>: the same cases as Lucene's
/// <see cref="DisjunctionMaxQuery"/>, each with the same score to the last bit, whose sum depends on the order of the heap.
/// </summary>
public sealed class GroupDisjunctionFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CaseStudyIndex _index;

    public GroupDisjunctionFacts()
    {
        // Generated cases: common words held by most of them in several fields at once, as at 100,000 cases.
        var content = Path.Combine(_folder.Path, "content");
        CorpusGenerator.Write(content, 400, 41, RepositoryPaths.Resolve("content/taxonomy.yml"));
        var store = new IndexStore(Path.Combine(_folder.Path, "index"));
        var loaded = ContentLoader.Load(content, new DateOnly(2100, 1, 1));
        new IndexBuilder(new MarkdownRenderer()).Build(store, Path.Combine(content, ContentLoader.TaxonomyFile), loaded.Cases);
        _index = new CaseStudyIndex(store);
    }

    [Theory]
    [InlineData("entreprises associations")]
    [InlineData("projet territoire")]
    [InlineData("santé prévention")]
    [InlineData("insertion jeunes")]
    [InlineData("accompagnement des habitants en entreprise")]
    [InlineData("association OU fondation")]
    public void A_query_s_groups_find_the_same_cases_with_the_same_scores_as_Lucene_s(string question)
    {
        using var lease = _index.Acquire();
        var snapshot = lease.Snapshot;
        var analyzer = CaseStudySchema.CreateAnalyzer();
        var text = new SearchQueryBuilder(analyzer, SynonymSet.Empty, snapshot.QueryVocabulary(analyzer), snapshot.Terms).Build(UserQuery.Parse(question));
        var query = text.Query!;
        var lucene = new IndexSearcher(snapshot.Reader) { Similarity = snapshot.Searcher.Similarity };

        Assert.True(Groups(snapshot.Searcher.Rewrite(query)) > 0, "the snapshot's searcher searches the groups itself");
        Assert.Equal(0, Groups(lucene.Rewrite(query)));
        var expected = Scores(lucene, query);
        Assert.True(expected.Count > 30, $"{expected.Count} cases found");
        Assert.Equal(expected, Scores(snapshot.Searcher, query));
        // A case's score is summed when it is asked for: a case whose score nobody asks for changes no other's.
        Assert.Equal(Scores(lucene, query, 3), Scores(snapshot.Searcher, query, 3));
        // Required beside another group, a group is advanced to the other's cases, not walked case by case.
        var both = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(CaseStudySchema.Actors.Key, "collectivite")), Occur.MUST } };
        Assert.Equal(Scores(lucene, both), Scores(snapshot.Searcher, both));
    }

    [Fact]
    public void A_query_without_a_group_is_searched_as_it_is()
    {
        var query = new BooleanQuery { { new TermQuery(new Term(CaseStudySchema.Body, "projet")), Occur.MUST } };

        Assert.Same(query, SnapshotSearcher.WithGroups(query));
    }

    [Fact]
    public void A_query_of_a_class_of_its_own_is_searched_as_it_is()
    {
        // A subclass may weigh or score its own way: a copy as Lucene's class, or a group in its place, would lose it.
        Query[] words = [new TermQuery(new Term(CaseStudySchema.Body, "projet")), new TermQuery(new Term(CaseStudySchema.Title, "projet"))];
        var disjunction = new OwnDisjunction(words);
        var boolean = new OwnBoolean { { new DisjunctionMaxQuery(words, 0.1f), Occur.MUST } };

        Assert.Same(disjunction, SnapshotSearcher.WithGroups(disjunction));
        Assert.Same(boolean, SnapshotSearcher.WithGroups(boolean));
    }

    private sealed class OwnDisjunction(ICollection<Query> disjuncts) : DisjunctionMaxQuery(disjuncts, 0.1f);

    private sealed class OwnBoolean : BooleanQuery;

    /// <summary>Every case found, in order, with its score's bits, asked for one case in <paramref name="scored"/>.</summary>
    private static List<(int Doc, int Score)> Scores(IndexSearcher searcher, Query query, int scored = 1)
    {
        var collector = new Every(scored);
        searcher.Search(query, collector);
        return collector.Found;
    }

    private static int Groups(Query query) => query switch
    {
        GroupDisjunction group => 1 + group.Disjuncts.Sum(Groups),
        DisjunctionMaxQuery disjunction => disjunction.Disjuncts.Sum(Groups),
        BooleanQuery boolean => boolean.Clauses.Sum(c => Groups(c.Query)),
        ConstantScoreQuery { Query: { } inner } => Groups(inner),
        _ => 0,
    };

    private sealed class Every(int scored) : ICollector
    {
        private Scorer? _scorer;
        private int _base;

        public List<(int Doc, int Score)> Found { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => Found.Add((_base + doc, Found.Count % scored == 0 ? BitConverter.SingleToInt32Bits(_scorer!.GetScore()) : 0));
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
