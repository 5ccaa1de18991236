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
        Usage : ImpactAlliances.Indexer build [--content <dossier>] [--index <dossier>]

        Vérifie le contenu en construisant l'index dans un nouveau dossier sous <index>, puis le met en
        service d'un coup. Si la vérification ou la construction échoue, l'index en place reste servi, intact.

          --content <dossier>   dossier du contenu (par défaut : content, ou le réglage Content:Path)
          --index <dossier>     dossier de l'index (par défaut : index, ou le réglage Index:Path)

        Codes de sortie : 0 construit, 1 contenu invalide ou construction échouée, 2 arguments incorrects.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
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
            error.WriteLine($"Construction échouée : {ex.Message} L'index en place n'a pas changé.");
            return IndexerCommands.Failed;
        }
    }
}
