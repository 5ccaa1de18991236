using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>validate</c>: every problem of every file, then a summary.</summary>
internal sealed class ValidateCommand : ICommand
{
    public string Name => "validate";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string> { ["--content"] = "Content:Path" };

    public string Help => """
        Usage: ImpactAlliances.Indexer validate [--content <dir>]

        Checks content/taxonomy.yml and every content/cases/**/*.md (files named _*.md are templates and skipped).
        Prints each problem as path:line: message, errors and warnings, then a summary.

          --content <dir>   content folder (default: content, or the Content:Path setting)

        Exit codes: 0 no error (warnings allowed), 1 errors found, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var content = services.GetRequiredService<ContentIndexer>().Load();
        return Report(content, output, error) ? IndexerCommands.Ok : IndexerCommands.Failed;
    }

    /// <summary>Paths below the current folder are shown relative to it, as editors and CI annotations expect.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>Prints the diagnostics and a summary; returns whether the content is valid.</summary>
    internal static bool Report(ContentSet content, TextWriter output, TextWriter error) =>
        Report(content.Diagnostics, content.Cases.Count, content.IsValid, output, error);

    /// <summary>Prints the diagnostics and a summary; returns <paramref name="isValid"/>.</summary>
    internal static bool Report(IReadOnlyList<ContentDiagnostic> diagnostics, int validCases, bool isValid, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic with { Path = Display(diagnostic.Path) });
        }
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var files = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).Distinct().Count();
        output.WriteLine(errors == 0
            ? $"{validCases} cases valid, {warnings} warning(s)."
            : $"{errors} error(s) in {files} file(s), {warnings} warning(s).");
        return isValid;
    }
}
