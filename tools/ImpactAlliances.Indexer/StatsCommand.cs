using System.CommandLine;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>stats</c>: number of cases and cases per facet value, zeros included (coverage).</summary>
internal sealed class StatsCommand : IndexerCommand
{
    public StatsCommand() : base("stats", "nombre de cas, et de cas par valeur de chaque facette, dans un index") => Add(Index());

    public override string Details => """
        Écrit le nombre de cas de l'index servi, puis pour chaque facette le nombre de cas par valeur,
        valeurs sans cas comprises.
        """;

    public override string ExitCodes => "0 écrit, 1 pas d'index ou index illisible, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        using var index = services.GetRequiredService<CaseStudyIndex>();
        if (!IndexerCommands.TryAcquire(index, error, out var lease))
        {
            return IndexerCommands.Failed;
        }
        using (lease)
        {
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
    }
}
