using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Synthetic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>The front matter's own reader gives YamlDotNet's events, marks included, or leaves the text to YamlDotNet.</summary>
public sealed class PlainYamlEventsFacts
{
    private static readonly string ContentFolder = RepositoryPaths.Resolve("content");

    [Fact]
    public void The_cases_front_matters_read_as_YamlDotNet_reads_them()
    {
        var taxonomy = TaxonomyReader.Read(Path.Combine(ContentFolder, ContentLoader.TaxonomyFile), new List<ContentDiagnostic>())!;
        var generator = new CorpusGenerator(taxonomy, 42);
        var texts = ContentLoader.CaseFiles(ContentFolder).Select(File.ReadAllText)
            .Concat(Enumerable.Range(1, 300).Select(i => generator.Next(i).Text))
            .Select(FrontMatter).ToList();

        var read = texts.Count(text => PlainYamlEvents.Read(text) is { } events && Same(text, events));

        // A real case written otherwise (a comment, a plain text with spaces) is left to YamlDotNet; the generated ones never are.
        Assert.True(read >= texts.Count * 9 / 10, $"{read} of {texts.Count} read");
        Assert.All(texts, text => Assert.True(PlainYamlEvents.Read(text) is not { } events || Same(text, events), text));
    }

    [Theory]
    [InlineData("title: \"Un titre\"\nactors: [association, entreprise]\nyear: 2024\nterritory:\n  scale: local\n  regions: []\n  place: \"Lyon (69)\"\nsources:\n  - { title: \"Page\", url: \"https://example.org/a\" }\n  - { title: \"Autre\", seed: \"doc\" }\nupdated: 2025-01-02\n")]
    [InlineData("a: b\nc:\n  - x\n  - \"y z\"\nd:\n  e: [f,g ,  h]")]
    [InlineData("title: \"Un titre\"\ntitle: \"Le même champ deux fois\"")]
    public void What_it_reads_gives_the_events_YamlDotNet_gives(string text)
    {
        var events = PlainYamlEvents.Read(text);

        Assert.NotNull(events);
        Assert.True(Same(text, events), text);
    }

    [Theory]
    [InlineData("title: \"Un titre\" # commentaire")]
    [InlineData("# commentaire\ntitle: \"Un titre\"")]
    [InlineData("title: \"Un titre\"\n\nyear: 2024")]
    [InlineData("title: \"Un titre\" ")]
    [InlineData("title: Un titre")]
    [InlineData("title: 'Un titre'")]
    [InlineData("title: \"Un \\\"titre\\\"\"")]
    [InlineData("title: \"Un\n  titre\"")]
    [InlineData("title:\n  \"Un titre\"")]
    [InlineData("title:")]
    [InlineData("title: &a \"Un titre\"\nsummary: *a")]
    [InlineData("actors: [association, [entreprise]]")]
    [InlineData("actors: [association,]")]
    [InlineData("organisations:\n- { name: \"A\", actor: association }")]
    [InlineData("organisations:\n  - name: \"A\"\n    actor: association")]
    [InlineData("\ttitle: \"Un titre\"")]
    [InlineData("title: \"Un\u2028titre\"")]
    [InlineData("territory:\n    scale: local\n  place: \"Lyon (69)\"")]
    [InlineData("---\ntitle: \"Un titre\"")]
    [InlineData("")]
    public void Anything_else_is_left_to_YamlDotNet(string text)
    {
        Assert.Null(PlainYamlEvents.Read(text));
    }

    [Theory]
    [InlineData("{0}: \"Un titre\"")]
    [InlineData("territory: {{ {0}: local }}")]
    public void A_key_longer_than_YAML_allows_is_left_to_YamlDotNet(string format)
    {
        // An implicit key is at most 1024 characters long: YamlDotNet's scanner rejects a longer one, as a front matter should.
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, new string('k', 1025));

        Assert.Null(PlainYamlEvents.Read(text));
        var longest = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, new string('k', 1024));
        Assert.True(Same(longest, PlainYamlEvents.Read(longest)!), longest);
    }

    private static string FrontMatter(string file)
    {
        var lines = file.ReplaceLineEndings("\n").Split('\n');
        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        return string.Join('\n', lines[1..close]);
    }

    /// <summary>Whether YamlDotNet's parser gives the same events: kind, values, styles, keys and marks.</summary>
    private static bool Same(string text, List<ParsingEvent> events)
    {
        var parser = new Parser(new StringReader(text));
        var expected = new List<string>();
        while (parser.MoveNext())
        {
            expected.Add(Describe(parser.Current!));
        }
        return expected.SequenceEqual(events.Select(Describe));
    }

    private static string Describe(ParsingEvent e) => $"{e} {e.Start.Index}/{e.Start.Line}/{e.Start.Column} {e.End.Index}/{e.End.Line}/{e.End.Column}" + e switch
    {
        Scalar scalar => $" key {scalar.IsKey}",
        DocumentStart document => $" {document.Version?.Version} {string.Join(",", document.Tags?.Select(t => t.Handle + t.Prefix) ?? [])}",
        _ => "",
    };
}
