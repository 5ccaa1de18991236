using ImpactAlliances.Core;
using ImpactAlliances.Core.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Indexer;

/// <summary>The indexer's command line: parses arguments, runs one command, returns its exit code.</summary>
public static class IndexerCommands
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The content is invalid or the build failed.</summary>
    public const int Failed = 1;
    /// <summary>The arguments are wrong.</summary>
    public const int BadArguments = 2;

    /// <summary>What stats and release say when no index has been built yet.</summary>
    internal static string NoIndex(string root) => $"Aucun index dans {root} : construisez-le avec la commande build.";

    private static readonly IReadOnlyList<ICommand> Commands = [new ValidateCommand(), new BuildCommand(), new PublishCommand(), new StatsCommand(), new NewCommand(), new RelevanceCommand(), new GenerateCommand(), new ReleaseCommand()];

    private const string Usage = """
        Usage : ImpactAlliances.Indexer <commande> [options]

        Commandes :
          validate   vérifie chaque cas et la taxonomie ; écrit chaque problème sous la forme chemin:ligne: message
          build      vérifie, puis construit un nouvel index et le met en service d'un coup
          publish    empaquette l'index servi en artefact vérifiable pour d'autres sites : publish --to <dossier>
          stats      nombre de cas, et de cas par valeur de chaque facette, dans un index
          new        crée un cas à partir de content/_template.md : new "Titre du cas"
          relevance  nDCG@10 et MRR de la recherche sur les requêtes jugées de tests/relevance
          generate   écrit un corpus synthétique pour les mesures : generate --count N --out <dossier> [--seed S]
          release    écrit une publication datée des données ouvertes de l'index : release --out <dossier>

        « ImpactAlliances.Indexer <commande> --help » donne les options d'une commande.
        Codes de sortie : 0 succès, 1 contenu invalide ou construction échouée, 2 arguments incorrects.
        """;

    /// <summary>Runs the command named by <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? error : output).WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? BadArguments : Ok);
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"Commande inconnue : {args[0]}{Suggestions.Hint(args[0], Commands.Select(c => c.Name))}");
            error.WriteLine(Usage);
            return Task.FromResult(BadArguments);
        }
        var parsed = CommandArguments.Parse(args[1..], command.Options, command.Positionals);
        if (parsed.Help)
        {
            output.WriteLine(command.Help);
            return Task.FromResult(Ok);
        }
        if (parsed.Error is { } problem)
        {
            error.WriteLine(problem);
            error.WriteLine(command.Help);
            return Task.FromResult(BadArguments);
        }
        using var services = BuildServices(parsed.Values);
        return Task.FromResult(command.Run(services, parsed.Positionals, output, error));
    }

    private static ServiceProvider BuildServices(IReadOnlyDictionary<string, string> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddCaseStudySearch(configuration)
            .BuildServiceProvider();
    }
}

/// <summary>One subcommand.</summary>
internal interface ICommand
{
    string Name { get; }
    /// <summary>Accepted options, mapped to configuration keys.</summary>
    IReadOnlyDictionary<string, string> Options { get; }
    /// <summary>How many arguments that are not options it takes.</summary>
    int Positionals => 0;
    string Help { get; }
    int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error);
}
