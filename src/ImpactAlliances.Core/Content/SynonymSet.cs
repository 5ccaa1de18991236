using System.Security.Cryptography;
using System.Text;
using ImpactAlliances.Core.Analysis;
using Lucene.Net.Analysis;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Groups of equivalent expressions of the field (acronyms, synonyms) and one-way expansions from
/// <c>content/synonyms.yml</c>, applied at query time: a run of query words equal to one expression of a
/// group also searches the others.
/// </summary>
public sealed class SynonymSet
{
    /// <summary>The synonyms file, relative to the content folder.</summary>
    public const string FileName = "synonyms.yml";

    /// <summary>No synonyms.</summary>
    public static readonly SynonymSet Empty = new([], "", []);

    // Each rule: an expression that triggers it, and the expressions it searches. A group of equivalents
    // gives one rule per expression; a one-way entry gives one rule. Expressions are analysed terms with
    // their positions (stop words leave gaps, as they do in the index).
    private readonly List<(Expression Trigger, List<Expression> Expansion)> _rules;

    // The terms of the expressions of several words that trigger a rule ("aidant" and "familial" of "aidants familiaux").
    private readonly HashSet<string> _phraseTerms;

    // The file's one-word expressions, folded and as written (« endettees », « endettées »), in the file's order: a
    // misspelt query word can be corrected to one of them though no case writes it (QueryCorrector).
    private readonly List<(string Folded, string Word)> _words;

    private SynonymSet(List<(Expression, List<Expression>)> rules, string fingerprint, List<(string, string)> words)
    {
        (_rules, Fingerprint, _words) = (rules, fingerprint, words);
        _phraseTerms = rules.Where(r => r.Item1.Terms.Length > 1).SelectMany(r => r.Item1.Terms).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the term is one of an expression of several words that triggers a rule.</summary>
    public bool InPhrase(string term) => _phraseTerms.Contains(term);

    /// <summary>An expression's terms and their positions.</summary>
    public sealed record Expression(string[] Terms, int[] Positions)
    {
        /// <summary>The words the analysis drops before its first term (<see cref="SynonymSet.Lead(Analyzer, string)"/>), folded: « sans » of « sans-abri ».</summary>
        public string Lead { get; init; } = "";
    }

    /// <summary>
    /// The words of a text the analysis drops before the first one it keeps, folded and joined by spaces (« sans » of « sans
    /// domicile », « a » of « à domicile », « » of « domicile »). The index holds no stop word, so an expression that opens with
    /// one is searched by its other words; but typed, those words alone are not the expression: « sans domicile » is homelessness,
    /// « à domicile » home care, and « domicile » named the SDF's synonyms and the poverty domain, so that « rompre l'isolement
    /// des personnes âgées à domicile » ranked every case of poverty up and searched « SDF » and « sans-abri » (RELEVANCE.md,
    /// session 42). The words typed before a run are compared with an expression's lead when it has one (<see cref="Match(IReadOnlyList{string}, int, string, out int, out bool)"/>).
    /// </summary>
    internal static string Lead(Analyzer analyzer, string text)
    {
        var dropped = new List<string>();
        foreach (var word in text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TermAnalysis.Terms(analyzer, word).Length > 0)
            {
                break;
            }
            dropped.Add(FrenchAnalyzer.FoldLower(word));
        }
        return string.Join(' ', dropped);
    }

    /// <summary>Whether an expression's lead is typed: none, or the last words of those typed before the run (« des sans-abri »).</summary>
    internal static bool LeadTyped(string expected, string typed) =>
        expected.Length == 0 || typed == expected || typed.EndsWith(" " + expected, StringComparison.Ordinal);

    /// <summary>Number of rules.</summary>
    public int Count => _rules.Count;

