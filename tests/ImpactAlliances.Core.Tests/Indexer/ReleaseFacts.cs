using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CsvHelper;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Indexer;
using Parquet.Serialization;

namespace ImpactAlliances.Core.Tests.Indexer;

/// <summary>The <c>release</c> command on the fixture content in a git repository: every file read back and checked.</summary>
public sealed class ReleaseFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _content;
    private readonly string _index;
    private readonly string _out;

    public ReleaseFacts()
    {
        _content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        _index = Path.Combine(_folder.Path, "index");
        _out = Path.Combine(_folder.Path, "releases");
        TestGit.Run(_folder.Path, "init", "-q");
        TestGit.Run(_folder.Path, "add", "content");
        TestGit.Run(_folder.Path, "commit", "-q", "-m", "Ajout des cas");
    }

    private static IEnumerable<FixtureCase> Expected => FixtureCorpus.Cases.OrderBy(c => c.Slug, StringComparer.Ordinal);

    [Fact]
    public async Task A_release_holds_every_case_in_each_format_with_its_commit_counts_and_checksums()
    {
        var folder = await Release(_out);

        var manifest = ReleaseManifest.TryRead(folder)!;
        Assert.Equal(TestGit.Run(_folder.Path, "rev-parse", "HEAD").Trim(), manifest.ContentCommit);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), manifest.ReleaseDate);
        Assert.Equal(FixtureCorpus.Cases.Count, manifest.Cases);
        Assert.Equal(FixtureCorpus.Cases.Count, manifest.CasesByStatus["publie"]);
        Assert.Equal("CC-BY-4.0", manifest.Licence);
        Assert.Equal(["LICENSE", "cases.csv", "cases.jsonl", "cases.parquet", "schema.md", "taxonomy.yml"], manifest.Files.Select(f => f.Name));
        Assert.All(manifest.Files.Where(f => f.Name.StartsWith("cases.", StringComparison.Ordinal)), f => Assert.Equal(FixtureCorpus.Cases.Count, f.Rows));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_content, "taxonomy.yml")), File.ReadAllBytes(Path.Combine(folder, "taxonomy.yml")));
        Assert.Contains("Creative Commons Attribution 4.0 International", File.ReadAllText(Path.Combine(folder, "LICENSE")));

        var committed = DateOnly.Parse(TestGit.Run(_folder.Path, "log", "-1", "--format=%as").Trim(), CultureInfo.InvariantCulture);
        var jsonl = File.ReadAllLines(Path.Combine(folder, "cases.jsonl")).Select(l => JsonSerializer.Deserialize<ReleaseRecord>(l)!).ToList();
        Assert.Equal(Expected.Select(c => c.Slug), jsonl.Select(r => r.Slug));
        foreach (var (record, expected) in jsonl.Zip(Expected))
        {
            Assert.Equal(expected.Title, record.Title);
            Assert.Equal(expected.Domains, record.Domains);
            Assert.Equal(expected.Regions, record.Regions);
            Assert.Equal(expected.Organisations.Select(o => o.Name), record.Organisations);
            Assert.Equal(expected.Organisations.Select(o => o.Actor), record.OrganisationActors);
            Assert.Equal(expected.Type, record.PartnershipType);
            Assert.Equal(expected.Year, record.Year);
            // The last commit that changed the file, later than any date the fixture gives.
            Assert.Equal(committed, record.Updated);
            Assert.Contains(expected.Body, record.Body, StringComparison.Ordinal);
        }

        await using (var parquet = File.OpenRead(Path.Combine(folder, "cases.parquet")))
        {
            var rows = await ParquetSerializer.DeserializeAsync<ReleaseRecord>(parquet);
            Assert.Equal(ReleaseRecord.Columns.Select(c => c.Name), rows.Schema.Fields.Select(f => f.Name));
            Assert.IsType<Parquet.Schema.ListField>(rows.Schema.Fields.Single(f => f.Name == "domains"));
            Assert.Equal(typeof(int), Assert.IsType<Parquet.Schema.DataField>(rows.Schema.Fields.Single(f => f.Name == "year")).ClrType);
            Assert.Equal(jsonl.Select(Json), rows.Data.Select(Json));
        }

        using var reader = new StreamReader(Path.Combine(folder, "cases.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.Equal(ReleaseRecord.Columns.Select(c => c.Name), csv.HeaderRecord);
        var csvRows = 0;
        foreach (var record in jsonl)
        {
            Assert.True(await csv.ReadAsync());
            csvRows++;
            Assert.Equal(record.Slug, csv.GetField("slug"));
            Assert.Equal(record.Title, csv.GetField("title"));
            Assert.Equal(record.Domains, csv.GetField("domains")!.Split(ReleaseRecord.CsvListSeparator));
            Assert.Equal(record.Year?.ToString(CultureInfo.InvariantCulture) ?? "", csv.GetField("year"));
            Assert.Equal(record.Body, csv.GetField("body"));
        }
        Assert.False(await csv.ReadAsync());
        Assert.Equal(FixtureCorpus.Cases.Count, csvRows);

        var schema = File.ReadAllText(Path.Combine(folder, "schema.md"));
        Assert.All(ReleaseRecord.Columns, c => Assert.Contains($"| `{c.Name}` |", schema));
        Assert.Contains(manifest.ContentCommit!, schema);
    }

    [Fact]
    public async Task The_checksums_verify_and_sha256sum_accepts_them()
    {
        var folder = await Release(_out);
        var manifest = ReleaseManifest.TryRead(folder)!;

        foreach (var file in manifest.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file.Name));
            Assert.Equal(file.Bytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        var sums = File.ReadAllLines(Path.Combine(folder, "SHA256SUMS"));
        Assert.Equal(manifest.Files.Count + 1, sums.Length);
        Assert.Contains(sums, l => l.EndsWith("  manifest.json", StringComparison.Ordinal));

        var check = Process.Start(new ProcessStartInfo("sha256sum", ["-c", "SHA256SUMS"]) { WorkingDirectory = folder, RedirectStandardOutput = true })!;
        var output = await check.StandardOutput.ReadToEndAsync();
        await check.WaitForExitAsync();
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(manifest.Files.Count + 1, output.Split('\n').Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));

        File.AppendAllText(Path.Combine(folder, "cases.csv"), "x");
        var broken = Process.Start(new ProcessStartInfo("sha256sum", ["-c", "--quiet", "SHA256SUMS"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await broken.WaitForExitAsync();
        Assert.NotEqual(0, broken.ExitCode);
    }

    [Fact]
    public async Task The_same_commit_gives_the_same_bytes()
    {
        var first = await Release(_out);
        // A new index version of the same commit, released elsewhere.
        await Run("build", "--content", _content, "--index", _index);
        var second = await Release(Path.Combine(_folder.Path, "again"));

        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(File.ReadAllBytes(Path.Combine(first, name!)), File.ReadAllBytes(Path.Combine(second, name!))));
    }

    [Fact]
    public async Task Release_needs_out_an_index_and_a_new_day()
    {
        Assert.Equal(IndexerCommands.BadArguments, (await Run("release", "--index", _index)).Code);
        var (noIndex, _, noIndexError) = await Run("release", "--index", _index, "--content", _content, "--out", _out);
        Assert.Equal(IndexerCommands.Failed, noIndex);
        Assert.Contains("Aucun index", noIndexError);

        var folder = await Release(_out);
        var (again, _, againError) = await Run("release", "--index", _index, "--content", _content, "--out", _out);
        Assert.Equal(IndexerCommands.Failed, again);
        Assert.Contains("existe déjà", againError);
        Assert.Equal([Path.GetFileName(folder)], Directory.GetFileSystemEntries(_out).Select(Path.GetFileName));
    }

    /// <summary>Builds the index if needed and releases it into <paramref name="out"/>; returns the release folder.</summary>
    private async Task<string> Release(string @out)
    {
        if (!Directory.Exists(_index))
        {
            Assert.Equal(IndexerCommands.Ok, (await Run("build", "--content", _content, "--index", _index)).Code);
        }
        var (code, output, error) = await Run("release", "--index", _index, "--content", _content, "--out", @out);
        Assert.True(code == IndexerCommands.Ok, error);
        Assert.Contains($"{FixtureCorpus.Cases.Count} cas publiés", output);
        return Assert.Single(Directory.GetDirectories(@out));
    }

    private static string Json(ReleaseRecord record) => JsonSerializer.Serialize(record);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IndexerCommands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
