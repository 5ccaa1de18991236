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
        Usage: ImpactAlliances.Indexer generate --count <N> --out <dir> [--seed <S>] [--content <dir>]

        Writes N synthetic cases to <dir>/cases and the content's taxonomy to <dir>/taxonomy.yml, so that
        <dir> can be validated, built and benchmarked like a content folder. Same seed, same bytes.
        Synthetic cases are for benchmarks and tests only: the command refuses to write into the content folder.

          --count <N>       number of cases (1 to 1,000,000)
          --out <dir>       where to write; created if missing
          --seed <S>        random seed (default 42)
          --content <dir>   content folder whose taxonomy is used (default: content)

        Exit codes: 0 written, 1 refused, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var configuration = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        if (!int.TryParse(configuration["Generate:Count"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000
            || configuration["Generate:Out"] is not { Length: > 0 } outArgument
            || !int.TryParse(configuration["Generate:Seed"] ?? "42", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            error.WriteLine("Give --count (1 to 1,000,000), --out and optionally a numeric --seed.");
            error.WriteLine(Help);
            return IndexerCommands.BadArguments;
        }
        var contentPath = Path.GetFullPath(services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.ContentPath);
        var outPath = Path.GetFullPath(outArgument);
        if (IsInside(outPath, contentPath) || IsInside(contentPath, outPath))
        {
            error.WriteLine($"Refusing to write synthetic cases into the content folder ({contentPath}); choose --out elsewhere.");
            return IndexerCommands.Failed;
        }
        var clock = Stopwatch.StartNew();
        CorpusGenerator.Write(outPath, count, seed, Path.Combine(contentPath, ContentLoader.TaxonomyFile),
            new Progress<int>(n => error.WriteLine($"  {n} / {count} cases written")));
        output.WriteLine($"Wrote {count} synthetic cases (seed {seed}) to {outPath} in {clock.Elapsed.TotalSeconds:0.0} s");
        return IndexerCommands.Ok;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
