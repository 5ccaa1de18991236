using System.CommandLine;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>build</c>: validate, then write a new index version and switch it in.</summary>
internal sealed class BuildCommand : IndexerCommand
{
    public BuildCommand() : base("build", "vérifie, puis construit un nouvel index et le met en service d'un coup")
    {
        Add(Content());
        Add(Index());
    }

    public override string Details => """
        Vérifie le contenu en construisant l'index dans un nouveau dossier sous <index>, puis le met en
        service d'un coup. Si la vérification ou la construction échoue, l'index en place reste servi, intact.
        """;

    public override string ExitCodes => "0 construit, 1 contenu invalide ou construction échouée, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var indexer = services.GetRequiredService<ContentIndexer>();
        try
        {
            // One streaming pass validates and indexes; on any error the new index is discarded.
            var progress = new Progress<int>(n => error.WriteLine($"  {n} cas indexés"));
            var (report, scan) = indexer.Build(requireValid: true, progress);
            ValidateCommand.Report(scan.Diagnostics, report?.Cases ?? 0, scan.IsValid, output, error);
            if (report is null)
            {
                error.WriteLine("Construction arrêtée : corrigez les erreurs ci-dessus. L'index en place n'a pas changé.");
                return IndexerCommands.Failed;
            }
            output.WriteLine($"{report.Cases} cas indexés en {report.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} s dans {report.Version.Folder}");
            return IndexerCommands.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The system's message is in English and may name a file inside the folder: the folder is said first.
            var folder = services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.IndexPath;
            error.WriteLine($"Construction échouée : lecture ou écriture impossible dans le dossier de l'index {folder}. L'index en place n'a pas changé. Détail : {ex.Message}");
            return IndexerCommands.Failed;
        }
    }
}
