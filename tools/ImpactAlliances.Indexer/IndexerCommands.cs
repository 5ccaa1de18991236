using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using ImpactAlliances.Core;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Indexer;

/// <summary>The indexer's command line: parses arguments with System.CommandLine, runs one command, returns its exit code.</summary>
public static class IndexerCommands
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The content is invalid or the build failed.</summary>
    public const int Failed = 1;
    /// <summary>The arguments are wrong.</summary>
    public const int BadArguments = 2;

    /// <summary>The name the help shows, whatever process runs the tool (dotnet, a test host).</summary>
    private const string ToolName = "ImpactAlliances.Indexer";

    /// <summary>What stats and release say when no index has been built yet.</summary>
    internal static string NoIndex(string root) => $"Aucun index dans {root} : construisez-le avec la commande build.";

    /// <summary>
    /// The served snapshot; false after saying why there is none: no index yet, or one this program cannot read
    /// (another format, a missing or damaged file), with what to do.
    /// </summary>
    internal static bool TryAcquire(CaseStudyIndex index, TextWriter error, out SnapshotLease lease)
    {
        try
        {
            lease = index.Acquire();
            return true;
        }
        catch (IndexUnavailableException)
        {
            error.WriteLine(NoIndex(index.Store.Root));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            error.WriteLine($"Index illisible dans {index.Store.Root} ({ex.Message}) : reconstruisez-le avec la commande build.");
        }
        lease = default;
        return false;
    }

    private const string ExitCodes = "0 succès, 1 contenu invalide ou construction échouée, 2 arguments incorrects.";

    /// <summary>Runs the command named by <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // The parser's own error messages come from its French resources. Set here, in an async method, the
        // culture flows to the command and is restored for the caller when it returns.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        // No response files: "@…" is a title or a path, read as is.
        var parsed = CreateRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is ParseErrorAction)
        {
            ReportErrors(parsed, error);
            return BadArguments;
        }
        // Exceptions are not swallowed into a generic message: a failing command says why, or crashes loudly.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand("vérifie le contenu, construit, publie et mesure l'index d'Impact Alliances");
        foreach (var command in new IndexerCommand[] { new ValidateCommand(), new BuildCommand(), new PublishCommand(), new StatsCommand(), new NewCommand(), new RelevanceCommand(), new GenerateCommand(), new ReleaseCommand() })
        {
            root.Add(command);
        }
        // "help" and "help <commande>", as "--help" and "<commande> --help"; not listed.
        var topic = new Argument<string>("commande") { Arity = ArgumentArity.ZeroOrOne };
        var helpCommand = new Command("help") { Hidden = true };
        helpCommand.Add(topic);
        helpCommand.SetAction(parsed =>
        {
            FrenchHelp.Write(root.Subcommands.FirstOrDefault(c => c.Name == parsed.GetValue(topic)) ?? root, parsed.InvocationConfiguration.Output);
            return Ok;
        });
        root.Add(helpCommand);
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        var help = root.Options.OfType<HelpOption>().Single();
        help.Description = "affiche cette aide";
        help.Action = new FrenchHelp();
        return root;
    }

    /// <summary>Each parse error, what a mistyped word probably meant, then the command's help, on the error stream.</summary>
    private static void ReportErrors(ParseResult parsed, TextWriter error)
    {
        foreach (var problem in parsed.Errors)
        {
            error.WriteLine(problem.Message);
        }
        var command = parsed.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name)).ToList();
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (ClosestMatch.Closest(token, names) is { } meant)
            {
                error.WriteLine($"« {token} » : vouliez-vous dire « {meant} » ?");
            }
        }
        error.WriteLine();
        FrenchHelp.Write(command, error);
    }

    /// <summary>
    /// Help written from the commands' definitions, in French throughout: the library's help builder cannot be
    /// customised from outside (3.0.0) and its French resources leave headings and labels in English.
    /// </summary>
    private sealed class FrenchHelp : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return Ok;
        }

        public static void Write(Command command, TextWriter output)
        {
            var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive))).ToList();
            if (command is IndexerCommand indexerCommand)
            {
                var usage = command.Arguments.Select(a => $"<{a.Name}>")
                    .Concat(options.Where(o => o is not HelpOption).Select(o => indexerCommand.IsRequired(o) ? Label(o) : $"[{Label(o)}]"));
                output.WriteLine($"Usage : {ToolName} {command.Name} {string.Join(' ', usage)}");
                output.WriteLine();
                output.WriteLine(indexerCommand.Details.TrimEnd());
                Section("Arguments :", command.Arguments.Select(a => ($"<{a.Name}>", a.Description)), output);
            }
            else
            {
                output.WriteLine($"Usage : {ToolName} <commande> [options]");
                output.WriteLine();
                output.WriteLine($"{ToolName} {command.Description}.");
                Section("Commandes :", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description)), output);
            }
            Section("Options :", options.Select(o => (Label(o), o.Description)), output);
            output.WriteLine();
            if (command is not IndexerCommand)
            {
                output.WriteLine($"« {ToolName} <commande> --help » donne les options d'une commande.");
            }
            output.WriteLine($"Codes de sortie : {(command as IndexerCommand)?.ExitCodes.TrimEnd() ?? ExitCodes}");
        }

        /// <summary>A titled list in two aligned columns; a description's further lines stay under its first.</summary>
        private static void Section(string title, IEnumerable<(string Name, string? Description)> rows, TextWriter output)
        {
            var list = rows.ToList();
            if (list.Count == 0)
            {
                return;
            }
            output.WriteLine();
            output.WriteLine(title);
            var width = list.Max(r => r.Name.Length) + 3;
            foreach (var (name, description) in list)
            {
                var lines = (description ?? "").ReplaceLineEndings("\n").Split('\n');
                output.WriteLine($"  {name.PadRight(width)}{lines[0]}".TrimEnd());
                foreach (var line in lines.Skip(1))
                {
                    output.WriteLine($"  {new string(' ', width)}{line}");
                }
            }
        }

        private static string Label(Option option) => option is HelpOption
            ? "-h, --help"
            : $"{option.Name} <{option.HelpName}>";
    }

    /// <summary>Settings given as options override the environment's (Content__Path...) for this run.</summary>
    internal static ServiceProvider BuildServices(ParseResult parsed)
    {
        var settings = parsed.CommandResult.Command.Options.OfType<SettingOption>()
            .Select(option => KeyValuePair.Create(option.Key, parsed.GetValue(option)))
            .Where(setting => setting.Value is not null);
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddCaseStudySearch(configuration)
            .BuildServiceProvider();
    }
}

