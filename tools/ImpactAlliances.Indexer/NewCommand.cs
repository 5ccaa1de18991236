using System.CommandLine;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>new "Titre"</c>: a case file from the template, named from the title, never over an existing one.</summary>
internal sealed partial class NewCommand : IndexerCommand
{
    /// <summary>The template, relative to the content folder.</summary>
    public const string TemplateFile = "_template.md";

    private readonly Argument<string> _title = new("titre") { Description = "titre du cas, entre guillemets : new \"Titre du cas\"" };

    public NewCommand() : base("new", "crée un cas à partir de content/_template.md : new \"Titre du cas\"")
    {
        Add(_title);
        Add(Content());
    }

    public override string Details => """
        Crée content/cases/<nom>.md à partir de content/_template.md. Le nom vient du titre : sans accents,
        en minuscules, mots joints par des tirets, 60 caractères au plus, terminé sur un mot entier (ni
        « la », ni « de », ni « pour »...). Le titre et la date du jour (updated) sont remplis. Un fichier
        existant n'est jamais écrasé. Liste ensuite ce qu'il reste à remplir.
        """;

    public override string ExitCodes => "0 créé, 1 le fichier existe ou le modèle manque, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var title = parsed.GetRequiredValue(_title).Trim();
        var slug = CaseStudyRules.SlugFromTitle(title);
        if (slug.Length == 0)
        {
            error.WriteLine(title.Length == 0
                ? "Donnez le titre du cas, entre guillemets : new \"Titre du cas\""
                : $"Le titre « {title} » n'a ni lettre ni chiffre dont faire un nom de fichier : écrivez-le en toutes lettres.");
            return IndexerCommands.BadArguments;
        }
        // The title is written on the template's title line: a line break would cut it, and the case written would not parse.
        if (title.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            error.WriteLine("Le titre tient sur une ligne : retapez-le sans retour à la ligne.");
            return IndexerCommands.BadArguments;
        }
        if (ContentFile.FirstInvisible(title) is var at and >= 0)
        {
            error.WriteLine($"Le titre contient un caractère invisible (U+{(int)title[at]:X4}) : retapez-le sans ce caractère.");
            return IndexerCommands.BadArguments;
        }
        var indexer = services.GetRequiredService<ContentIndexer>();
        var template = Path.Combine(indexer.ContentPath, TemplateFile);
        var path = Path.Combine(indexer.ContentPath, ContentLoader.CasesFolder, slug + ".md");
        var display = ContentLoader.DisplayPath(indexer.ContentPath);
        if (!File.Exists(template))
        {
            error.WriteLine($"{display(template)} : modèle introuvable");
            return IndexerCommands.Failed;
        }
        if (File.Exists(path))
        {
            error.WriteLine($"{display(path)} existe déjà : rien n'a été écrit. Modifiez ce fichier, ou choisissez un titre qui le distingue.");
            return IndexerCommands.Failed;
        }
        var refused = new List<ContentDiagnostic>();
        if (ContentFile.ReadText(template, refused, indexer.ContentPath) is not { } templateText)
        {
            foreach (var diagnostic in refused)
            {
                error.WriteLine(diagnostic with { Path = display(diagnostic.Path) });
            }
            return IndexerCommands.Failed;
        }
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        // Replaced by evaluators: a title's « $0 » or « $1 » is text, not a reference to what the pattern matched.
        var titleLine = $"title: \"{title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        var text = TitleLine().Replace(templateText, _ => titleLine, 1);
        text = UpdatedLine().Replace(text, _ => $"updated: {today:yyyy-MM-dd}", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.CreateNew))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        output.WriteLine($"{display(path)} créé.");
        output.WriteLine("Remplissez les champs et les sections, puis lancez « validate ». Reste à faire :");
        var content = indexer.Load();
        foreach (var diagnostic in content.Diagnostics.Where(d => d.Path == display(path)))
        {
            output.WriteLine($"  {diagnostic}");
        }
        return IndexerCommands.Ok;
    }

    [GeneratedRegex(@"^title:.*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^updated:.*$", RegexOptions.Multiline)]
    private static partial Regex UpdatedLine();
}
