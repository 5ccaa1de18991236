using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>The bundled content/ folder: valid, sourced, and covering the taxonomy well enough for faceted search to mean something.</summary>
public sealed class RealContentFacts
{
    private static readonly ContentSet Content = ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today));

    [Fact]
    public void Every_case_is_valid_without_warnings()
    {
        Assert.Empty(Content.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_case_file_cites_at_least_one_source_with_a_title()
    {
        var files = ContentLoader.CaseFiles(RepositoryPaths.Resolve("content"));

        Assert.Equal(files.Count, Content.Cases.Count);
        Assert.All(Content.Cases, c => Assert.True(
            c.Case.Sources.Count > 0 && c.Case.Sources.All(s => s.Title.Length > 0),
            $"{c.Path} has no source"));
        Assert.All(Content.Cases, c => Assert.Contains(c.Case.Sources, s => s.Url is not null));
    }

    [Fact]
    public void The_corpus_covers_the_taxonomy()
    {
        var cases = Content.Cases.Select(c => c.Case).ToList();
        int Count(string facet, string value) =>
            cases.Count(c => CaseStudySchema.Facets.Single(f => f.Key == facet).ValuesOf(c).Contains(value));

        Assert.True(cases.Count >= 80, $"{cases.Count} cases");
        Assert.All(Content.Taxonomy!["partnership_types"].Values, t => Assert.True(Count("partnership_types", t.Slug) >= 10, t.Slug));
        Assert.All(Content.Taxonomy!["actors"].Values, a => Assert.True(Count("actors", a.Slug) >= 4, a.Slug));
        Assert.True(Content.Taxonomy!["domains"].Values.Count(d => Count("domains", d.Slug) > 0) >= 14);
        Assert.True(Content.Taxonomy!["regions"].Values.Count(r => Count("regions", r.Slug) > 0) >= 10);
        Assert.True(Count("scales", "national") > 0 && Count("scales", "international") > 0);
    }
}
