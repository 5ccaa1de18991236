using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using ScalarEvent = YamlDotNet.Core.Events.Scalar;

namespace ImpactAlliances.Core.Content;

/// <summary>Small helpers over YamlDotNet's representation model, which keeps each node's line.</summary>
internal static class YamlNodes
{
    /// <summary>The deepest nesting of lists and mappings read: a case needs 3 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes the aliases (<c>*name</c>) of a document may stand for once expanded.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Loads a YAML document whose root must be a mapping; reports malformed YAML with its line.</summary>
    /// <param name="lineOffset">Lines of the file before the YAML text (the front matter's opening fence).</param>
    public static YamlMappingNode? LoadMapping(string path, string text, int lineOffset, ICollection<ContentDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var root = Load(path, text, lineOffset, diagnostics);
        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }
        if (diagnostics.Count == before)
        {
            diagnostics.Add(new(path, 1 + lineOffset, DiagnosticSeverity.Error, "le fichier doit être une suite de lignes « champ: valeur »"));
        }
        return null;
    }

    /// <summary>
    /// Loads a YAML document's root node: null for an empty document, or with a diagnostic for malformed
    /// YAML or YAML beyond the limits (<see cref="MaxDepth"/>, <see cref="MaxNodes"/>), which are checked on
    /// each event as the loader reads it, before the node it opens is built, so deep nesting cannot overflow
    /// the stack, and the text is parsed once.
    /// </summary>
    public static YamlNode? Load(string path, string text, int lineOffset, ICollection<ContentDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var parser = new LimitedParser(PlainYamlEvents.Read(text) is { } events ? new EventList(events) : new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (BeyondLimitsException ex)
        {
            diagnostics.Add(new(path, ex.Line + lineOffset, DiagnosticSeverity.Error, ex.Message));
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(parser.BeyondLimitsAfter() is { } beyond
                ? new(path, beyond.Line + lineOffset, DiagnosticSeverity.Error, beyond.Message)
                : SyntaxError(path, YamlSyntaxErrors.Explain(ex, text), lineOffset));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow lists; the
            // parser's last event is where reading stopped.
            var line = (int)(parser.Current?.Start.Line ?? 1);
            diagnostics.Add(parser.BeyondLimitsAfter() is { } beyond
                ? new(path, beyond.Line + lineOffset, DiagnosticSeverity.Error, beyond.Message)
                : SyntaxError(path, YamlSyntaxErrors.UnclosedFlow(text, line), lineOffset));
            return null;
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>Events read beforehand (<see cref="PlainYamlEvents"/>), given one at a time as the parser gives them.</summary>
    private sealed class EventList(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next == events.Count)
            {
                return false;
            }
            Current = events[_next++];
            return true;
        }
    }

    private sealed class BeyondLimitsException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>
    /// A parser that counts, on its events, how deep the text nests and how many nodes its aliases stand for
    /// once expanded (a "billion laughs"), and throws <see cref="BeyondLimitsException"/> at the first event
    /// past <see cref="MaxDepth"/> or <see cref="MaxNodes"/>.
    /// </summary>
    private sealed class LimitedParser(IParser inner) : IParser
    {
        // Per open list or mapping: its nodes so far and the depth below it, aliases expanded.
        private readonly Stack<Frame> _open = new();
        private readonly Dictionary<string, (long Nodes, int Depth)> _anchors = new(StringComparer.Ordinal);
        private long _expandedByAliases;
        private bool _malformed;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                if (!inner.MoveNext())
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                _malformed = true;
                throw;
            }
            if (Check(inner.Current!) is { } beyond)
            {
                throw new BeyondLimitsException(beyond.Line, beyond.Message);
            }
            return true;
        }

        /// <summary>
        /// When the loader failed on well-formed YAML (a duplicate key...), the limit crossed further on, if any:
        /// a text beyond the limits is reported as such whatever else is wrong with it, unless it is malformed first.
        /// </summary>
        public (int Line, string Message)? BeyondLimitsAfter()
        {
            try
            {
                while (!_malformed && MoveNext())
                {
                }
            }
            catch (BeyondLimitsException ex)
            {
                return (ex.Line, ex.Message);
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                // Malformed further on: loading reported the first problem.
            }
            return null;
        }

        private (int Line, string Message)? Check(ParsingEvent current)
        {
            var line = (int)current.Start.Line;
            (long Nodes, int Depth)? added = null;
            switch (current)
            {
                case SequenceStart or MappingStart:
                    if (_open.Count + 1 > MaxDepth)
                    {
                        return (line, $"YAML imbriqué sur plus de {MaxDepth} niveaux : simplifiez la structure");
                    }
                    var anchor = ((NodeEvent)current).Anchor;
                    _open.Push(new Frame(anchor.IsEmpty ? null : anchor.Value));
                    break;
                case SequenceEnd or MappingEnd:
                    var done = _open.Pop();
                    added = (done.Nodes + 1, done.Depth + 1);
                    if (done.Anchor is not null)
                    {
                        _anchors[done.Anchor] = added.Value;
                    }
                    break;
                case ScalarEvent scalar:
                    // A double-quoted value's escapes (« \e », « \x85 », « \u0001 ») write what the file's own check cannot see;
                    // any other value is the file's text as it was checked.
                    if (scalar.Style == ScalarStyle.DoubleQuoted && ContentFile.FirstInvisible(scalar.Value) is var at and >= 0)
                    {
                        return (line, ContentFile.InvisibleCharacter(scalar.Value[at], $"écrit par un échappement dans la valeur qui commence colonne {scalar.Start.Column}"));
                    }
                    added = (1, 0);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        _anchors[scalar.Anchor.Value] = added.Value;
                    }
                    break;
                case AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var expanded):
                    if (_open.Count + expanded.Depth > MaxDepth)
                    {
                        return (line, $"YAML imbriqué sur plus de {MaxDepth} niveaux une fois l'alias *{alias.Value.Value} développé : simplifiez la structure");
                    }
                    added = expanded;
                    _expandedByAliases += expanded.Nodes;
                    if (_expandedByAliases > MaxNodes)
                    {
                        return (line, $"les alias YAML (*nom) développent plus de {MaxNodes} nœuds : n'enchaînez pas les alias");
                    }
                    break;
            }
            if (added is { } node && _open.TryPeek(out var parent))
            {
                parent.Nodes += node.Nodes;
                parent.Depth = Math.Max(parent.Depth, node.Depth);
            }
            return null;
        }
    }

    private sealed class Frame(string? anchor)
    {
        public string? Anchor { get; } = anchor;
        public long Nodes { get; set; }
        public int Depth { get; set; }
    }

    /// <summary>An error located at a node.</summary>
    public static ContentDiagnostic Error(string path, YamlNode node, int lineOffset, string message) =>
        new(path, Line(node, lineOffset), DiagnosticSeverity.Error, message);

    /// <summary>The file line of a node.</summary>
    public static int Line(YamlNode node, int lineOffset) => (int)node.Start.Line + lineOffset;

    /// <summary>The text of a scalar child, or null when absent or not a scalar.</summary>
    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A YAML syntax error at its line of the file, with its column.</summary>
    public static ContentDiagnostic SyntaxError(string path, YamlSyntaxErrors.Explanation explanation, int lineOffset) =>
        new(path, explanation.Line + lineOffset, DiagnosticSeverity.Error, $"{explanation.Message} (colonne {explanation.Column})");
}
