using System.CommandLine;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>validate</c>: every problem of every file, then a summary.</summary>
internal sealed class ValidateCommand : IndexerCommand
{
    public ValidateCommand() : base("validate", "vérifie chaque cas et la taxonomie ; écrit chaque problème sous la forme chemin:ligne: message") => Add(Content());

    public override string Details => """
        Vérifie content/taxonomy.yml et chaque content/cases/**/*.md (les fichiers _*.md sont des modèles,
        ignorés). Écrit chaque problème, erreur ou avertissement, sous la forme chemin:ligne: message,
        puis un bilan.
        """;

    public override string ExitCodes => "0 aucune erreur (avertissements permis), 1 erreurs trouvées, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var content = services.GetRequiredService<ContentIndexer>().Load();
        return Report(content, output, error) ? IndexerCommands.Ok : IndexerCommands.Failed;
    }

    /// <summary>Prints the diagnostics and a summary; returns whether the content is valid.</summary>
    internal static bool Report(ContentSet content, TextWriter output, TextWriter error) =>
        Report(content.Diagnostics, content.Cases.Count, content.IsValid, output, error);

    /// <summary>Prints the diagnostics and a summary; returns <paramref name="isValid"/>.</summary>
    internal static bool Report(IReadOnlyList<ContentDiagnostic> diagnostics, int validCases, bool isValid, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var files = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).Distinct().Count();
        output.WriteLine(errors == 0
            ? $"{Count(validCases, "cas valide", "cas valides")}, {Count(warnings, "avertissement", "avertissements")}."
            : $"{Count(errors, "erreur", "erreurs")} dans {Count(files, "fichier", "fichiers")}, {Count(warnings, "avertissement", "avertissements")}.");
        return isValid;
    }

    // French: 0 and 1 take the singular.
    private static string Count(int n, string one, string many) => $"{n} {(n <= 1 ? one : many)}";
}
