using System.CommandLine;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>release</c>: a dated open-data release of the served index (JSON Lines, CSV, Parquet, taxonomy, schema, checksums).</summary>
internal sealed class ReleaseCommand : IndexerCommand
{
    private readonly Option<string> _out = Text("--out", Folder, "dossier des publications, par exemple le réglage Releases:Path du site (créé s'il manque)");

    public ReleaseCommand() : base("release", "écrit une publication datée des données ouvertes de l'index")
    {
        AddRequired(_out);
        Add(Index());
        Add(Content("dossier de contenu, pour sa LICENSE (par défaut : content, ou le réglage Content:Path)"));
    }

    public override string Details => """
        Écrit <dossier>/impact-alliances-<AAAA-MM-JJ>/ : chaque cas de l'index servi en JSON Lines, CSV et
        Parquet, la taxonomie, la licence du contenu, schema.md, manifest.json (date, commit du contenu,
        nombres, taille et SHA-256 de chaque fichier) et SHA256SUMS (à vérifier par sha256sum -c SHA256SUMS).
        Un même commit du contenu donne les mêmes fichiers ; seule la date du manifeste change. Construisez
        l'index d'abord.
        """;

    public override string ExitCodes => """
        0 écrit, 1 pas d'index, pas de licence du contenu ou publication du jour déjà là,
        2 arguments incorrects.
        """;

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var outPath = parsed.GetRequiredValue(_out);
        var licence = Path.Combine(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.ContentPath, "LICENSE");
        if (!File.Exists(licence))
        {
            error.WriteLine($"{licence} : licence du contenu introuvable ; une publication indique la licence de son contenu.");
            return IndexerCommands.Failed;
        }
        var date = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var target = Path.Combine(Path.GetFullPath(outPath), ReleaseWriter.FolderName(date));
        if (Directory.Exists(target))
        {
            error.WriteLine($"{target} existe déjà : supprimez-le pour refaire la publication du jour.");
            return IndexerCommands.Failed;
        }
        using var index = services.GetRequiredService<CaseStudyIndex>();
        if (!IndexerCommands.TryAcquire(index, error, out var lease))
        {
            return IndexerCommands.Failed;
        }
        using var _ = lease;
        // Written beside its final place, then moved in: a reader never sees half a release.
        var partial = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(outPath), $".{Path.GetFileName(target)}-{Guid.NewGuid():N}")).FullName;
        try
        {
            var manifest = ReleaseWriter.WriteAsync(lease.Snapshot, licence, partial, date).GetAwaiter().GetResult();
            Directory.Move(partial, target);
            output.WriteLine($"{manifest.Cases} cas publiés (commit du contenu {manifest.ContentCommit ?? "inconnu"}) dans {target}");
            return IndexerCommands.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Publication échouée : {ex.Message}");
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
