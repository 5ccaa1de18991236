using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>stats</c>: number of cases and cases per facet value, zeros included (coverage).</summary>
internal sealed class StatsCommand : ICommand
{
    public string Name => "stats";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string> { ["--index"] = "Index:Path" };

    public string Help => """
        Usage: ImpactAlliances.Indexer stats [--index <dir>]

        Prints the number of cases in the served index, then for each facet the number of cases per value,
        values with no case included.

          --index <dir>     index folder (default: index, or the Index:Path setting)

        Exit codes: 0 printed, 1 no index, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var index = services.GetRequiredService<CaseStudyIndex>();
        try
        {
            using var lease = index.Acquire();
            var result = services.GetRequiredService<ICaseStudySearch>().Search(new SearchRequest { Size = 1 });
            output.WriteLine($"{result.Total} cases (index {lease.Snapshot.Version.Name}, built {lease.Snapshot.Manifest.BuiltAt:yyyy-MM-dd HH:mm} UTC)");
            foreach (var facet in result.Facets)
            {
                var taxonomy = lease.Snapshot.Taxonomy[facet.Key];
                var covered = facet.Values.Count(v => v.Count > 0);
                output.WriteLine();
                output.WriteLine($"{facet.Key}: {covered} of {taxonomy.Values.Count} values used");
                foreach (var value in taxonomy.Values)
                {
                    var count = facet.Values.FirstOrDefault(v => v.Value == value.Slug)?.Count ?? 0;
                    output.WriteLine($"  {count,5}  {value.Slug}");
                }
            }
            return IndexerCommands.Ok;
        }
        catch (IndexUnavailableException ex)
        {
            error.WriteLine(ex.Message);
            return IndexerCommands.Failed;
        }
        finally
        {
            index.Dispose();
        }
    }
}