/// <summary>One subcommand: its options and French help, and what it does once they parsed.</summary>
internal abstract class IndexerCommand : Command
{
    private readonly HashSet<Option> _required = [];

    protected IndexerCommand(string name, string description) : base(name, description) =>
        SetAction(parsed =>
        {
            using var services = IndexerCommands.BuildServices(parsed);
            try
            {
                return Run(services, parsed, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file the command could not read or write that it did not foresee: said, not a stack trace.
                parsed.InvocationConfiguration.Error.WriteLine($"Lecture ou écriture impossible (détail : {ex.Message})");
                return IndexerCommands.Failed;
            }
        });

    /// <summary>What the command does, in full, shown by its help under the usage line (the tool's help lists the one-line description).</summary>
    public abstract string Details { get; }

    /// <summary>What each exit code means for this command.</summary>
    public abstract string ExitCodes { get; }

    protected abstract int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error);

    /// <summary>Whether the command refuses to run without <paramref name="option"/>.</summary>
    public bool IsRequired(Option option) => _required.Contains(option);

    /// <summary>Adds an option the command cannot run without (the library's own message for a missing one is in English).</summary>
    protected void AddRequired(Option option)
    {
        Add(option);
        _required.Add(option);
        Validators.Add(result =>
        {
            if (result.GetResult(option) is null)
            {
                result.AddError($"L'option {option.Name} est obligatoire.");
            }
        });
    }

    /// <summary>The help name of an option that names a folder: given an existing file, it is refused before the command runs.</summary>
    protected const string Folder = "dossier";

    /// <summary>An option that takes one non-blank value.</summary>
    protected static Option<string> Text(string name, string helpName, string description) => OneValue(new Option<string>(name) { HelpName = helpName, Description = description });

    /// <summary><c>--content</c>: the content folder, else the Content:Path setting.</summary>
    protected static SettingOption Content(string description = "dossier du contenu (par défaut : content, ou le réglage Content:Path)") =>
        OneValue(new SettingOption("--content", "Content:Path") { HelpName = Folder, Description = description });

    /// <summary><c>--index</c>: the index folder, else the Index:Path setting.</summary>
    protected static SettingOption Index() =>
        OneValue(new SettingOption("--index", "Index:Path") { HelpName = Folder, Description = "dossier de l'index (par défaut : index, ou le réglage Index:Path)" });

    /// <summary>
    /// The value given after the option, or after its last repetition: a repeated option overrides, as options
    /// overriding settings do (the library would refuse it, in English). A blank value, or another option
    /// (<c>--content --index</c>), is refused: the parser alone would take either as the value. So is a file given to a
    /// <see cref="Folder"/> option: the command would fail at its first write with the runtime's words, in English.
    /// </summary>
    private static T OneValue<T>(T option) where T : Option<string>
    {
        option.Arity = ArgumentArity.OneOrMore;
        option.CustomParser = result => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { } value || string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"L'option {option.Name} attend une valeur.");
            }
            else if (option.HelpName == Folder && File.Exists(value))
            {
                result.AddError($"L'option {option.Name} attend un dossier ; {value} est un fichier.");
            }
        });
        return option;
    }
}

/// <summary>An option that sets a configuration key, read by the services the command uses.</summary>
internal sealed class SettingOption(string name, string key) : Option<string>(name)
{
    public string Key { get; } = key;
}
