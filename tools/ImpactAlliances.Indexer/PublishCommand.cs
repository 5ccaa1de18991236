using ImpactAlliances.Core;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>publish</c>: pack the served index version as an artifact that sites with <c>Index:Source</c> fetch.</summary>
internal sealed class PublishCommand : ICommand
{
    public string Name => "publish";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>
    {
        ["--index"] = "Index:Path",
        ["--to"] = "Publish:To",
    };

    public string Help => """
        Usage: ImpactAlliances.Indexer publish --to <folder> [--index <dir>]

        Copies the version <index> serves into <folder>/<version>/ with artifact.json (each file's size and
        SHA-256), then points <folder>/current at it. Sites whose Index:Source is <folder>, or an http(s)
        address serving it, download it, check it and switch to it. A version is never rewritten: publishing
        it again only points current back at it. The two previous artifacts are kept, older ones removed.

          --to <folder>     publish folder (a shared volume, or the root of a static file server)
          --index <dir>     index folder (default: index, or the Index:Path setting)

        Exit codes: 0 published, 1 no index or the folder could not be written, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (services.GetRequiredService<IConfiguration>()["Publish:To"] is not { Length: > 0 } to)
        {
            error.WriteLine("Option '--to' is required.");
            error.WriteLine(Help);
            return IndexerCommands.BadArguments;
        }
        try
        {
            var folder = RepositoryPaths.Resolve(to);
            Directory.CreateDirectory(folder);
            var artifact = IndexArtifact.Publish(services.GetRequiredService<IndexStore>(), folder);
            output.WriteLine($"Published index {artifact.Version} ({artifact.Files.Count} files, {artifact.Files.Sum(f => f.Size) / 1024} KiB) to {folder}");
            return IndexerCommands.Ok;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"Publish failed: {ex.Message}");
            return IndexerCommands.Failed;
        }
    }
}
