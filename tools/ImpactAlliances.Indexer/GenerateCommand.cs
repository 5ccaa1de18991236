using System.Diagnostics;
using System.Globalization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>generate</c>: a synthetic corpus for benchmarks, never inside the content folder.</summary>
internal sealed class GenerateCommand : ICommand
{
    public string Name => "generate";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>
    {
        ["--count"] = "Generate:Count",
        ["--out"] = "Generate:Out",
        ["--seed"] = "Generate:Seed",
        ["--content"] = "Content:Path",
    };

    public string Help => """
        Usage : ImpactAlliances.Indexer generate --count <N> --out <dossier> [--seed <S>] [--content <dossier>]

        Écrit N cas synthétiques dans <dossier>/cases et la taxonomie du contenu dans <dossier>/taxonomy.yml, pour
        que <dossier> se vérifie, se construise et se mesure comme un dossier de contenu. Même graine, mêmes octets.
        Les cas synthétiques servent aux mesures et aux tests seulement : la commande refuse d'écrire dans le
        dossier du contenu.

          --count <N>           nombre de cas (1 à 1 000 000)
          --out <dossier>       où écrire ; créé s'il manque
          --seed <S>            graine du tirage (par défaut : 42)
          --content <dossier>   dossier du contenu dont la taxonomie sert (par défaut : content)

        Codes de sortie : 0 écrit, 1 refusé, 2 arguments incorrects.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var configuration = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        if (!int.TryParse(configuration["Generate:Count"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000
            || configuration["Generate:Out"] is not { Length: > 0 } outArgument
            || !int.TryParse(configuration["Generate:Seed"] ?? "42", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            error.WriteLine("Donnez --count (1 à 1 000 000), --out et, si vous voulez, une graine --seed numérique.");
            error.WriteLine(Help);
            return IndexerCommands.BadArguments;
        }
        var contentPath = Path.GetFullPath(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.ContentPath);
        var outPath = Path.GetFullPath(outArgument);
        if (IsInside(outPath, contentPath) || IsInside(contentPath, outPath))
        {
            error.WriteLine($"Refusé : les cas synthétiques n'ont pas leur place dans le dossier du contenu ({contentPath}) ; choisissez un autre --out.");
            return IndexerCommands.Failed;
        }
        var clock = Stopwatch.StartNew();
        CorpusGenerator.Write(outPath, count, seed, Path.Combine(contentPath, ContentLoader.TaxonomyFile),
            new Progress<int>(n => error.WriteLine($"  {n} / {count} cas écrits")));
        output.WriteLine(string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{count} cas synthétiques écrits (graine {seed}) dans {outPath} en {clock.Elapsed.TotalSeconds:0.0} s"));
        return IndexerCommands.Ok;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
