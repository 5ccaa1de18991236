using ImpactAlliances.Core;
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

    private static readonly IReadOnlyList<ICommand> Commands = [new ValidateCommand(), new BuildCommand(), new PublishCommand(), new StatsCommand(), new NewCommand(), new RelevanceCommand(), new GenerateCommand(), new ReleaseCommand()];

    private const string Usage = """
        Usage: ImpactAlliances.Indexer <command> [options]

        Commands:
          validate   check every case file and the taxonomy; list every problem as path:line: message
          build      validate, then build a new index and switch it in atomically
          publish    pack the served index as a checksummed artifact for other sites: publish --to <folder>
          stats      number of cases and cases per facet value in an index
          new        create a case file from content/_template.md: new "Titre du cas"
          relevance  nDCG@10 and MRR of the search against the judged queries of tests/relevance
          generate   write a synthetic corpus for benchmarks: generate --count N --out <dir> [--seed S]
          release    write a dated open-data release of the index: release --out <dir>

        Run 'ImpactAlliances.Indexer <command> --help' for a command's options.
        Exit codes: 0 success, 1 invalid content or failed build, 2 bad arguments.
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
            error.WriteLine($"Unknown command '{args[0]}'.");
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
