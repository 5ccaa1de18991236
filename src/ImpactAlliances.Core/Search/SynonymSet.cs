using ImpactAlliances.Core.Content;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Groups of equivalent expressions of the field (acronyms, synonyms) from <c>content/synonyms.yml</c>,
/// applied at query time: a run of query words equal to one expression of a group also searches the others.
/// </summary>
public sealed class SynonymSet
{
    /// <summary>The synonyms file, relative to the content folder.</summary>
    public const string FileName = "synonyms.yml";

    /// <summary>No synonyms.</summary>
    public static readonly SynonymSet Empty = new([]);

    // Each group is a list of expressions; each expression is its analysed terms with their positions
    // (stop words leave gaps, as they do in the index).
    private readonly List<List<Expression>> _groups;

    private SynonymSet(List<List<Expression>> groups) => _groups = groups;

    /// <summary>An expression's terms and their positions.</summary>
    public sealed record Expression(string[] Terms, int[] Positions);

    /// <summary>Number of groups.</summary>
    public int Count => _groups.Count;

    /// <summary>Reads a synonyms file; a missing file is an empty set, a malformed one is reported with its line.</summary>
    public static SynonymSet Read(string path, Analyzer analyzer, ICollection<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            diagnostics.Add(new(path, (int)ex.Start.Line, DiagnosticSeverity.Error, $"malformed YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return Empty;
        }
        if (stream.Documents.Count == 0)
        {
            return Empty;
        }
        if (stream.Documents[0].RootNode is not YamlSequenceNode root)
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, "expected a list of groups, one per line: - [RSE, responsabilité sociétale des entreprises]"));
            return Empty;
        }
        var groups = new List<List<Expression>>();
        foreach (var node in root)
        {
            var expressions = node is YamlSequenceNode group
                ? group.Children.OfType<YamlScalarNode>().Select(s => AnalyzeWithPositions(analyzer, s.Value ?? "")).Where(e => e.Terms.Length > 0).ToList()
                : [];
            if (expressions.Count < 2)
            {
                diagnostics.Add(new(path, (int)node.Start.Line, DiagnosticSeverity.Error, "a group needs at least two expressions: - [ESS, économie sociale et solidaire]"));
                continue;
            }
            groups.Add(expressions);
        }
        return new SynonymSet(groups);
    }

    /// <summary>
    /// The expressions equivalent to the longest run of <paramref name="terms"/> starting at <paramref name="start"/>
    /// that equals an expression of a group; <paramref name="length"/> is that run's length (0 when none).
    /// </summary>
    public IReadOnlyList<Expression> Match(IReadOnlyList<string> terms, int start, out int length)
    {
        length = 0;
        List<Expression>? best = null;
        foreach (var group in _groups)
        {
            foreach (var expression in group)
            {
                if (expression.Terms.Length > length && StartsWithAt(terms, start, expression.Terms))
                {
                    (best, length) = (group, expression.Terms.Length);
                }
            }
        }
        return best ?? [];
    }

    private static bool StartsWithAt(IReadOnlyList<string> terms, int start, string[] expression)
    {
        if (start + expression.Length > terms.Count)
        {
            return false;
        }
        for (var i = 0; i < expression.Length; i++)
        {
            if (terms[start + i] != expression[i])
            {
                return false;
            }
        }
        return true;
    }

    internal static string[] Analyze(Analyzer analyzer, string text) => AnalyzeWithPositions(analyzer, text).Terms;

    internal static Expression AnalyzeWithPositions(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        var positions = new List<int>();
        using var stream = analyzer.GetTokenStream(CaseStudySchema.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        var firstPosition = 0;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(term.ToString());
            positions.Add(positions.Count == 0 ? 0 : position - firstPosition);
            if (positions.Count == 1)
            {
                firstPosition = position;
            }
        }
        stream.End();
        return new Expression([.. terms], [.. positions]);
    }
}
