using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Synthetic;
using ImpactAlliances.Indexer;

namespace ImpactAlliances.Core.Tests.Synthetic;

public sealed class CorpusGeneratorFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private static readonly string Taxonomy = RepositoryPaths.Resolve("content/taxonomy.yml");

    [Fact]
    public void Generated_cases_are_valid_and_varied()
    {
        CorpusGenerator.Write(_folder.Path, 300, 11, Taxonomy);

        var content = ContentLoader.Load(_folder.Path, new DateOnly(2026, 11, 23));
        Assert.Empty(content.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Equal(300, content.Cases.Count);
        var words = content.Cases.Select(c => c.Case.Body.Split('\n').Where(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Count(w => w != "-")).ToList();
        Assert.InRange(words.Min(), 200, 800);
        Assert.InRange(words.Max(), 200, 800);
        Assert.True(words.Average() is > 400 and < 600, $"average {words.Average()}");
        Assert.All(content.Cases, c => Assert.InRange(c.Case.Organisations.Count, 2, 4));
        var associations = content.Cases.Count(c => c.Case.Actors.Contains("association"));
        var researchers = content.Cases.Count(c => c.Case.Actors.Contains("academique"));
        Assert.True(associations > 3 * researchers, "actor profiles are skewed");
        Assert.True(content.Cases.Select(c => c.Case.Domains[0]).Distinct().Count() >= 15);
        Assert.Contains(content.Cases, c => c.Case.Body.Contains("l'", StringComparison.Ordinal) && c.Case.Body.Any(ch => ch is 'é' or 'è' or 'à'));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        CorpusGenerator.Write(Path.Combine(_folder.Path, "a"), 50, 5, Taxonomy);
        CorpusGenerator.Write(Path.Combine(_folder.Path, "b"), 50, 5, Taxonomy);
        CorpusGenerator.Write(Path.Combine(_folder.Path, "c"), 50, 6, Taxonomy);

        string Text(string run) => string.Concat(Directory.GetFiles(Path.Combine(_folder.Path, run, "cases")).Order().Select(File.ReadAllText));
        Assert.Equal(Text("a"), Text("b"));
        Assert.NotEqual(Text("a"), Text("c"));
    }

    [Fact]
    public async Task The_command_refuses_to_write_into_the_content_folder()
    {
        var content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await IndexerCommands.RunAsync(["generate", "--count", "5", "--out", Path.Combine(content, "cases", "synthetic"), "--content", content], output, error);

        Assert.Equal(IndexerCommands.Failed, code);
        Assert.Contains("Refusé : les cas synthétiques n'ont pas leur place dans le dossier du contenu", error.ToString());
        Assert.Equal(FixtureCorpus.Cases.Count, Directory.GetFiles(Path.Combine(content, "cases"), "*.md", SearchOption.AllDirectories).Length);
    }

    public void Dispose() => _folder.Dispose();
}
