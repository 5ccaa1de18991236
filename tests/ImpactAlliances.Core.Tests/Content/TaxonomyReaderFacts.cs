using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>The labels of what the site derives (départements, the regions' « sans région ») are content, read and checked like the rest.</summary>
public sealed class TaxonomyReaderFacts
{
    private static readonly string Bundled = File.ReadAllText(RepositoryPaths.Resolve("content/taxonomy.yml"));

    [Fact]
    public void The_derived_facets_take_their_labels_from_the_taxonomy_file()
    {
        var edited = Bundled
            .Replace("label: \"Départements\"", "label: \"Départements (essai)\"", StringComparison.Ordinal)
            .Replace("label: \"National / sans région\"", "label: \"Hors régions (essai)\"", StringComparison.Ordinal);

        var taxonomy = SearchTaxonomy.Of(Parse(edited, out var diagnostics)!, PlaceGazetteer.Official);

        Assert.Empty(diagnostics);
        Assert.Equal("Départements (essai)", taxonomy[CaseStudySchema.Departments.Key].Label);
        Assert.Equal(101, taxonomy[CaseStudySchema.Departments.Key].Values.Count);
        Assert.Equal("Hors régions (essai)", taxonomy[CaseStudySchema.Regions.Key].Find(CaseStudySchema.NoRegion)?.Label);
    }

    [Fact]
    public void Case_files_cannot_name_the_value_of_cases_without_a_region()
    {
        var taxonomy = Parse(Bundled, out _)!;

        Assert.False(taxonomy[CaseStudySchema.Regions.Key].Contains(CaseStudySchema.NoRegion));
        Assert.Single(taxonomy[CaseStudySchema.Regions.Key].Otherwise, v => v.Slug == CaseStudySchema.NoRegion);
    }

    [Fact]
    public void A_taxonomy_without_the_derived_facet_or_the_otherwise_value_is_refused_with_its_line()
    {
        var start = Bundled.IndexOf("departments:", StringComparison.Ordinal);
        var withoutDepartments = Bundled.Remove(start, Bundled.IndexOf("statuses:", start, StringComparison.Ordinal) - start);
        var withoutOtherwise = string.Join('\n', Bundled.Split('\n').Where(l => !l.Contains("sans-region", StringComparison.Ordinal)
            && !l.Contains("otherwise", StringComparison.Ordinal) && !l.Contains("cases naming no region", StringComparison.Ordinal)));

        Assert.Null(Parse(withoutDepartments, out var missing));
        Assert.Contains("content/taxonomy.yml:1: facette manquante : departments", missing);
        Assert.Null(Parse(withoutOtherwise, out var noOtherwise));
        var regionsLine = withoutOtherwise.Split('\n').ToList().FindIndex(l => l.StartsWith("regions:", StringComparison.Ordinal)) + 2;
        Assert.Contains($"content/taxonomy.yml:{regionsLine}: la facette regions doit nommer la valeur des cas qui n'en ont aucune : otherwise: [ {{ slug: sans-region, label: \"…\" }} ]", noOtherwise);
    }

    [Fact]
    public void An_otherwise_value_is_refused_where_the_registry_has_none_and_among_the_values()
    {
        var onActors = Bundled.Replace("actors:\n  label: \"Acteurs\"\n", "actors:\n  label: \"Acteurs\"\n  otherwise:\n    - { slug: aucun, label: \"Aucun\" }\n", StringComparison.Ordinal);
        var listedTwice = Bundled.Replace("    - { slug: mayotte, label: \"Mayotte\" }\n", "    - { slug: mayotte, label: \"Mayotte\" }\n    - { slug: sans-region, label: \"Sans région\" }\n", StringComparison.Ordinal);

        Assert.Null(Parse(onActors, out var notAccepted));
        Assert.Contains("content/taxonomy.yml:10: la facette actors n'accepte pas de valeur otherwise", notAccepted);
        Assert.Null(Parse(listedTwice, out var twice));
        Assert.Contains(twice, d => d.EndsWith("la valeur « sans-region » de regions est à la fois dans values et dans otherwise", StringComparison.Ordinal));
    }

    [Fact]
    public void A_derived_facet_with_values_is_refused()
    {
        var edited = Bundled.Replace("  description: \"Départements où", "  values:\n    - { slug: \"35\", label: \"Ille-et-Vilaine\" }\n  description: \"Départements où", StringComparison.Ordinal);

        Assert.Null(Parse(edited, out var diagnostics));
        Assert.Contains(diagnostics, d => d.Contains("la facette departments est déduite des lieux des cas", StringComparison.Ordinal));
    }

    private static Taxonomy? Parse(string text, out List<string> diagnostics)
    {
        var found = new List<ContentDiagnostic>();
        var taxonomy = TaxonomyReader.Parse("content/taxonomy.yml", text, found);
        diagnostics = found.Select(d => d.ToString()).ToList();
        return taxonomy;
    }
}
