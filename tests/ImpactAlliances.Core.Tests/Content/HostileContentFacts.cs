using System.Diagnostics;
using System.Text;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>
/// Content files written to crash, hang or poison the reader: each is refused with its exact
/// <c>path:line: message</c>, in bounded time, and the other cases are still read.
/// </summary>
public sealed class HostileContentFacts : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();
    private readonly string _content;

    public HostileContentFacts() => _content = FixtureCorpus.WriteTo(_folder.Path);

    [Fact]
    public async Task Front_matter_nested_100000_levels_deep_is_refused_at_its_line()
    {
        var path = Write("cases/profond.md", "---\ntitle: \"Profond\"\nnested: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\nTexte du cas.\n");

        await AssertOnlyError(path, 3, $"YAML imbriqué sur plus de {YamlNodes.MaxDepth} niveaux : simplifiez la structure");
    }

    [Fact]
    public async Task A_billion_laughs_of_aliases_is_refused_at_the_line_where_it_passes_the_limit()
    {
        var yaml = new StringBuilder("---\na: &a [" + string.Join(", ", Enumerable.Repeat("\"lol\"", 10)) + "]\n");
        foreach (var (name, previous) in "bcdefghi".Zip("abcdefgh"))
        {
            yaml.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
        }
        var path = Write("cases/rires.md", yaml.Append("---\nTexte du cas.\n").ToString());

        // Aliases in b stand for 110 nodes, in c 1,110, in d 11,110; e's eighth alias passes 100,000, on line 6.
        await AssertOnlyError(path, 6, $"les alias YAML (*nom) développent plus de {YamlNodes.MaxNodes} nœuds : n'enchaînez pas les alias");
    }

    [Fact]
    public async Task A_case_that_links_to_dev_zero_is_not_read()
    {
        var path = Path.Combine(_content, "cases", "zero.md");
        File.CreateSymbolicLink(path, "/dev/zero");

        await AssertOnlyError(path, 1, "lien symbolique vers « /dev/zero », hors du dossier de contenu : fichier non lu");
    }

    [Fact]
    public async Task A_fifo_named_like_a_case_is_not_opened()
    {
        var path = Path.Combine(_content, "cases", "x.md");
        MakeFifo(path);

        await AssertOnlyError(path, 1, "tube nommé (FIFO), pas un fichier ordinaire : fichier non lu");
    }

    [Fact]
    public async Task A_folder_link_loop_is_reported_once_and_not_followed()
    {
        var path = Path.Combine(_content, "cases", "boucle");
        Directory.CreateSymbolicLink(path, "../cases");

        await AssertOnlyError(path, 1, $"boucle de liens symboliques : ce dossier renvoie à « {Path.Combine(_content, "cases")} », déjà parcouru : non suivi");
    }

    [Theory]
    [InlineData("nouveau-cas.MD", ".MD")]
    [InlineData("nouveau-cas.Md", ".Md")]
    [InlineData("nouveau-cas.markdown", ".markdown")]
    public async Task A_case_saved_with_another_markdown_extension_is_refused_not_skipped(string name, string extension)
    {
        // It was skipped without a word: validate said every case was valid, and the new case never showed.
        var path = Write($"cases/{name}", "---\ntitle: \"Nouveau\"\n---\nTexte du cas.\n");

        await AssertOnlyError(path, 1, $"extension « {extension} » : seuls les fichiers .md, en minuscules, sont des cas ; renommez-le nouveau-cas.md");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_its_size()
    {
        var path = Write("cases/enorme.md", "---\ntitle: \"Énorme\"\n---\n" + new string('a', ContentFile.MaxBytes));
        var size = new FileInfo(path).Length;

        await AssertOnlyError(path, 1, $"fichier de {size} octets ; {ContentFile.MaxBytes} octets (1 Mio) au plus");
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_with_the_line_of_the_first_bad_byte()
    {
        var good = Encoding.UTF8.GetBytes("---\ntitle: \"Défaut d'encodage\"\nsummary: \"Un résumé\"\n");
        var path = Path.Combine(_content, "cases", "latin1.md");
        File.WriteAllBytes(path, [.. good, .. "body: caf"u8, 0xE9, .. "\n---\n"u8]);

        await AssertOnlyError(path, 4, $"octets invalides en UTF-8 (octet {good.Length + "body: caf".Length} du fichier, 0xE9) : enregistrez le fichier en UTF-8");
    }

    [Theory]
    [InlineData("\u0001", "0001", 3, 19)]
    [InlineData("\u0000", "0000", 3, 19)]
    [InlineData("\u0092", "0092", 3, 19)]
    [InlineData("\uFFFF", "FFFF", 3, 19)]
    [InlineData("\u001B[31m", "001B", 3, 19)]
    [InlineData("\u202E", "202E", 3, 19)]
    [InlineData("\u200B", "200B", 3, 19)]
    public async Task An_invisible_character_is_refused_with_its_line_and_column(string invisible, string code, int line, int column)
    {
        var path = Write("cases/invisible.md", $"---\ntitle: \"Tabulation\tpermise\"\nsummary: \"L'usager{invisible} du bus\"\n---\n");

        await AssertOnlyError(path, line, $"caractère invisible U+{code} (colonne {column}) : supprimez-le ; un fichier de contenu ne peut contenir que des caractères imprimables, des tabulations et des retours à la ligne");
    }

    [Theory]
    [InlineData("\\e", "001B")]
    [InlineData("\\x85", "0085")]
    [InlineData("\\u0001", "0001")]
    [InlineData("\\uFFFF", "FFFF")]
    public async Task An_invisible_character_written_by_a_yaml_escape_is_refused_at_its_line(string escape, string code)
    {
        var path = Write("cases/echappement.md", $"---\ntitle: \"Échappements\"\nsummary: \"L'usager{escape} du bus\"\n---\n");

        var content = await Load();

        // The front matter is refused at the value's line; the empty body is reported beside it.
        Assert.Equal($"{Shown(path)}:3: caractère invisible U+{code} (écrit par un échappement dans la valeur qui commence colonne 10) : supprimez-le ; un fichier de contenu ne peut contenir que des caractères imprimables, des tabulations et des retours à la ligne",
            content.Errors.Select(e => e.ToString()).First());
        Assert.Equal(FixtureCorpus.Cases.Count, content.Cases.Count);
    }

    [Fact]
    public async Task The_taxonomy_gets_the_same_guards()
    {
        var path = Path.Combine(_content, "taxonomy.yml");
        File.Delete(path);
        MakeFifo(path);

        var content = await Load();

        Assert.Equal([$"{Shown(path)}:1: tube nommé (FIFO), pas un fichier ordinaire : fichier non lu"], content.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Synonyms_nested_100000_levels_deep_are_reported_when_loading()
    {
        var path = Write("synonyms.yml", new string('[', 100_000) + new string(']', 100_000) + "\n");

        var content = await Load();

        Assert.Equal([$"{Shown(path)}:1: YAML imbriqué sur plus de {YamlNodes.MaxDepth} niveaux : simplifiez la structure"], content.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Synonyms_nested_deep_while_running_keep_the_previous_synonyms_and_log_a_warning()
    {
        var logger = new ListLogger();
        var clock = new FakeTimeProvider();
        using var provider = new SynonymProvider(Options.Create(new SearchIndexOptions { ContentPath = _content }), logger, clock);
        var before = provider.Current;
        Assert.True(before.Count > 0);

        var path = Write("synonyms.yml", "- [a, b]\n- " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        // The provider looks at the file at most once a second.
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Task.Run(() => provider.Current).WaitAsync(Patience);

        Assert.Same(before, after);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith($"{path}:2: YAML imbriqué sur plus de {YamlNodes.MaxDepth} niveaux", warning.Message);
    }

    private async Task AssertOnlyError(string path, int line, string message)
    {
        var content = await Load();

        Assert.Equal([$"{Shown(path)}:{line}: {message}"], content.Errors.Select(e => e.ToString()));
        Assert.Equal(FixtureCorpus.Cases.Count, content.Cases.Count);
    }

    /// <summary>A file as the loader names it: from the folder that holds the content folder.</summary>
    private string Shown(string path) => ContentLoader.DisplayPath(_content)(path);

    /// <summary>Loads the content folder, failing instead of hanging.</summary>
    private Task<ContentSet> Load() => Task.Run(() => ContentLoader.Load(_content, Today)).WaitAsync(Patience);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_content, relative);
        File.WriteAllText(path, text);
        return path;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class ListLogger : ILogger<SynonymProvider>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
