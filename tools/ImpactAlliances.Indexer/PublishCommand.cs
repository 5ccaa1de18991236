using System.CommandLine;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>publish</c>: pack the served index version as an artifact that sites with <c>Index:Source</c> fetch.</summary>
internal sealed class PublishCommand : IndexerCommand
{
    private readonly Option<string> _to = Text("--to", Folder, "dossier de publication (un volume partagé, ou la racine d'un serveur de fichiers)");

    public PublishCommand() : base("publish", "empaquette l'index servi en artefact vérifiable pour d'autres sites")
    {
        AddRequired(_to);
        Add(Index());
    }

    public override string Details => """
        Copie la version que sert <index> dans <dossier>/<version>/ avec artifact.json (taille et SHA-256 de
        chaque fichier), puis fait pointer <dossier>/current vers elle. Les sites dont Index:Source est
        <dossier>, ou une adresse http(s) qui le sert, la téléchargent, la vérifient et passent à elle. Une
        version n'est jamais réécrite : la publier de nouveau fait seulement pointer current vers elle. Les
        deux artefacts précédents sont gardés, les plus anciens supprimés.
        """;

    public override string ExitCodes => "0 publié, 1 pas d'index ou dossier impossible à écrire, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var store = services.GetRequiredService<IndexStore>();
        try
        {
            // Where the user stands, like every folder the tool writes (generate --out, release --out).
            var folder = Path.GetFullPath(parsed.GetRequiredValue(_to));
            var artifact = IndexArtifact.Publish(store, folder);
            output.WriteLine($"Index {artifact.Version} publié dans {folder} ({artifact.Files.Count} fichiers, {artifact.Files.Sum(f => f.Size) / 1024} Kio)");
            return IndexerCommands.Ok;
        }
        catch (IndexUnavailableException)
        {
            error.WriteLine(IndexerCommands.NoIndex(store.Root));
            return IndexerCommands.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"Publication impossible : {ex.Message}");
            return IndexerCommands.Failed;
        }
    }
}
