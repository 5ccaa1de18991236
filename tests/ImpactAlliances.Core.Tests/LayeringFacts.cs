using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using NetArchTest.Rules;

namespace ImpactAlliances.Core.Tests;

/// <summary>
/// Core's folders form layers, each using only those below it (CONVENTIONS.md): no cycle between folders, so
/// that each can be read, and changed, knowing only what is under it. Checked twice: in the compiled code
/// (method bodies included), and in the source, which alone shows a constant or a using the compiler leaves out.
/// </summary>
public sealed partial class LayeringFacts
{
    /// <summary>From the bottom up; each folder may use the folders before it, never those after it.</summary>
    public static readonly string[] Layers =
    [
        "Analysis", "Places", "Schema", "Content", "Rendering", "Indexing", "Querying", "Search",
        "Evaluation", "Releases", "Synthetic",
    ];

    public static TheoryData<string> Folders => [.. Layers];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_no_folder_above_it(string folder)
    {
        var above = Layers.Skip(Array.IndexOf(Layers, folder) + 1)
            .Select(l => $"ImpactAlliances.Core.{l}")
            .ToArray();
        var result = Types.InAssembly(typeof(CaseStudySchema).Assembly)
            .That().ResideInNamespace($"ImpactAlliances.Core.{folder}")
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(Environment.NewLine,
            (result.FailingTypes ?? []).Select(t => $"{t.FullName} uses {t.Explanation}")));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_names_no_folder_above_it_in_its_source(string folder)
    {
        var above = Layers.Skip(Array.IndexOf(Layers, folder) + 1).ToHashSet();
        var files = Directory.GetFiles(RepositoryPaths.Resolve($"src/ImpactAlliances.Core/{folder}"), "*.cs");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal($"ImpactAlliances.Core.{folder}", Namespace().Match(text).Groups[1].Value);
            var named = CoreName().Matches(text).Select(m => m.Groups[1].Value).Where(above.Contains).Distinct().ToList();
            Assert.True(named.Count == 0, $"{Path.GetFileName(file)} names {string.Join(", ", named)}, above {folder}");
        }
    }

    [Fact]
    public void Only_the_composition_of_the_services_is_outside_the_layers()
    {
        var root = Directory.GetFiles(RepositoryPaths.Resolve("src/ImpactAlliances.Core"), "*.cs").Select(Path.GetFileName);

        Assert.Equal(["ServiceCollectionExtensions.cs"], root);
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>A using or a fully qualified name of a Core folder.</summary>
    [GeneratedRegex(@"\bImpactAlliances\.Core\.(\w+)")]
    private static partial Regex CoreName();

    [Fact]
    public void Every_folder_of_Core_is_a_layer()
    {
        var namespaces = typeof(CaseStudySchema).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("ImpactAlliances.Core.", StringComparison.Ordinal))
            .Select(n => n!["ImpactAlliances.Core.".Length..].Split('.')[0])
            .ToHashSet();

        Assert.Subset(Layers.ToHashSet(), namespaces);
    }
}
