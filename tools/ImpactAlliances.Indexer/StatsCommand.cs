using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>stats</c>: number of cases and cases per facet value, zeros included (coverage).</summary>
internal sealed class StatsCommand : ICommand
{
    public string Name => "stats";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string> { ["--index"] = "Index:Path" };

    public string Help => """
        Usage : ImpactAlliances.Indexer stats [--index <dossier>]

        Écrit le nombre de cas de l'index servi, puis pour chaque facette le nombre de cas par valeur,
        valeurs sans cas comprises.

          --index <dossier>     dossier de l'index (par défaut : index, ou le réglage Index:Path)

        Codes de sortie : 0 écrit, 1 pas d'index, 2 arguments incorrects.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var index = services.GetRequiredService<CaseStudyIndex>();
        try
        {
            using var lease = index.Acquire();
            var result = services.GetRequiredService<ICaseStudySearch>().Search(new SearchRequest { Size = 1 });
            output.WriteLine($"{result.Total} cas (index {lease.Snapshot.Version.Name}, construit le {lease.Snapshot.Manifest.BuiltAt:yyyy-MM-dd HH:mm} UTC)");
            foreach (var facet in result.Facets)
            {
                var taxonomy = lease.Snapshot.Taxonomy[facet.Key];
                var covered = facet.Values.Count(v => v.Count > 0);
                output.WriteLine();
                output.WriteLine($"{facet.Key} : {covered} valeurs utilisées sur {taxonomy.Values.Count}");
                foreach (var value in taxonomy.Values)
                {
                    var count = facet.Values.FirstOrDefault(v => v.Value == value.Slug)?.Count ?? 0;
                    output.WriteLine($"  {count,5}  {value.Slug}");
                }
            }
            return IndexerCommands.Ok;
        }
        catch (IndexUnavailableException)
        {
            error.WriteLine(IndexerCommands.NoIndex(index.Store.Root));
            return IndexerCommands.Failed;
        }
        finally
        {
            index.Dispose();
        }
    }
}
