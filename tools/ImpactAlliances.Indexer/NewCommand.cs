using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Indexer;

/// <summary><c>new "Titre"</c>: a case file from the template, named from the title, never over an existing one.</summary>
internal sealed partial class NewCommand : ICommand
{
    /// <summary>The template, relative to the content folder.</summary>
    public const string TemplateFile = "_template.md";

    public string Name => "new";

    public int Positionals => 1;

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string> { ["--content"] = "Content:Path" };

    public string Help => """
        Usage: ImpactAlliances.Indexer new "Titre du cas" [--content <dir>]

        Creates content/cases/<slug>.md from content/_template.md, with the slug derived from the title
        (accents removed, lower case, words joined by hyphens), the title filled in and today's date as
        'updated'. Refuses to overwrite an existing file. Then lists what remains to fill in.

          --content <dir>   content folder (default: content, or the Content:Path setting)

        Exit codes: 0 created, 1 the file exists or the template is missing, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var title = arguments.Count == 1 ? arguments[0].Trim() : "";
        var slug = CaseStudyRules.SlugFromTitle(title);
        if (slug.Length == 0)
        {
            error.WriteLine("Give the case's title, in quotes: new \"Titre du cas\"");
            return IndexerCommands.BadArguments;
        }
        var indexer = services.GetRequiredService<ContentIndexer>();
        var template = Path.Combine(indexer.ContentPath, TemplateFile);
        var path = Path.Combine(indexer.ContentPath, ContentLoader.CasesFolder, slug + ".md");
        if (!File.Exists(template))
        {
            error.WriteLine($"{template}: template not found");
            return IndexerCommands.Failed;
        }
        if (File.Exists(path))
        {
            error.WriteLine($"{path} already exists; choose another title, or edit that file.");
            return IndexerCommands.Failed;
        }
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var text = TitleLine().Replace(File.ReadAllText(template), $"title: \"{title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"", 1);
        text = UpdatedLine().Replace(text, $"updated: {today:yyyy-MM-dd}", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.CreateNew))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        output.WriteLine($"Created {path}");
        output.WriteLine("Fill in the fields and sections, then run 'validate'. Still to do:");
        var content = indexer.Load();
        foreach (var diagnostic in content.Diagnostics.Where(d => d.Path == path))
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
