using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>generate</c>: a synthetic corpus for benchmarks, never inside the content folder.</summary>
internal sealed class GenerateCommand : IndexerCommand
{
    private readonly Option<int> _count = new("--count")
    {
        HelpName = "N",
        Description = "nombre de cas (1 à 1 000 000)",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => Integer(result, NumberStyles.None, 1, 1_000_000, "un nombre de cas de 1 à 1 000 000"),
    };

    private readonly Option<int> _seed = new("--seed")
    {
        HelpName = "S",
        Description = "graine du tirage (par défaut : 42)",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => 42,
        CustomParser = result => Integer(result, NumberStyles.AllowLeadingSign, int.MinValue, int.MaxValue, "une graine entière"),
    };

    private readonly Option<string> _out = Text("--out", Folder, "où écrire ; créé s'il manque");

    public GenerateCommand() : base("generate", "écrit un corpus synthétique pour les mesures")
    {
        AddRequired(_count);
        AddRequired(_out);
        Add(_seed);
        Add(Content("dossier du contenu dont la taxonomie sert (par défaut : content)"));
    }

    public override string Details => """
        Écrit N cas synthétiques dans <dossier>/cases et la taxonomie du contenu dans <dossier>/taxonomy.yml, pour
        que <dossier> se vérifie, se construise et se mesure comme un dossier de contenu. Même graine, mêmes octets.
        Les cas synthétiques servent aux mesures et aux tests seulement : la commande refuse d'écrire dans le
        dossier du contenu.
        """;

    public override string ExitCodes => "0 écrit, 1 refusé, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var count = parsed.GetValue(_count);
        var seed = parsed.GetValue(_seed);
        var contentPath = Path.GetFullPath(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.ContentPath);
        var outPath = Path.GetFullPath(parsed.GetRequiredValue(_out));
        if (IsInside(outPath, contentPath) || IsInside(contentPath, outPath))
        {
            error.WriteLine($"Refusé : les cas synthétiques n'ont pas leur place dans le dossier du contenu ({contentPath}) ; choisissez un autre --out.");
            return IndexerCommands.Failed;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            CorpusGenerator.Write(outPath, count, seed, Path.Combine(contentPath, ContentLoader.TaxonomyFile),
                new Progress<int>(n => error.WriteLine($"  {n} / {count} cas écrits")));
        }
        catch (InvalidDataException ex)
        {
            // The taxonomy the cases are drawn from is missing or invalid: its diagnostics say where.
            error.WriteLine(ex.Message);
            error.WriteLine("Donnez le dossier du contenu avec --content (par défaut : content, depuis la racine du dépôt).");
            return IndexerCommands.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Écriture impossible dans {outPath} : {ex.Message}");
            return IndexerCommands.Failed;
        }
        output.WriteLine(string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{count} cas synthétiques écrits (graine {seed}) dans {outPath} en {clock.Elapsed.TotalSeconds:0.0} s"));
        return IndexerCommands.Ok;
    }

    /// <summary>The option's (last) value as an integer within bounds, or a parse error that says what was expected.</summary>
    private static int Integer(ArgumentResult result, NumberStyles styles, int min, int max, string expected)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(token, styles, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"L'option {((OptionResult)result.Parent!).Option.Name} attend {expected}, pas « {token} ».");
        return 0;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