    /// <summary>
    /// A short hash of the file the rules were read from ("" for no synonyms): the same file gives the same answers,
    /// on any server, so caches and entity tags key on it along with the index version.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>Reads a synonyms file; a missing file is an empty set, a malformed one is reported with its line.</summary>
    public static SynonymSet Read(string path, Analyzer analyzer, ICollection<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }
        var before = diagnostics.Count;
        var text = ContentFile.ReadText(path, diagnostics);
        var document = text is null ? null : YamlNodes.Load(path, text, lineOffset: 0, diagnostics);
        if (document is null || diagnostics.Count > before)
        {
            return Empty;
        }
        if (document is not YamlSequenceNode root)
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, "le fichier doit être une liste de groupes, un par ligne : - [RSE, responsabilité sociétale des entreprises]"));
            return Empty;
        }
        var rules = new List<(Expression, List<Expression>)>();
        var words = new List<(string, string)>();
        var groups = new List<List<Expression>>();
        var oneWays = new List<(Expression Key, List<Expression> Expansion)>();
        foreach (var node in root)
        {
            // "- [a, b, c]": equivalents, each finds the others. "- a: [b, c]": a finds b and c, not the reverse
            // (an acronym and its narrower terms: SIAE finds « chantier d'insertion »).
            var (triggers, expansion) = node switch
            {
                YamlSequenceNode group => (Expressions(group, analyzer), Expressions(group, analyzer)),
                YamlMappingNode { Children.Count: 1 } oneWay when oneWay.Children.First() is (YamlScalarNode key, YamlSequenceNode values) =>
                    (Expressions([key], analyzer), Expressions([key, .. values], analyzer)),
                _ => ([], []),
            };
            if (triggers.Count == 0 || expansion.Count < 2)
            {
                diagnostics.Add(new(path, (int)node.Start.Line, DiagnosticSeverity.Error,
                    "chaque ligne est un groupe d'au moins deux expressions, - [ESS, économie sociale et solidaire], ou une entrée à sens unique, - SIAE: [chantier d'insertion]"));
                continue;
            }
            rules.AddRange(triggers.Select(t => (t, expansion)));
            foreach (var word in node.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(w => w.Length > 0 && w.All(char.IsLetter)))
            {
                words.Add((FrenchAnalyzer.FoldLower(word), word));
            }
            if (node is YamlSequenceNode)
            {
                groups.Add(expansion);
            }
            else
            {
                oneWays.Add((triggers[0], expansion));
            }
        }
        // A one-way entry keyed on one expression of a group holds for its equivalents too: « IAE » reaches the chantiers
        // d'insertion as « SIAE » does, « désertification médicale » the médicobus as « déserts médicaux » does.
        foreach (var (key, expansion) in oneWays)
        {
            var equivalents = groups.Where(g => g.Any(e => e.Terms.SequenceEqual(key.Terms))).SelectMany(g => g)
                .Where(e => !e.Terms.SequenceEqual(key.Terms)).DistinctBy(e => string.Join(' ', e.Terms));
            rules.AddRange(equivalents.Select(e => (e, expansion)));
        }
        return new SynonymSet(rules, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text!)))[..16], words);
    }

    /// <summary>
    /// The acronyms of a table, each with its spelt-out form, as groups of two equivalents: what the cases define, not
    /// the file (<see cref="AcronymTable"/>). An acronym whose form analyses to the same terms is left out.
    /// </summary>
    internal static SynonymSet Of(AcronymTable acronyms, Analyzer analyzer)
    {
        var rules = new List<(Expression, List<Expression>)>();
        foreach (var (acronym, expansion) in acronyms.Expansions)
        {
            var group = Expressions([new YamlScalarNode(acronym), new YamlScalarNode(expansion)], analyzer);
            if (group.Count == 2 && !group[0].Terms.SequenceEqual(group[1].Terms))
            {
                rules.AddRange(group.Select(e => (e, group)));
            }
        }
        return rules.Count == 0 ? Empty : new SynonymSet(rules, "", []);
    }

    /// <summary>
    /// The expressions equivalent to the longest run of <paramref name="terms"/> starting at <paramref name="start"/>
    /// that equals an expression of a group; <paramref name="length"/> is that run's length (0 when none).
    /// </summary>
    public IReadOnlyList<Expression> Match(IReadOnlyList<string> terms, int start, out int length) => Match(terms, start, null, out length, out _);

    /// <summary>
    /// As <see cref="Match(IReadOnlyList{string}, int, out int)"/>, for a run typed after the dropped words <paramref name="lead"/>
    /// (<see cref="Lead"/>; null: leads are not read): an expression with a lead is matched only when it was typed, and then
    /// before the expressions of as many terms without one (« sans emploi » is the unemployed, not « emploi »);
    /// <paramref name="led"/> says that the expressions found were matched with their lead.
    /// </summary>
    public IReadOnlyList<Expression> Match(IReadOnlyList<string> terms, int start, string? lead, out int length, out bool led)
    {
        length = 0;
        led = false;
        var best = new List<Expression>();
        foreach (var (trigger, expansion) in _rules)
        {
            var withLead = lead is not null && trigger.Lead.Length > 0;
            if (trigger.Terms.Length < length || trigger.Terms.Length == length && led && !withLead || !StartsWithAt(terms, start, trigger.Terms)
                || withLead && !LeadTyped(trigger.Lead, lead!))
            {
                continue;
            }
            if (trigger.Terms.Length > length || withLead && !led)
            {
                (best, length, led) = ([], trigger.Terms.Length, withLead);
            }
            // Rules with the same trigger add up: a group of equivalents and a one-way entry.
            best.AddRange(expansion.Where(e => !best.Any(b => b.Terms.SequenceEqual(e.Terms))));
        }
        return best;
    }

    /// <summary>
    /// The one-word expression of the file closest to a folded word within <paramref name="maxEdits"/> (the first of the
    /// file among equally close ones), as written; null when none.
    /// </summary>
    internal string? NearestWord(string folded, int maxEdits) =>
        ClosestMatch.Nearest(folded, _words, w => w.Folded, maxEdits).Nearest is [var (_, word), ..] ? word : null;

    private static List<Expression> Expressions(IEnumerable<YamlNode> nodes, Analyzer analyzer) =>
        nodes.OfType<YamlScalarNode>().Select(s => AnalyzeWithPositions(analyzer, s.Value ?? "")).Where(e => e.Terms.Length > 0).ToList();

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

    private static Expression AnalyzeWithPositions(Analyzer analyzer, string text)
    {
        var (terms, positions) = TermAnalysis.WithPositions(analyzer, text);
        return new Expression(terms, positions) { Lead = Lead(analyzer, text) };
    }
}
