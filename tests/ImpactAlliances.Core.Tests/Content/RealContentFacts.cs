using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;

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
    public void Every_case_cites_two_sources_one_of_them_a_page_and_says_where_it_stands()
    {
        Assert.All(Content.Cases, c => Assert.True(c.Case.Sources.Count >= 2, $"{c.Path}: {c.Case.Sources.Count} source(s)"));
        Assert.All(Content.Cases, c => Assert.Contains(c.Case.Sources, s => s.Url is not null && s.Seed is null));
        Assert.All(Content.Cases.Where(c => c.Case.Status == CaseStatus.Verified), c => Assert.NotNull(c.Case.Reviewed));
        Assert.All(Content.Cases.Where(c => c.Case.Status == CaseStatus.Archived), c => Assert.NotNull(c.Case.Ended));
    }

    [Fact]
    public void The_corpus_covers_the_taxonomy()
    {
        var cases = Content.Cases.Select(c => c.Case).ToList();
        int Count(string facet, string value) =>
            cases.Count(c => CaseStudySchema.Facets.Single(f => f.Key == facet).ValuesOf(c).Contains(value));

        Assert.True(cases.Count >= 400, $"{cases.Count} cases");
        Assert.All(Content.Taxonomy!["regions"].Values, r => Assert.True(Count("regions", r.Slug) >= 10, $"{r.Slug}: {Count("regions", r.Slug)}"));
        Assert.All(Content.Taxonomy!["domains"].Values, d => Assert.True(Count("domains", d.Slug) >= 15, $"{d.Slug}: {Count("domains", d.Slug)}"));
        Assert.All(Content.Taxonomy!["partnership_types"].Values, t => Assert.True(Count("partnership_types", t.Slug) >= 60, $"{t.Slug}: {Count("partnership_types", t.Slug)}"));
        Assert.All(Content.Taxonomy!["actors"].Values, a => Assert.True(Count("actors", a.Slug) >= 20, $"{a.Slug}: {Count("actors", a.Slug)}"));
        Assert.All(Content.Taxonomy!["scales"].Values, s => Assert.True(Count("scales", s.Slug) >= 20, $"{s.Slug}: {Count("scales", s.Slug)}"));
        var decades = cases.Where(c => c.Year is not null).Select(c => c.Year / 10).Distinct().Count();
        Assert.True(decades >= 2, $"start years span {decades} decades");
    }
}
