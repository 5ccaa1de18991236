using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>release</c>: a dated open-data release of the served index (JSON Lines, CSV, Parquet, taxonomy, schema, checksums).</summary>
internal sealed class ReleaseCommand : ICommand
{
    public string Name => "release";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>
    {
        ["--out"] = "Release:Out",
        ["--index"] = "Index:Path",
        ["--content"] = "Content:Path",
    };

    public string Help => """
        Usage: ImpactAlliances.Indexer release --out <dir> [--index <dir>] [--content <dir>]

        Writes <dir>/impact-alliances-<YYYY-MM-DD>/ with every case of the served index as JSON Lines, CSV and
        Parquet, the taxonomy, the content licence, schema.md, manifest.json (date, content commit, counts,
        size and SHA-256 of each file) and SHA256SUMS (check with: sha256sum -c SHA256SUMS). The same content
        commit gives the same files; only the manifest's date changes. Build the index first.

          --out <dir>       folder of the releases, e.g. the site's Releases:Path (created if missing)
          --index <dir>     index folder (default: index, or the Index:Path setting)
          --content <dir>   content folder, for its LICENSE (default: content, or the Content:Path setting)

        Exit codes: 0 written, 1 no index, no content licence or a release of that day already there,
        2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (services.GetRequiredService<IConfiguration>()["Release:Out"] is not { Length: > 0 } outPath)
        {
            error.WriteLine("Option '--out' is required.");
            error.WriteLine(Help);
            return IndexerCommands.BadArguments;
        }
        var licence = Path.Combine(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.ContentPath, "LICENSE");
        if (!File.Exists(licence))
        {
            error.WriteLine($"{licence}: no content licence; a release states the licence of its content.");
            return IndexerCommands.Failed;
        }
        var date = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var target = Path.Combine(Path.GetFullPath(outPath), ReleaseWriter.FolderName(date));
        if (Directory.Exists(target))
        {
            error.WriteLine($"{target} already exists: remove it to make today's release again.");
            return IndexerCommands.Failed;
        }
        using var index = services.GetRequiredService<CaseStudyIndex>();
        // Written beside its final place, then moved in: a reader never sees half a release.
        var partial = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(outPath), $".{Path.GetFileName(target)}-{Guid.NewGuid():N}")).FullName;
        try
        {
            using var lease = index.Acquire();
            var manifest = ReleaseWriter.WriteAsync(lease.Snapshot, licence, partial, date).GetAwaiter().GetResult();
            Directory.Move(partial, target);
            output.WriteLine($"Released {manifest.Cases} cases (content commit {manifest.ContentCommit ?? "unknown"}) into {target}");
            return IndexerCommands.Ok;
        }
        catch (IndexUnavailableException ex)
        {
            error.WriteLine(ex.Message);
            return IndexerCommands.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Release failed: {ex.Message}");
            return IndexerCommands.Failed;
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }
}
