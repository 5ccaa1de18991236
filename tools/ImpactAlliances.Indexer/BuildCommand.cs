using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>build</c>: validate, then write a new index version and switch it in.</summary>
internal sealed class BuildCommand : ICommand
{
    public string Name => "build";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>
    {
        ["--content"] = "Content:Path",
        ["--index"] = "Index:Path",
    };

    public string Help => """
        Usage: ImpactAlliances.Indexer build [--content <dir>] [--index <dir>]

        Validates the content while building the index into a new folder below <index>, then switches it in
        atomically. If validation or the build fails, the index that was there stays untouched and served.

          --content <dir>   content folder (default: content, or the Content:Path setting)
          --index <dir>     index folder (default: index, or the Index:Path setting)

        Exit codes: 0 built, 1 invalid content or failed build, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var indexer = services.GetRequiredService<ContentIndexer>();
        try
        {
            // One streaming pass validates and indexes; on any error the new index is discarded.
            var progress = new Progress<int>(n => error.WriteLine($"  {n} cases indexed"));
            var (report, scan) = indexer.Build(requireValid: true, progress);
            ValidateCommand.Report(scan.Diagnostics, report?.Cases ?? 0, scan.IsValid, output, error);
            if (report is null)
            {
                error.WriteLine("Build stopped: fix the errors above. The existing index was not changed.");
                return IndexerCommands.Failed;
            }
            output.WriteLine($"Indexed {report.Cases} cases in {report.Elapsed.TotalSeconds:0.00} s into {report.Version.Folder}");
            return IndexerCommands.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Build failed: {ex.Message}. The existing index was not changed.");
            return IndexerCommands.Failed;
        }
    }
}
