using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>The keys organisations are named by, stored with the index and searched by halves.</summary>
public sealed class OrganisationKeysFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    /// <summary>
    /// The keys by definition: a name of several words by its key, the acronym it carries in parentheses (two capitals or
    /// digits at least) by the acronym's, each key's names in the order they come.
    /// </summary>
    private static Dictionary<string, List<(string Text, bool Acronym)>> Expected(IEnumerable<string> names)
    {
        var keys = new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
        void Add(string key, string text, bool acronym)
        {
            if (key.Length > 0)
            {
                (keys.TryGetValue(key, out var list) ? list : keys[key] = []).Add((text, acronym));
            }
        }
        foreach (var name in names)
        {
            var open = name.IndexOf('(', StringComparison.Ordinal);
            var main = (open > 0 ? name[..open] : name).Trim();
            if (FrenchAnalyzer.NameKey(main).Contains(' ', StringComparison.Ordinal))
            {
                Add(FrenchAnalyzer.NameKey(main), main, false);
            }
            if (open > 0 && name[(open + 1)..].TrimEnd(')', ' ') is { Length: >= 2 } acronym && acronym.All(c => char.IsUpper(c) || char.IsDigit(c)))
            {
                Add(FrenchAnalyzer.NameKey(acronym), acronym, true);
            }
        }
        return keys;
    }

    // Words that fold alike or not, articles, separators, acronyms of every shape, parentheses out of place, spaces.
    private static readonly string[] Pieces =
    [
        "La", "la", "Poste", "poste", "Énergie", "energie", "ÉCO", "ECO", "Saint-Denis", "d'Azur", "d’Azur", "de", "l'", " ", "  ", "-", ".", ",",
        "(", ")", "(ADEME)", "(SCIC)", "(A)", "(A1)", "(Scic)", "(É2)", "Œuvre", "œuvre", "7", "𝐀",
    ];

    [Property(MaxTest = 500)]
    public Property Each_key_names_the_names_the_definition_gives_it_in_their_order_and_the_stored_table_the_same() =>
        Prop.ForAll(Gen.ListOf(Gen.ListOf(Gen.Elements(Pieces)).Select(pieces => string.Join(' ', pieces))).ToArbitrary(), names =>
        {
            var made = OrganisationKeys.Of(names);
            var stored = OrganisationKeys.Read(made.Write());
            var expected = Expected(names);
            // Keys asked for: each key, each key cut short or run on (below and above it in the table), and none.
            var asked = expected.Keys.SelectMany(key => new[] { key, key[..^1], key + " ", key + "a" }).Append("").Append("zzz");
            return stored is not null && stored.Count == expected.Values.Sum(list => list.Count)
                && asked.All(key => made.Named(key).SequenceEqual(expected.GetValueOrDefault(key) ?? [])
                    && stored.Named(key).SequenceEqual(made.Named(key)));
        });

    [Theory]
    [InlineData("la poste\u001FNLa Poste\u001E", true)]
    [InlineData("", true)]
    [InlineData("la poste\u001FNLa Poste", false)]
    [InlineData("la poste\u001FXLa Poste\u001E", false)]
    [InlineData("la poste\u001FN\u001E", false)]
    [InlineData("\u001FNLa Poste\u001E", false)]
    [InlineData("la poste\u001FNLa Poste\u001Eademe\u001FAADEME\u001E", false)]
    public void A_stored_table_is_read_only_when_whole_and_sorted(string stored, bool read) =>
        Assert.Equal(read, OrganisationKeys.Read(stored) is not null);

    [Fact]
    public void A_build_stores_the_table_a_site_would_make_and_the_site_reads_it()
    {
        using var lease = fixture.Index.Acquire();
        var reader = lease.Snapshot.Reader;
        var made = OrganisationKeys.Of(OrganisationKeys.NamesOf(reader));

        Assert.NotEqual(0, made.Count);
        Assert.Equal(made.Write(), reader.IndexCommit.UserData[CaseStudySchema.OrganisationKeysCommitKey]);
        Assert.Equal(made.Write(), OrganisationKeys.Of(reader).Write());
    }

    [Fact]
    public void Several_segments_give_the_names_in_the_order_of_the_segment_merged_from_them()
    {
        // A build reads the names from its flushed segments while they are merged: each name once, in its bytes' order.
        using var directory = new RAMDirectory();
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, analyzer));
        foreach (var segment in new[] { new[] { "Ville de Lille", "Zèbre Solidaire" }, ["VILLE DE LILLE", "Ville de Lille"], ["Association Alpha"] })
        {
            var document = new Lucene.Net.Documents.Document();
            foreach (var name in segment)
            {
                document.Add(new Lucene.Net.Documents.SortedSetDocValuesField(CaseStudySchema.OrganisationNames, new Lucene.Net.Util.BytesRef(name)));
            }
            writer.AddDocument(document);
            writer.Commit();
        }
        using var several = DirectoryReader.Open(directory);
        var names = OrganisationKeys.NamesOf(several).ToList();
        writer.ForceMerge(1);
        writer.Commit();
        using var merged = DirectoryReader.Open(directory);

        Assert.Equal(3, several.Leaves.Count);
        Assert.Equal(["Association Alpha", "VILLE DE LILLE", "Ville de Lille", "Zèbre Solidaire"], names);
        Assert.Equal(OrganisationKeys.NamesOf(merged), names);
    }

    [Fact]
    public void An_index_built_before_the_keys_were_stored_makes_them_from_its_names_and_a_stored_table_is_what_is_read()
    {
        using var lease = fixture.Index.Acquire();
        using var copy = new TempFolder();
        foreach (var file in System.IO.Directory.GetFiles(lease.Snapshot.Version.LuceneFolder))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }
        var stored = lease.Snapshot.Reader.IndexCommit.UserData;

        Assert.Equal(stored[CaseStudySchema.OrganisationKeysCommitKey], Recommitted(copy.Path, []));
        // A table of its own, stored, is what is read: not made again from the names.
        var table = OrganisationKeys.Of(["Une autre organisation (UAO)"]).Write();
        Assert.Equal(table, Recommitted(copy.Path, new() { [CaseStudySchema.OrganisationKeysCommitKey] = table }));
    }

    /// <summary>The table read from the index's documents committed again with <paramref name="data"/> for the commit's data.</summary>
    private static string Recommitted(string folder, Dictionary<string, string> data)
    {
        using (var directory = FSDirectory.Open(folder))
        using (var analyzer = CaseStudySchema.CreateAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, analyzer) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(data);
            writer.Commit();
        }
        using var reopened = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(reopened);
        Assert.Equal(data.Keys, reader.IndexCommit.UserData.Keys);
        return OrganisationKeys.Of(reader).Write();
    }
}
