using ImpactAlliances.Core.Schema;
using NetArchTest.Rules;

namespace ImpactAlliances.Core.Tests;

/// <summary>
/// Core's folders form layers, each using only those below it (CONVENTIONS.md): no cycle between folders, so
/// that each can be read, and changed, knowing only what is under it.
/// </summary>
public sealed class LayeringFacts
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
            .Append("ImpactAlliances.Web")
            .ToArray();
        var result = Types.InAssembly(typeof(CaseStudySchema).Assembly)
            .That().ResideInNamespace($"ImpactAlliances.Core.{folder}")
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(Environment.NewLine,
            (result.FailingTypes ?? []).Select(t => $"{t.FullName} uses {t.Explanation}")));
    }

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
